package dev.hashi.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names an {@link EventPayload} on the wire: a dotted, past-tense type such as {@code content.entry.changed}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** The stable type name; never a Java class name. */
    String value();

    /** The payload's schema version; bump it for any incompatible change. */
    int schemaVersion() default 1;
}

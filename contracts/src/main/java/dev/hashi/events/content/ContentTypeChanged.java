package dev.hashi.events.content;

import java.util.List;

import dev.hashi.events.EventPayload;
import dev.hashi.events.EventType;

/**
 * A content type was created or changed.
 *
 * @param typeKey         the type's key, e.g. {@code presentation}
 * @param localizedFields paths of the type's localized fields
 */
@EventType("content.type.changed")
public record ContentTypeChanged(String typeKey, List<String> localizedFields) implements EventPayload {}

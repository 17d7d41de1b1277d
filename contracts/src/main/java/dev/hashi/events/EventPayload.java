package dev.hashi.events;

/**
 * The payload of an event. Every implementation is a record annotated with {@link EventType}, which gives the
 * stable type name and schema version written on the wire instead of any Java class name.
 */
public interface EventPayload {}

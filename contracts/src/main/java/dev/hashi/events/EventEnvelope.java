package dev.hashi.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The envelope every event travels in.
 *
 * @param eventId          unique per event; consumers deduplicate on it
 * @param type             stable type name, e.g. {@code content.entry.changed}
 * @param schemaVersion    version of the payload schema for that type
 * @param occurredAt       when the state change happened
 * @param aggregateId      id of the aggregate the event is about; it is also the Kafka record key
 * @param aggregateVersion version of that aggregate after the change; consumers ignore versions they have passed
 * @param traceId          request or trace id of the request that caused the change; may be {@code null}
 * @param actor            subject (user or API token) that caused the change; {@code system} for automatic work
 * @param payload          the type-specific body
 */
public record EventEnvelope<P extends EventPayload>(
        UUID eventId,
        String type,
        int schemaVersion,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        String traceId,
        String actor,
        P payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(payload, "payload");
    }

    /** A new envelope for {@code payload}, with a random event id and the type taken from its {@link EventType}. */
    public static <P extends EventPayload> EventEnvelope<P> of(
            P payload, String aggregateId, long aggregateVersion, String traceId, String actor, Instant occurredAt) {
        EventType type = EventTypes.typeOf(payload.getClass());
        return new EventEnvelope<>(
                UUID.randomUUID(),
                type.value(),
                type.schemaVersion(),
                occurredAt,
                aggregateId,
                aggregateVersion,
                traceId,
                actor,
                payload);
    }

    /** The topic this event belongs on, derived from the owner prefix of its type. */
    public String topic() {
        return Topics.forType(type);
    }
}

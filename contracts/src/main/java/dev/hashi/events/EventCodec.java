package dev.hashi.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Encodes envelopes to JSON bytes and decodes them back. Decoding is strict: anything that is not a complete
 * envelope of a registered type and schema version is a {@link PoisonEventException}.
 */
public final class EventCodec {

    private final EventTypes types;
    private final JsonMapper json;

    public EventCodec(EventTypes types) {
        this.types = types;
        this.json = JsonMapper.builder()
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    /** A codec for every event type of the platform. */
    public static EventCodec standard() {
        return new EventCodec(EventTypes.standard());
    }

    /** The envelope as UTF-8 JSON. */
    public byte[] encode(EventEnvelope<?> envelope) {
        return json.writeValueAsBytes(toTree(envelope));
    }

    /** The envelope as a JSON tree (for storing in an outbox). */
    public ObjectNode toTree(EventEnvelope<?> envelope) {
        EventTypes.typeOf(envelope.payload().getClass());
        return json.valueToTree(envelope);
    }

    /**
     * Decodes one record value.
     *
     * @throws PoisonEventException when the bytes are not a valid envelope of a known type and version
     */
    public EventEnvelope<? extends EventPayload> decode(byte[] bytes) {
        if (bytes == null) {
            throw new PoisonEventException("event.malformed", "record has no value", null);
        }
        JsonNode tree;
        try {
            tree = json.readTree(bytes);
        } catch (JacksonException e) {
            throw new PoisonEventException("event.malformed", "record value is not JSON: " + e.getOriginalMessage(), e);
        }
        return fromTree(tree);
    }

    /** Decodes an envelope from a JSON tree; same rules as {@link #decode(byte[])}. */
    public EventEnvelope<? extends EventPayload> fromTree(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw new PoisonEventException("event.malformed", "record value is not a JSON object", null);
        }
        String type = text(tree, "type");
        JsonNode version = tree.get("schemaVersion");
        if (version == null || !version.isIntegralNumber()) {
            throw new PoisonEventException("event.malformed", "schemaVersion missing or not a number", null);
        }
        Class<? extends EventPayload> payloadType = types.payloadFor(type, version.intValue())
                .orElseThrow(() -> new PoisonEventException(
                        "event.unknown-type", "unknown event type " + type + " v" + version.intValue(), null));
        JsonNode payload = tree.get("payload");
        if (payload == null || !payload.isObject()) {
            throw new PoisonEventException("event.malformed", "payload missing for " + type, null);
        }
        try {
            JsonNode aggregateVersion = tree.get("aggregateVersion");
            if (aggregateVersion == null || !aggregateVersion.isIntegralNumber()) {
                throw new PoisonEventException("event.malformed", "aggregateVersion missing or not a number", null);
            }
            JsonNode traceId = tree.get("traceId");
            return new EventEnvelope<>(
                    UUID.fromString(text(tree, "eventId")),
                    type,
                    version.intValue(),
                    Instant.parse(text(tree, "occurredAt")),
                    text(tree, "aggregateId"),
                    aggregateVersion.longValue(),
                    traceId == null || traceId.isNull() ? null : traceId.asString(),
                    text(tree, "actor"),
                    json.treeToValue(payload, payloadType));
        } catch (JacksonException | IllegalArgumentException | DateTimeParseException | NullPointerException e) {
            throw new PoisonEventException("event.malformed", "invalid " + type + " envelope: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode tree, String field) {
        JsonNode node = tree.get(field);
        if (node == null || !node.isString() || node.asString().isBlank()) {
            throw new PoisonEventException("event.malformed", "envelope field '" + field + "' missing or empty", null);
        }
        return node.asString();
    }
}

package dev.hashi.content.common;

import java.util.Map;

import org.bson.Document;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps the service's internal records to MongoDB documents and back. Instants are stored as ISO-8601 strings, which
 * sort in time order. Outbox fields and other unknown fields are ignored when reading.
 */
public final class Documents {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private Documents() {}

    @SuppressWarnings("unchecked")
    public static Document toDocument(Object value) {
        return new Document(JSON.convertValue(value, Map.class));
    }

    /** A value as it is stored inside a document: records and lists become documents and lists. */
    public static Object toBson(Object value) {
        Object converted = JSON.convertValue(value, Object.class);
        return converted instanceof Map<?, ?> map ? new Document(castMap(map)) : converted;
    }

    public static <T> T fromDocument(Map<String, Object> document, Class<T> type) {
        return JSON.convertValue(document, type);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}

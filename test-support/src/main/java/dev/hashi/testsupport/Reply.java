package dev.hashi.testsupport;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * An HTTP response as tests read it: status, headers and the body as JSON (a missing node when empty or not JSON).
 */
public record Reply(int status, Map<String, List<String>> headers, JsonNode body, String raw) {

    /** The first value of header {@code name} (any case), {@code null} when absent. */
    public String header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0))
                .findFirst()
                .orElse(null);
    }

    public String etag() {
        return header("ETag");
    }

    /** The problem's {@code code}, empty when the body has none. */
    public String code() {
        return body.path("code").asString();
    }
}

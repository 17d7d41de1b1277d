package dev.hashi.console.gateway;

import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * A successful answer of the gateway.
 *
 * @param status the HTTP status (2xx or 3xx)
 * @param etag   the {@code ETag} header without quotes, or {@code null}
 * @param body   the JSON body; a missing node when there was none
 */
public record GatewayResponse(int status, String etag, JsonNode body) {

    /** The resource's version from its {@code ETag}, when it is a number as every versioned resource sends. */
    public Optional<Long> version() {
        if (etag == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(etag));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

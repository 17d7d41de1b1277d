package dev.hashi.gateway.delivery;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stored delivery response: what a hit sends back, and what it depends on.
 *
 * @param headers   the headers a hit sends (name, values), without per-request and internal ones
 * @param vary      the {@code Vary} tokens, merged into what the gateway already set (CORS adds its own)
 * @param etag      the {@code ETag}, or {@code null}
 * @param body      the body bytes; never modified
 * @param versions  aggregate id → version the body shows ({@code Hashi-Versions})
 * @param types     content types the body depends on as a whole ({@code Hashi-Types}; {@code *} = every type)
 * @param storedAt  {@link System#nanoTime()} when stored, for {@code Age}
 * @param freshNanos how long it may be served: its {@code max-age}, lists no longer than the list TTL
 */
record CachedResponse(
        List<Map.Entry<String, List<String>>> headers,
        List<String> vary,
        String etag,
        byte[] body,
        Map<String, Long> versions,
        Set<String> types,
        long storedAt,
        long freshNanos) {

    /** Whether an event about {@code aggregateId} of {@code contentType} (may be {@code null}) makes it stale. */
    boolean dependsOn(String aggregateId, String contentType) {
        return versions.containsKey(aggregateId)
                || types.contains(DeliveryCache.ANY_TYPE)
                || (contentType != null && types.contains(contentType));
    }

    /** Its size as the cache bounds it: body, a rough count of header and key bytes, and object overhead. */
    int weight(String key) {
        int weight = 256 + body.length + 2 * key.length();
        for (Map.Entry<String, List<String>> header : headers) {
            weight += 2 * header.getKey().length();
            for (String value : header.getValue()) {
                weight += 2 * value.length();
            }
        }
        return weight + 64 * versions.size() + 32 * types.size();
    }
}

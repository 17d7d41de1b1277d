package dev.hashi.content.cache;

import java.util.List;

/**
 * A delivery response kept in memory: its status, the headers a hit sends again (ETag, Cache-Control, Vary,
 * Content-Type, Content-Language, {@code Hashi-Versions}, …; never per-request ones such as the request id) and the
 * body bytes.
 */
record StoredResponse(int status, List<Header> headers, byte[] body, String etag, Dependencies dependencies) {

    private static final int OVERHEAD = 128;

    record Header(String name, String value) {}

    /** The bytes it holds, roughly: body, headers and a fixed overhead. */
    int weight() {
        long weight = OVERHEAD + (long) body.length;
        for (Header header : headers) {
            weight += header.name().length() + header.value().length();
        }
        return (int) Math.min(Integer.MAX_VALUE, weight);
    }
}

package dev.hashi.gateway.delivery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Passes an upstream delivery response to the client and, when it may be shared (200, {@code Cache-Control: public}
 * with a positive {@code max-age}, no cookie, internal headers well-formed, body within the entry limit), copies its
 * bytes as they pass and offers the whole response to the cache once the body completed.
 */
final class RecordingResponse extends ServerHttpResponseDecorator {

    /** Headers never stored: per request, per connection, set by the gateway, or internal. */
    private static final Set<String> NOT_STORED = Set.of(
            "content-length",
            "transfer-encoding",
            "connection",
            "keep-alive",
            "date",
            "age",
            "vary",
            "set-cookie",
            "x-request-id",
            "x-ratelimit-remaining",
            DeliveryCacheFilter.CACHE_HEADER.toLowerCase(Locale.ROOT),
            InternalHeaders.VERSIONS.toLowerCase(Locale.ROOT),
            InternalHeaders.TYPES.toLowerCase(Locale.ROOT));

    /**
     * {@code Vary} tokens a stored response may carry: the key holds the negotiated locale, and the gateway answers
     * CORS itself on every request. A response varying on anything else is not stored.
     */
    private static final Set<String> KEYED_VARY =
            Set.of("accept-language", "origin", "access-control-request-method", "access-control-request-headers");

    private final ServerWebExchange exchange;
    private final String key;
    private final DeliveryCache cache;
    private final DeliveryCache.Ticket ticket;
    private final long listTtlNanos;

    RecordingResponse(
            ServerWebExchange exchange,
            String key,
            DeliveryCache cache,
            DeliveryCache.Ticket ticket,
            long listTtlNanos) {
        super(exchange.getResponse());
        this.exchange = exchange;
        this.key = key;
        this.cache = cache;
        this.ticket = ticket;
        this.listTtlNanos = listTtlNanos;
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
        CachedResponse template = storable();
        if (template == null) {
            return super.writeWith(body);
        }
        Recorder recorder = new Recorder(cache.maxEntryBytes());
        return super.writeWith(Flux.from(body).doOnNext(recorder::copy).doOnComplete(() -> {
            byte[] bytes = recorder.bytes();
            if (bytes != null) {
                cache.offer(key, withBody(template, bytes), ticket);
            }
        }));
    }

    /** The response without its body if it may be stored, else {@code null}. */
    private CachedResponse storable() {
        HttpStatusCode status = getStatusCode();
        HttpHeaders headers = getHeaders();
        if (status == null
                || status.value() != 200
                || headers.containsHeader(HttpHeaders.SET_COOKIE)
                || !identity(headers.getFirst(HttpHeaders.CONTENT_ENCODING))) {
            return null;
        }
        long length = headers.getContentLength();
        if (length > cache.maxEntryBytes()) {
            return null;
        }
        long maxAge = sharedMaxAge(headers.get(HttpHeaders.CACHE_CONTROL));
        if (maxAge <= 0) {
            return null;
        }
        InternalHeaders.Values internal = InternalHeaders.of(exchange);
        Map<String, Long> versions = internal == null ? Map.of() : versions(internal.versions());
        Set<String> types = internal == null ? Set.of() : types(internal.types());
        if (versions == null || types == null) {
            return null;
        }
        long fresh = TimeUnit.SECONDS.toNanos(maxAge);
        if (internal == null || (internal.versions() == null && internal.types() == null)) {
            types = Set.of(DeliveryCache.ANY_TYPE); // dependencies unknown: evicted by any event, short-lived
        }
        if (!types.isEmpty()) {
            fresh = Math.min(fresh, listTtlNanos);
        }
        if (fresh <= 0) {
            return null;
        }
        List<String> vary = new ArrayList<>();
        for (String value : headers.getOrEmpty(HttpHeaders.VARY)) {
            for (String token : value.split(",")) {
                String trimmed = token.trim();
                if (!trimmed.isEmpty()) {
                    if (!KEYED_VARY.contains(trimmed.toLowerCase(Locale.ROOT))) {
                        return null; // varies on something the key does not hold
                    }
                    vary.add(trimmed);
                }
            }
        }
        List<Map.Entry<String, List<String>>> stored = new ArrayList<>();
        headers.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("vary")) {
                return;
            } else if (!NOT_STORED.contains(lower) && !lower.startsWith("access-control-")) {
                stored.add(Map.entry(name, List.copyOf(values)));
            }
        });
        return new CachedResponse(
                List.copyOf(stored), List.copyOf(vary), headers.getETag(), new byte[0], versions, types, 0, fresh);
    }

    private static boolean identity(String contentEncoding) {
        return contentEncoding == null
                || contentEncoding.isBlank()
                || contentEncoding.trim().equalsIgnoreCase("identity");
    }

    private static CachedResponse withBody(CachedResponse template, byte[] body) {
        return new CachedResponse(
                template.headers(),
                template.vary(),
                template.etag(),
                body,
                template.versions(),
                template.types(),
                System.nanoTime(),
                template.freshNanos());
    }

    /**
     * Seconds a shared cache may serve the response ({@code s-maxage}, else {@code max-age}); 0 unless it is
     * {@code public} and neither {@code private}, {@code no-store} nor {@code no-cache}.
     */
    static long sharedMaxAge(List<String> cacheControl) {
        if (cacheControl == null) {
            return 0;
        }
        boolean shared = false;
        long maxAge = -1;
        long sMaxAge = -1;
        for (String value : cacheControl) {
            for (String directive : value.split(",")) {
                String d = directive.trim().toLowerCase(Locale.ROOT);
                if (d.equals("public")) {
                    shared = true;
                } else if (d.equals("private")
                        || d.startsWith("private=")
                        || d.equals("no-store")
                        || d.equals("no-cache")
                        || d.startsWith("no-cache=")) {
                    return 0;
                } else if (d.startsWith("max-age=")) {
                    maxAge = seconds(d.substring(8));
                } else if (d.startsWith("s-maxage=")) {
                    sMaxAge = seconds(d.substring(9));
                }
            }
        }
        if (!shared) {
            return 0;
        }
        long age = sMaxAge >= 0 ? sMaxAge : maxAge;
        return Math.max(age, 0);
    }

    private static long seconds(String value) {
        try {
            return Long.parseLong(value.replace("\"", "").trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** {@code id=version, id=version}; empty for {@code null} or blank; {@code null} when malformed. */
    static Map<String, Long> versions(String header) {
        if (header == null || header.isBlank()) {
            return Map.of();
        }
        Map<String, Long> versions = new LinkedHashMap<>();
        for (String element : header.split(",")) {
            String pair = element.trim();
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.lastIndexOf('=');
            if (equals <= 0) {
                return null;
            }
            try {
                versions.merge(
                        pair.substring(0, equals).trim(),
                        Long.parseLong(pair.substring(equals + 1).trim()),
                        Math::min);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return Map.copyOf(versions);
    }

    /** {@code type, type}; empty for {@code null} or blank. */
    static Set<String> types(String header) {
        if (header == null || header.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(header.split(","))
                .map(String::trim)
                .filter(type -> !type.isEmpty())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Copies body bytes as they pass, until the entry limit; then gives up. */
    private static final class Recorder {

        private final long limit;
        private byte[] bytes = new byte[4096];
        private int length;
        private boolean overflow;

        Recorder(long limit) {
            this.limit = limit;
        }

        void copy(DataBuffer buffer) {
            int count = buffer.readableByteCount();
            if (overflow || length + (long) count > limit) {
                overflow = true;
                bytes = null;
                return;
            }
            if (length + count > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(length + count, bytes.length * 2));
            }
            int position = buffer.readPosition();
            buffer.read(bytes, length, count);
            buffer.readPosition(position);
            length += count;
        }

        byte[] bytes() {
            return overflow ? null : Arrays.copyOf(bytes, length);
        }
    }
}

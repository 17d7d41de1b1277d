package dev.hashi.gateway.delivery;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Answers cacheable delivery reads from the {@link DeliveryCache} and records the others' responses into it. It runs
 * after authentication and the rate limit (so both still apply to hits) and before the gateway's routing, so a hit
 * costs no route lookup and no upstream call: its stored status, headers and bytes are written as they are, with
 * {@code Age}; a matching {@code If-None-Match} gets 304. Every delivery response says {@value #CACHE_HEADER}:
 * {@code hit}, {@code miss} (asked upstream, stored if it may be) or {@code bypass} (not cacheable), unless the cache
 * is disabled, and carries {@code Vary: Accept-Language}, whoever answered it.
 */
final class DeliveryCacheFilter implements WebFilter, Ordered {

    /** Response header: {@code hit}, {@code miss} or {@code bypass}. */
    static final String CACHE_HEADER = "Hashi-Cache";

    /** After authentication, authorization and the rate limit (which runs right after authorization). */
    static final int ORDER = SecurityWebFiltersOrder.AUTHORIZATION.getOrder() + 2;

    private static final List<String> HIT = List.of("hit");
    private static final List<String> MISS = List.of("miss");
    private static final List<String> BYPASS = List.of("bypass");

    private final DeliveryRequests requests;
    private final DeliveryCache cache;
    private final boolean enabled;
    private final long listTtlNanos;

    DeliveryCacheFilter(DeliveryRequests requests, DeliveryCache cache, DeliveryCacheProperties properties) {
        this.requests = requests;
        this.cache = cache;
        this.enabled = properties.enabled();
        this.listTtlNanos = properties.listTtl().toNanos();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!DeliveryRequests.isDelivery(request.getPath().value())) {
            return chain.filter(exchange);
        }
        ServerHttpResponse response = exchange.getResponse();
        if (!enabled) {
            varyOnCommit(response);
            return chain.filter(exchange);
        }
        String key = cache.usable() ? requests.keyOf(request) : null;
        if (key == null) {
            response.getHeaders().put(CACHE_HEADER, BYPASS);
            varyOnCommit(response);
            return chain.filter(exchange);
        }
        CachedResponse hit = cache.get(key);
        if (hit != null) {
            return serve(request, response, hit);
        }
        response.getHeaders().put(CACHE_HEADER, MISS);
        varyOnCommit(response);
        if (request.getMethod() != HttpMethod.GET) {
            return chain.filter(exchange);
        }
        DeliveryCache.Ticket ticket = cache.ticket();
        return chain.filter(exchange.mutate()
                .response(new RecordingResponse(exchange, key, cache, ticket, listTtlNanos))
                .build());
    }

    /** Writes {@code hit} (or 304 when {@code If-None-Match} matches it) as the response. */
    static Mono<Void> serve(ServerHttpRequest request, ServerHttpResponse response, CachedResponse hit) {
        HttpHeaders headers = response.getHeaders();
        headers.put(CACHE_HEADER, HIT);
        headers.set(HttpHeaders.AGE, Long.toString(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - hit.storedAt())));
        mergeVary(headers, hit.vary());
        ensureVary(headers);
        if (hit.etag() != null && matches(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH), hit.etag())) {
            response.setStatusCode(HttpStatus.NOT_MODIFIED);
            headers.set(HttpHeaders.ETAG, hit.etag()); // as stored: setETag would refuse an unquoted one
            for (Map.Entry<String, List<String>> header : hit.headers()) {
                if (header.getKey().equalsIgnoreCase(HttpHeaders.CACHE_CONTROL)) {
                    headers.put(HttpHeaders.CACHE_CONTROL, header.getValue());
                }
            }
            return response.setComplete();
        }
        response.setStatusCode(HttpStatus.OK);
        for (Map.Entry<String, List<String>> header : hit.headers()) {
            headers.put(header.getKey(), header.getValue());
        }
        headers.setContentLength(hit.body().length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(hit.body())));
    }

    /** Weak comparison (RFC 9110 §13.1.2) of each listed tag, or {@code *}, with the stored ETag. */
    static boolean matches(List<String> ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String stored = opaque(etag);
        for (String value : ifNoneMatch) {
            for (String tag : value.split(",")) {
                String candidate = tag.trim();
                if (candidate.equals("*") || opaque(candidate).equals(stored)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static void varyOnCommit(ServerHttpResponse response) {
        response.beforeCommit(() -> {
            ensureVary(response.getHeaders());
            return Mono.empty();
        });
    }

    private static void mergeVary(HttpHeaders headers, List<String> tokens) {
        for (String token : tokens) {
            if (!varies(headers, token)) {
                headers.add(HttpHeaders.VARY, token);
            }
        }
    }

    /** Adds {@code Vary: Accept-Language} unless the response already varies on it (or on everything). */
    static void ensureVary(HttpHeaders headers) {
        if (!varies(headers, HttpHeaders.ACCEPT_LANGUAGE) && !varies(headers, "*")) {
            headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        }
    }

    private static boolean varies(HttpHeaders headers, String token) {
        List<String> vary = headers.get(HttpHeaders.VARY);
        if (vary == null) {
            return false;
        }
        for (String value : vary) {
            for (String present : value.split(",")) {
                if (present.trim().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}

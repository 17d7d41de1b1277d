package dev.hashi.gateway.routing;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Spreads a service's requests over its replicas in turn (round-robin, one counter per service) by replacing the
 * scheme and authority of the URL the request goes to; path and query stay exactly as routed. A read retried
 * after a failed connection ({@link DownstreamRoutes}) goes to the replica after the one that failed, so with two
 * replicas a stopped one costs a read one refused connection and no error. A replica that refused a connection is
 * passed over for {@value #REST_SECONDS} seconds (unless every replica of the service did), so writes, which are
 * never retried, meet a stopped replica once rather than on every other request. A service with one replica is left
 * alone. The route's circuit breaker stays per service.
 *
 * <p>Why not Spring Cloud LoadBalancer with a static instance list: its round-robin picks the next instance of a
 * shared counter on a retry too, so concurrent requests can send the retry back to the replica that just refused
 * it, and it adds a dependency and its auto-configuration for what these few lines do.
 */
@Component
class Replicas implements GlobalFilter, Ordered {

    /** Runs after the route's URL was set and where the framework's load balancer filter would run. */
    static final int ORDER = RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 150;

    static final long REST_SECONDS = 5;

    private static final String TRIED = Replicas.class.getName() + ".tried";
    private static final long REST_NANOS = Duration.ofSeconds(REST_SECONDS).toNanos();

    private final Map<String, List<URI>> replicas;
    private final Map<String, AtomicInteger> turns = new HashMap<>();
    /** When ({@link System#nanoTime()}) each replica that refused a connection may be chosen again. */
    private final Map<URI, Long> refusedUntil = new ConcurrentHashMap<>();

    Replicas(DownstreamProperties downstream) {
        this.replicas = downstream.services();
        replicas.keySet().forEach(service -> turns.put(service, new AtomicInteger()));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String service = DownstreamRoutes.serviceOf(exchange);
        List<URI> candidates = service == null ? null : replicas.get(service);
        URI url = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
        if (candidates == null || candidates.size() < 2 || url == null) {
            return chain.filter(exchange);
        }
        Integer tried = exchange.getAttribute(TRIED);
        int next = tried == null
                ? available(candidates, Math.floorMod(turns.get(service).getAndIncrement(), candidates.size()))
                : (tried + 1) % candidates.size();
        URI replica = candidates.get(next);
        exchange.getAttributes().put(TRIED, next);
        exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, on(replica, url));
        return chain.filter(exchange).doOnError(failure -> {
            if (refused(failure)) {
                refusedUntil.put(replica, System.nanoTime() + REST_NANOS);
            }
        });
    }

    /** The first replica from {@code turn} on that is not resting after a refused connection, else {@code turn}. */
    private int available(List<URI> candidates, int turn) {
        long now = System.nanoTime();
        for (int i = 0; i < candidates.size(); i++) {
            int index = (turn + i) % candidates.size();
            Long until = refusedUntil.get(candidates.get(index));
            if (until == null || until - now <= 0) {
                return index;
            }
        }
        return turn;
    }

    private static boolean refused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    /** {@code url} with the replica's scheme and authority, its raw path and query unchanged. */
    static URI on(URI replica, URI url) {
        String query = url.getRawQuery();
        return URI.create(replica.getScheme() + "://" + replica.getRawAuthority() + url.getRawPath()
                + (query == null ? "" : "?" + query));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}

package dev.hashi.gateway.delivery;

import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.header.HttpHeaderWriterWebFilter;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.hashi.gateway.problem.EdgeRejection;
import dev.hashi.gateway.ratelimit.RateLimitFilter;

import reactor.core.publisher.Mono;

/**
 * Answers an anonymous delivery read that the {@link DeliveryCache} holds before the Spring Security filter chain
 * runs, since for such a request that chain decides nothing: a {@code GET} or {@code HEAD} of a cacheable delivery
 * path without {@code Authorization} (which carries JWTs and API tokens alike) is always permitted and never
 * authenticated. What the chain does to such a request is still done here, by the same objects: the firewall (a
 * request it refuses goes on to the chain, which refuses it as before), the security headers and CORS (the chain's own
 * header-writing and CORS filters), and the anonymous rate limit ({@link RateLimitFilter#admitAnonymous}). The
 * filters before the chain (request id, identity-header stripping, access log, body limits) run as for any request.
 *
 * <p>Everything else (a request with credentials, a miss, a request the cache may not answer) goes on to the chain
 * and to {@link DeliveryCacheFilter} as before, so a request with a token is never answered from the cache and an
 * invalid token is refused even when an anonymous response is cached.
 */
final class AnonymousDeliveryHits implements WebFilter, Ordered {

    /** Right before Spring Security's filter chain ({@code WebFluxSecurityConfiguration}'s order, -100). */
    static final int ORDER = -101;

    private final DeliveryRequests requests;
    private final DeliveryCache cache;
    private final RateLimitFilter rateLimit;
    private final ServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
    private final List<WebFilter> securityResponseFilters;

    AnonymousDeliveryHits(
            DeliveryRequests requests,
            DeliveryCache cache,
            RateLimitFilter rateLimit,
            SecurityWebFilterChain security) {
        this.requests = requests;
        this.cache = cache;
        this.rateLimit = rateLimit;
        this.securityResponseFilters = responseFilters(security);
    }

    /**
     * The security chain's filters that act on every response it lets pass: the security headers writer and CORS,
     * in the chain's order. Taken from the chain itself, so they are configured exactly as there.
     */
    static List<WebFilter> responseFilters(SecurityWebFilterChain security) {
        List<WebFilter> filters = security.getWebFilters()
                .filter(filter -> filter instanceof HttpHeaderWriterWebFilter || filter instanceof CorsWebFilter)
                .collectList()
                .block();
        if (filters == null || filters.stream().noneMatch(HttpHeaderWriterWebFilter.class::isInstance)) {
            throw new IllegalStateException("the security chain has no header-writing filter to reuse for cache hits");
        }
        return List.copyOf(filters);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpMethod method = exchange.getRequest().getMethod();
        if ((method != HttpMethod.GET && method != HttpMethod.HEAD)
                || !DeliveryRequests.isDelivery(exchange.getRequest().getPath().value())
                || !cache.usable()) {
            return chain.filter(exchange);
        }
        ServerWebExchange checked = firewalled(exchange);
        if (checked == null) {
            return chain.filter(exchange); // refused, or not known synchronously: the chain decides as before
        }
        CachedResponse hit;
        ServerHttpRequest request = checked.getRequest();
        try {
            String key = requests.keyOf(request);
            hit = key == null ? null : cache.get(key);
        } catch (ServerExchangeRejectedException refused) { // a header the firewall refuses: the chain answers it
            return chain.filter(exchange);
        }
        if (hit == null) {
            return chain.filter(exchange);
        }
        EdgeRejection limited = rateLimit.admitAnonymous(checked);
        if (limited != null) {
            return Mono.error(limited);
        }
        return new ResponseFilters(securityResponseFilters, 0, hit).filter(checked);
    }

    /** The firewall's view of the exchange, or {@code null} when it refuses it (or answers asynchronously). */
    private ServerWebExchange firewalled(ServerWebExchange exchange) {
        Mono<ServerWebExchange> checked = firewall.getFirewalledExchange(exchange);
        if (!(checked instanceof Callable<?> callable)) {
            return null;
        }
        try {
            return (ServerWebExchange) callable.call();
        } catch (Exception refused) {
            return null;
        }
    }

    /** The security chain's response filters in order, then the cached response. */
    private record ResponseFilters(List<WebFilter> filters, int index, CachedResponse hit) implements WebFilterChain {

        @Override
        public Mono<Void> filter(ServerWebExchange exchange) {
            if (index < filters.size()) {
                return filters.get(index).filter(exchange, new ResponseFilters(filters, index + 1, hit));
            }
            return DeliveryCacheFilter.serve(exchange.getRequest(), exchange.getResponse(), hit);
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}

package dev.hashi.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.hashi.gateway.problem.EdgeRejection;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

/**
 * Limits {@code /api/**} and {@code /docs/**} requests per caller with Bucket4j token buckets: per subject when authenticated, per
 * client IP otherwise. A caller over its limit gets 429 problem+json with {@code Retry-After}; other callers are
 * unaffected. Health is not limited.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitFilter implements WebFilter, Ordered {

    private final RateLimitProperties properties;
    private final Cache<String, Bucket> buckets;

    RateLimitFilter(RateLimitProperties properties) {
        this.properties = properties;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(properties.maxClients())
                .expireAfterAccess(Duration.ofMinutes(10))
                .build();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (!properties.enabled()
                || !(path.startsWith("/api/") || path.startsWith("/docs/"))
                || path.equals("/api/health")) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .map(authentication -> "subject:" + authentication.getName())
                .defaultIfEmpty("")
                .flatMap(subject -> {
                    boolean anonymous = subject.isEmpty();
                    String key = anonymous ? "ip:" + clientAddress(exchange) : subject;
                    RateLimitProperties.Limit limit = anonymous ? properties.anonymous() : properties.authenticated();
                    ConsumptionProbe probe =
                            buckets.get(key, k -> bucket(limit)).tryConsumeAndReturnRemaining(1);
                    if (probe.isConsumed()) {
                        exchange.getResponse()
                                .getHeaders()
                                .set("X-RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
                        return chain.filter(exchange);
                    }
                    long seconds =
                            Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
                    return Mono.error(new EdgeRejection(
                                    HttpStatus.TOO_MANY_REQUESTS,
                                    "rate.limited",
                                    "Too many requests; retry after " + seconds + " s.")
                            .withHeader("Retry-After", String.valueOf(seconds)));
                });
    }

    private static Bucket bucket(RateLimitProperties.Limit limit) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.burst())
                        .refillGreedy(limit.refill(), limit.period())
                        .build())
                .build();
    }

    private static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null
                ? "unknown"
                : remote.getAddress().getHostAddress();
    }

    @Override
    public int getOrder() {
        return SecurityWebFiltersOrder.AUTHORIZATION.getOrder() + 1;
    }
}

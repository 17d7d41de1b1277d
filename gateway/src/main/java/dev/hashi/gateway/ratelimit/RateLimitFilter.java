package dev.hashi.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
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
 * client IP otherwise (behind a trusted proxy, the address it forwarded). A caller over its limit gets 429
 * problem+json with {@code Retry-After}; other callers are unaffected. {@code /api/health} is limited too.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimitFilter implements WebFilter, Ordered {

    private final RateLimitProperties properties;
    private final Cache<String, Bucket> buckets;
    private final Pattern trustedProxies;

    RateLimitFilter(RateLimitProperties properties) {
        this.properties = properties;
        this.trustedProxies =
                properties.trustedProxies().isBlank() ? null : Pattern.compile(properties.trustedProxies());
        this.buckets = Caffeine.newBuilder()
                .maximumSize(properties.maxClients())
                .expireAfterAccess(Duration.ofMinutes(10))
                .build();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (!properties.enabled() || !(path.startsWith("/api/") || path.startsWith("/docs/"))) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .map(authentication -> "subject:" + authentication.getName())
                .defaultIfEmpty("")
                .flatMap(subject -> {
                    boolean anonymous = subject.isEmpty();
                    EdgeRejection limited = anonymous
                            ? consume("ip:" + clientAddress(exchange), properties.anonymous(), exchange)
                            : consume(subject, properties.authenticated(), exchange);
                    return limited == null ? chain.filter(exchange) : Mono.error(limited);
                });
    }

    /**
     * Takes one token of an anonymous caller's bucket for {@code exchange}, as this filter would for a request without
     * credentials, for a filter that answers such a request before the security chain (a cached delivery read).
     *
     * @return {@code null} when the request may pass ({@code X-RateLimit-Remaining} is set), otherwise the 429 to fail
     *     it with
     */
    public EdgeRejection admitAnonymous(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        if (!properties.enabled() || !(path.startsWith("/api/") || path.startsWith("/docs/"))) {
            return null;
        }
        return consume("ip:" + clientAddress(exchange), properties.anonymous(), exchange);
    }

    private EdgeRejection consume(String key, RateLimitProperties.Limit limit, ServerWebExchange exchange) {
        ConsumptionProbe probe = buckets.get(key, k -> bucket(limit)).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            exchange.getResponse()
                    .getHeaders()
                    .set("X-RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
            return null;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        return new EdgeRejection(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "rate.limited",
                        "Too many requests; retry after " + seconds + " s.")
                .withHeader("Retry-After", String.valueOf(seconds));
    }

    private static Bucket bucket(RateLimitProperties.Limit limit) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.burst())
                        .refillGreedy(limit.refill(), limit.period())
                        .build())
                .build();
    }

    /**
     * The socket address; when that is a trusted proxy, the nearest address in {@code X-Forwarded-For} (or, without
     * it, {@code Forwarded}'s {@code for=}) that is not a trusted proxy itself, read from the right, since only the
     * entries our proxies appended can be believed.
     */
    String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String address = remote == null || remote.getAddress() == null
                ? "unknown"
                : remote.getAddress().getHostAddress();
        if (trustedProxies == null || !trustedProxies.matcher(address).matches()) {
            return address;
        }
        List<String> hops = forwardedFor(exchange.getRequest().getHeaders());
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (hop.isEmpty() || !trustedProxies.matcher(hop).matches()) {
                return hop.isEmpty() ? address : hop;
            }
        }
        return address;
    }

    private static List<String> forwardedFor(HttpHeaders headers) {
        List<String> hops = new ArrayList<>();
        List<String> xff = headers.getValuesAsList("X-Forwarded-For");
        if (!xff.isEmpty()) {
            xff.forEach(hop -> hops.add(hop.trim()));
            return hops;
        }
        for (String value : headers.getOrEmpty("Forwarded")) {
            for (String element : value.split(",")) {
                for (String pair : element.split(";")) {
                    String trimmed = pair.trim();
                    if (trimmed.regionMatches(true, 0, "for=", 0, 4)) {
                        hops.add(node(trimmed.substring(4)));
                    }
                }
            }
        }
        return hops;
    }

    /** {@code for=} node without quotes, brackets or port: {@code "[2001:db8::1]:4711"} → {@code 2001:db8::1}. */
    private static String node(String value) {
        String node = value.replace("\"", "");
        if (node.startsWith("[")) {
            int end = node.indexOf(']');
            return end > 0 ? node.substring(1, end) : node;
        }
        int colon = node.indexOf(':');
        return colon > 0 && node.indexOf(':', colon + 1) < 0 ? node.substring(0, colon) : node;
    }

    @Override
    public int getOrder() {
        return SecurityWebFiltersOrder.AUTHORIZATION.getOrder() + 1;
    }
}

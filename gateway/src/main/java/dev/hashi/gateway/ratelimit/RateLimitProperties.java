package dev.hashi.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request rate limits at the edge, under {@code cms.gateway.rate-limit}: a token bucket per authenticated subject
 * (user or API token) and per client IP for anonymous traffic, kept in this gateway's memory.
 *
 * @param enabled       whether limits apply (default true)
 * @param anonymous     the bucket of each anonymous client IP
 * @param authenticated the bucket of each authenticated subject
 * @param maxClients    how many buckets are kept (least recently used ones are dropped; default 100000)
 * @param trustedProxies regular expression of proxy addresses whose {@code X-Forwarded-For} / {@code Forwarded}
 *                      {@code for=} values are believed ({@code GATEWAY_TRUSTED_PROXIES}); empty trusts none, and
 *                      anonymous callers are then keyed by the socket address
 */
@ConfigurationProperties("cms.gateway.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue({"40", "20", "1s"}) Limit anonymous,
        @DefaultValue({"200", "100", "1s"}) Limit authenticated,
        @DefaultValue("100000") long maxClients,
        @DefaultValue("") String trustedProxies) {

    /**
     * @param burst  requests allowed at once (bucket capacity)
     * @param refill requests added back every {@code period} (the sustained rate)
     * @param period the refill period (default 1s)
     */
    public record Limit(
            int burst, int refill, @DefaultValue("1s") Duration period) {}
}

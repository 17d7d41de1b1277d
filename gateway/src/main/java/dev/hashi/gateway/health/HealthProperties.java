package dev.hashi.gateway.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How {@code GET /api/health} asks the downstream services.
 *
 * @param timeout longest wait for each service's {@code /actuator/health}, connecting and reading included;
 *        positive. The services are asked in parallel, so the endpoint answers within about this time; a service
 *        that has not answered by then shows as {@code DOWN}
 * @param cache how long one answer of the services is reused ({@code GATEWAY_HEALTH_CACHE}, default 2s; 0 asks
 *        them on every request), so callers of the public endpoint cannot multiply requests to the services
 */
@ConfigurationProperties("cms.gateway.health")
public record HealthProperties(
        Duration timeout, @DefaultValue("2s") Duration cache) {

    public HealthProperties {
        if (cache == null || cache.isNegative()) {
            throw new IllegalArgumentException("cms.gateway.health.cache must be zero or a positive duration");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("cms.gateway.health.timeout must be a positive duration");
        }
    }
}

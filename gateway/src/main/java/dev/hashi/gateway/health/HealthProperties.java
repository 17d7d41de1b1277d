package dev.hashi.gateway.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How {@code GET /api/health} asks the downstream services.
 *
 * @param timeout longest wait for each service's {@code /actuator/health}, connecting and reading included;
 *        positive. The services are asked in parallel, so the endpoint answers within about this time; a service
 *        that has not answered by then shows as {@code DOWN}
 */
@ConfigurationProperties("cms.gateway.health")
public record HealthProperties(Duration timeout) {

    public HealthProperties {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("cms.gateway.health.timeout must be a positive duration");
        }
    }
}

package dev.hashi.service.observability;

import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The readiness group's verdict as the gauge {@code hashi.readiness}: 1 while ready, 0 otherwise, read at each scrape.
 * A value that keeps changing is a flapping dependency (the alert {@code HashiReadinessFlapping}).
 */
final class Readiness implements MeterBinder {

    private final HealthEndpoint health;

    Readiness(HealthEndpoint health) {
        this.health = health;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("hashi.readiness", this, Readiness::ready)
                .description("1 while the readiness group is UP, else 0")
                .register(registry);
    }

    private double ready() {
        HealthDescriptor readiness = health.healthForPath("readiness");
        return readiness != null && Status.UP.equals(readiness.getStatus()) ? 1 : 0;
    }
}

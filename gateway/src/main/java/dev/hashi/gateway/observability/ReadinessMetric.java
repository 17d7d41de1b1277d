package dev.hashi.gateway.observability;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/** The readiness group's verdict as the gauge {@code hashi.readiness} (1 ready, 0 not), as in the domain services. */
@Component
class ReadinessMetric implements MeterBinder {

    private final ObjectProvider<HealthEndpoint> health;

    ReadinessMetric(ObjectProvider<HealthEndpoint> health) {
        this.health = health;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("hashi.readiness", this, ReadinessMetric::ready)
                .description("1 while the readiness group is UP, else 0")
                .register(registry);
    }

    private double ready() {
        HealthEndpoint endpoint = health.getIfAvailable();
        HealthDescriptor readiness = endpoint == null ? null : endpoint.healthForPath("readiness");
        return readiness != null && Status.UP.equals(readiness.getStatus()) ? 1 : 0;
    }
}

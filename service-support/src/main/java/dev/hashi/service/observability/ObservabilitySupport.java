package dev.hashi.service.observability;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Metrics and trace context shared by the domain services: the trace context the outbox stores and the relay puts on
 * records, the records each listener handled and the consumer groups' lag.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration"
        })
@EnableConfigurationProperties(ObservabilityProperties.class)
public class ObservabilitySupport {

    @Bean
    TraceContext hashiTraceContext(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return TraceContext.of(tracer.getIfAvailable(), propagator.getIfAvailable());
    }

    @Bean
    @ConditionalOnBean(HealthEndpoint.class)
    Readiness hashiReadiness(HealthEndpoint health) {
        return new Readiness(health);
    }

    @Bean
    @ConditionalOnBean(MeterRegistry.class)
    ConsumedRecords hashiConsumedRecords(MeterRegistry registry) {
        return new ConsumedRecords(registry);
    }

    @Bean
    @ConditionalOnBean({MeterRegistry.class, KafkaAdmin.class})
    ConsumerLag hashiConsumerLag(
            KafkaAdmin kafka,
            ObjectProvider<KafkaListenerEndpointRegistry> listeners,
            MeterRegistry registry,
            ObservabilityProperties properties) {
        Map<String, Object> config = new HashMap<>(kafka.getConfigurationProperties());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "consumer-lag");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        return new ConsumerLag(
                Admin.create(config),
                () -> listeners.stream().findFirst().map(ConsumerLag::groupsOf).orElse(Set.of()),
                registry,
                properties.lagInterval(),
                Duration.ofSeconds(3));
    }
}

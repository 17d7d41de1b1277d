package dev.hashi.gateway.observability;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Tracing in the gateway is on exactly when {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set. Then the server request
 * observation and the proxied client request observation (which puts {@code traceparent} on the downstream request)
 * are switched on, and spans are exported over OTLP/HTTP to {@code <endpoint>/v1/traces}. Otherwise the gateway has no
 * exporter, Micrometer's no-op tracer and neither observation, so a request does no tracing work at all.
 */
public class GatewayTracingSwitch implements EnvironmentPostProcessor {

    static final String ENDPOINT_VARIABLE = "OTEL_EXPORTER_OTLP_ENDPOINT";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String endpoint = environment.getProperty(ENDPOINT_VARIABLE);
        boolean enabled = endpoint != null && !endpoint.isBlank();
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("management.tracing.export.enabled", enabled);
        defaults.put("management.tracing.export.otlp.enabled", enabled);
        defaults.put("management.logging.export.otlp.enabled", false);
        if (!enabled) {
            environment.getPropertySources().addLast(new MapPropertySource("hashiTracingSwitch", defaults));
            return;
        }
        defaults.put(
                "management.opentelemetry.tracing.export.otlp.endpoint",
                endpoint.strip().replaceAll("/+$", "") + "/v1/traces");
        defaults.put("management.tracing.sampling.probability", "${HASHI_TRACE_SAMPLING:1.0}");
        environment.getPropertySources().addLast(new MapPropertySource("hashiTracingSwitch", defaults));
        // application.yml switches these off for the hot path; tracing needs them, so they win over it
        Map<String, Object> observations = Map.of(
                "management.observations.enable.http.server.requests", true,
                "spring.cloud.gateway.server.webflux.observability.enabled", true);
        environment.getPropertySources().addFirst(new MapPropertySource("hashiTracingObservations", observations));
    }
}

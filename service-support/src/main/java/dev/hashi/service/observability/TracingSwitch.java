package dev.hashi.service.observability;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Tracing is on exactly when {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set: then spans are sampled (all of them, unless
 * {@code HASHI_TRACE_SAMPLING} says otherwise) and exported over OTLP/HTTP to {@code <endpoint>/v1/traces}; otherwise
 * there is no exporter and no tracer (Micrometer's no-op one), so nothing is recorded or propagated. The properties
 * are added with the lowest precedence: explicit configuration wins.
 */
public final class TracingSwitch {

    /** The OpenTelemetry variable naming the collector's base URL, e.g. {@code http://otel-collector:4318}. */
    public static final String ENDPOINT_VARIABLE = "OTEL_EXPORTER_OTLP_ENDPOINT";

    private TracingSwitch() {}

    /** Whether {@code environment} has an OTLP endpoint, so tracing is on. */
    public static boolean enabled(ConfigurableEnvironment environment) {
        String endpoint = environment.getProperty(ENDPOINT_VARIABLE);
        return endpoint != null && !endpoint.isBlank();
    }

    /** Adds the tracing properties that follow from {@code OTEL_EXPORTER_OTLP_ENDPOINT} as the last property source. */
    public static void apply(ConfigurableEnvironment environment) {
        Map<String, Object> properties = new LinkedHashMap<>();
        boolean enabled = enabled(environment);
        properties.put("management.tracing.export.enabled", enabled);
        properties.put("management.tracing.export.otlp.enabled", enabled);
        properties.put("management.logging.export.otlp.enabled", false);
        if (enabled) {
            String endpoint = environment.getProperty(ENDPOINT_VARIABLE).strip().replaceAll("/+$", "");
            properties.put("management.opentelemetry.tracing.export.otlp.endpoint", endpoint + "/v1/traces");
            properties.put("management.tracing.sampling.probability", "${HASHI_TRACE_SAMPLING:1.0}");
        }
        environment.getPropertySources().addLast(new MapPropertySource("hashiTracingSwitch", properties));
    }
}

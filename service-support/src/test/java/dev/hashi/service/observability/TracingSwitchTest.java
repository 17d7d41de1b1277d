package dev.hashi.service.observability;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class TracingSwitchTest {

    @Test
    void withoutAnOtlpEndpointTracingIsOffAndNothingIsExported() {
        StandardEnvironment environment = environment(Map.of());

        TracingSwitch.apply(environment);

        assertThat(environment.getProperty("management.tracing.export.enabled", Boolean.class))
                .isFalse();
        assertThat(environment.getProperty("management.opentelemetry.tracing.export.otlp.endpoint"))
                .isNull();
    }

    @Test
    void anOtlpEndpointSwitchesTracingOnWithEverySpanSampledAndExportedToItsTracesPath() {
        StandardEnvironment environment =
                environment(Map.of(TracingSwitch.ENDPOINT_VARIABLE, "http://otel-collector:4318/"));

        TracingSwitch.apply(environment);

        assertThat(environment.getProperty("management.tracing.export.enabled", Boolean.class))
                .isTrue();
        assertThat(environment.getProperty("management.opentelemetry.tracing.export.otlp.endpoint"))
                .isEqualTo("http://otel-collector:4318/v1/traces");
        assertThat(environment.getProperty("management.tracing.sampling.probability"))
                .isEqualTo("1.0");
    }

    @Test
    void explicitConfigurationWinsOverTheSwitch() {
        StandardEnvironment environment = environment(Map.of(
                TracingSwitch.ENDPOINT_VARIABLE,
                "http://otel-collector:4318",
                "management.tracing.sampling.probability",
                "0.25"));

        TracingSwitch.apply(environment);

        assertThat(environment.getProperty("management.tracing.sampling.probability"))
                .isEqualTo("0.25");
    }

    private static StandardEnvironment environment(Map<String, Object> values) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", values));
        return environment;
    }
}

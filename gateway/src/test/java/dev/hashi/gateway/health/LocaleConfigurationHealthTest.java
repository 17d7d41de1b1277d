package dev.hashi.gateway.health;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hashi.locale.SupportedLocales;

import static org.assertj.core.api.Assertions.assertThat;

/** A service running with another locale configuration than the gateway makes the platform DEGRADED, by name. */
class LocaleConfigurationHealthTest {

    static final SupportedLocales GATEWAY = SupportedLocales.parse("en>ja,ja>en");

    static ServiceHealth service(String line) {
        Map<String, Object> locales = Map.of(
                "status",
                "UP",
                "details",
                Map.of("fingerprint", SupportedLocales.parse(line).fingerprint()));
        return ServiceHealth.fromActuator(Map.of("status", "UP", "components", Map.of("locales", locales)), 200);
    }

    @Test
    void aServiceWithAnotherLineIsNamedAndThePlatformIsDegraded() {
        Map<String, ServiceHealth> services = new LinkedHashMap<>();
        services.put("content", service("en>ja, ja>en"));
        services.put("translation", service("en>ja,ja>en,ko"));
        services.put("media", ServiceHealth.fromActuator(Map.of("status", "UP"), 200));

        AggregatedHealth health = AggregatedHealth.of(true, services, GATEWAY);

        assertThat(health.status()).isEqualTo(AggregatedHealth.Status.DEGRADED);
        assertThat(health.locales().differing()).containsExactly("translation");
        assertThat(health.locales().line()).isEqualTo("en>ja,ja>en");
        assertThat(health.locales().fingerprint()).isEqualTo(GATEWAY.fingerprint());
    }

    @Test
    void theSameLineEverywhereIsUp() {
        Map<String, ServiceHealth> services = Map.of("content", service("en>ja,ja>en"));
        AggregatedHealth health = AggregatedHealth.of(true, services, GATEWAY);
        assertThat(health.status()).isEqualTo(AggregatedHealth.Status.UP);
        assertThat(health.locales().differing()).isEmpty();
    }
}

package dev.hashi.gateway.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One service's health: the status it reported and the status of each of its components (details are left out,
 * since this view is public), or {@code DOWN} with an {@code error} when it did not give a readable answer. A service
 * with several replicas also shows how many of them are UP ({@code replicas}; their addresses stay private), and
 * every service the fingerprint of its locale configuration ({@code HASHI_LOCALES}), which the gateway compares with
 * its own.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ServiceHealth(
        String status,
        Map<String, ComponentHealth> components,
        String error,
        Replicas replicas,
        String localesFingerprint) {

    record ComponentHealth(String status) {}

    /** How many of a service's replicas answered UP, out of how many. */
    record Replicas(int up, int total) {}

    ServiceHealth(String status, Map<String, ComponentHealth> components, String error) {
        this(status, components, error, null, null);
    }

    static ServiceHealth down(String error) {
        return new ServiceHealth("DOWN", null, error);
    }

    /**
     * A service's health from its replicas' (at least one): a single replica's as it is; otherwise the first UP
     * replica's (or, when none is UP, the first replica's), with the count of replicas UP. One replica UP is enough
     * for the service to be UP, since the gateway retries reads on another replica.
     */
    static ServiceHealth of(List<ServiceHealth> replicas) {
        if (replicas.size() == 1) {
            return replicas.get(0);
        }
        int up = (int) replicas.stream().filter(ServiceHealth::up).count();
        ServiceHealth shown =
                replicas.stream().filter(ServiceHealth::up).findFirst().orElse(replicas.get(0));
        return new ServiceHealth(
                shown.status,
                shown.components,
                shown.error,
                new Replicas(up, replicas.size()),
                shown.localesFingerprint);
    }

    static ServiceHealth fromActuator(Map<String, Object> body, int httpStatus) {
        if (!(body.get("status") instanceof String status)) {
            return down("unreadable answer, HTTP " + httpStatus);
        }
        Map<String, ComponentHealth> components = new LinkedHashMap<>();
        String fingerprint = null;
        if (body.get("components") instanceof Map<?, ?> reported) {
            reported.forEach((name, component) -> {
                if (component instanceof Map<?, ?> details && details.get("status") instanceof String componentStatus) {
                    components.put(name.toString(), new ComponentHealth(componentStatus));
                }
            });
            if (reported.get("locales") instanceof Map<?, ?> locales
                    && locales.get("details") instanceof Map<?, ?> details
                    && details.get("fingerprint") instanceof String reportedFingerprint) {
                fingerprint = reportedFingerprint;
            }
        }
        return new ServiceHealth(status, components, null, null, fingerprint);
    }

    @JsonIgnore
    boolean up() {
        return "UP".equals(status);
    }
}

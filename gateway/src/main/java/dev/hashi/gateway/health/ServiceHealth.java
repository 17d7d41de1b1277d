package dev.hashi.gateway.health;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One service's health: the status it reported and the status of each of its components (details are left out,
 * since this view is public), or {@code DOWN} with an {@code error} when it did not give a readable answer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ServiceHealth(String status, Map<String, ComponentHealth> components, String error) {

    record ComponentHealth(String status) {}

    static ServiceHealth down(String error) {
        return new ServiceHealth("DOWN", null, error);
    }

    static ServiceHealth fromActuator(Map<String, Object> body, int httpStatus) {
        if (!(body.get("status") instanceof String status)) {
            return down("unreadable answer, HTTP " + httpStatus);
        }
        Map<String, ComponentHealth> components = new LinkedHashMap<>();
        if (body.get("components") instanceof Map<?, ?> reported) {
            reported.forEach((name, component) -> {
                if (component instanceof Map<?, ?> details && details.get("status") instanceof String componentStatus) {
                    components.put(name.toString(), new ComponentHealth(componentStatus));
                }
            });
        }
        return new ServiceHealth(status, components, null);
    }

    @JsonIgnore
    boolean up() {
        return "UP".equals(status);
    }
}

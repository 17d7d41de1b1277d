package dev.hashi.gateway.health;

import java.util.Map;

/**
 * The platform's health as {@code GET /api/health} shows it. {@code UP}: the gateway accepts traffic and every
 * service reports UP. {@code DEGRADED}: the gateway accepts traffic but at least one service is not UP or did not
 * answer. {@code DOWN}: the gateway itself refuses traffic (starting or shutting down). {@code gateway} is the
 * gateway's own readiness.
 */
record AggregatedHealth(Status status, ServiceHealth gateway, Map<String, ServiceHealth> services) {

    enum Status {
        UP,
        DEGRADED,
        DOWN
    }

    static AggregatedHealth of(boolean gatewayReady, Map<String, ServiceHealth> services) {
        Status status = !gatewayReady
                ? Status.DOWN
                : services.values().stream().allMatch(ServiceHealth::up) ? Status.UP : Status.DEGRADED;
        ServiceHealth gateway = new ServiceHealth(gatewayReady ? "UP" : "DOWN", Map.of(), null);
        return new AggregatedHealth(status, gateway, services);
    }
}

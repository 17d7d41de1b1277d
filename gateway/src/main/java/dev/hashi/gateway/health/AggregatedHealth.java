package dev.hashi.gateway.health;

import java.util.List;
import java.util.Map;

import dev.hashi.locale.SupportedLocales;

/**
 * The platform's health as {@code GET /api/health} shows it. {@code UP}: the gateway accepts traffic and every
 * service reports UP. {@code DEGRADED}: the gateway accepts traffic but at least one service is not UP or did not
 * answer, or runs with another locale configuration than the gateway ({@code locales.differing}). {@code DOWN}: the gateway itself refuses traffic (starting or shutting down). {@code gateway} is the
 * gateway's own readiness.
 */
record AggregatedHealth(
        Status status, ServiceHealth gateway, Map<String, ServiceHealth> services, LocaleCheck locales) {

    /**
     * The gateway's locale configuration and the services that answered with another one (a service that did not
     * answer, or shows no fingerprint, is not counted as different).
     */
    record LocaleCheck(String line, String fingerprint, List<String> differing) {}

    enum Status {
        UP,
        DEGRADED,
        DOWN
    }

    static AggregatedHealth of(boolean gatewayReady, Map<String, ServiceHealth> services, SupportedLocales locales) {
        List<String> differing = services.entrySet().stream()
                .filter(e -> e.getValue().localesFingerprint() != null
                        && !e.getValue().localesFingerprint().equals(locales.fingerprint()))
                .map(Map.Entry::getKey)
                .toList();
        Status status = !gatewayReady
                ? Status.DOWN
                : services.values().stream().allMatch(ServiceHealth::up) && differing.isEmpty()
                        ? Status.UP
                        : Status.DEGRADED;
        ServiceHealth gateway = new ServiceHealth(gatewayReady ? "UP" : "DOWN", Map.of(), null);
        return new AggregatedHealth(
                status, gateway, services, new LocaleCheck(locales.line(), locales.fingerprint(), differing));
    }
}

package dev.hashi.gateway.delivery;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Removes content-service's internal cache headers ({@value #VERSIONS}, {@value #TYPES}) from every response any
 * route receives, before the gateway copies the response headers, so no client ever sees them; their values are kept
 * as an exchange attribute for the delivery cache.
 */
final class InternalHeaders implements HttpHeadersFilter {

    static final String VERSIONS = "Hashi-Versions";
    static final String TYPES = "Hashi-Types";

    private static final String ATTRIBUTE = InternalHeaders.class.getName();

    /** The internal headers of one upstream response; each value {@code null} when absent. */
    record Values(String versions, String types) {}

    /** The internal headers the exchange's upstream response carried, or {@code null} if none. */
    static Values of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        if (!input.containsHeader(VERSIONS) && !input.containsHeader(TYPES)) {
            return input;
        }
        exchange.getAttributes().put(ATTRIBUTE, new Values(joined(input, VERSIONS), joined(input, TYPES)));
        HttpHeaders filtered = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!name.equalsIgnoreCase(VERSIONS) && !name.equalsIgnoreCase(TYPES)) {
                filtered.addAll(name, values);
            }
        });
        return filtered;
    }

    private static String joined(HttpHeaders headers, String name) {
        var values = headers.get(name);
        return values == null ? null : String.join(",", values);
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.RESPONSE;
    }
}

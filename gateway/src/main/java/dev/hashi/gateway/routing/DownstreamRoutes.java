package dev.hashi.gateway.routing;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.Buildable;
import org.springframework.cloud.gateway.route.builder.PredicateSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.CONNECT_TIMEOUT_ATTR;
import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

/**
 * API paths go to their service unchanged; {@code GET /docs/<service>/v3/api-docs} reaches that service's OpenAPI
 * document ({@code /v3/api-docs}, query unchanged) and nothing else under {@code /docs/<service>} is routed: no other
 * method, no other path (no API or actuator path through the docs prefix). Every route of a
 * service shares that service's circuit breaker, named after the service, whatever its number of replicas
 * ({@link Replicas} spreads requests over them). Reads (GET, HEAD) whose connection fails are retried twice with a
 * short backoff, each time on the next replica; nothing else is retried, since a write may already have taken effect. The breaker has no fallback URI: with
 * one, the gateway would buffer every request body of the route in memory (media uploads too); failures are
 * answered by the problem handler instead.
 */
@Configuration(proxyBeanMethods = false)
public class DownstreamRoutes {

    private static final String SERVICE = "service";

    /** The one path of a service reachable under {@code /docs/<service>}: its OpenAPI document. */
    private static final String OPENAPI_DOCUMENT = "/v3/api-docs";

    /** The name of the downstream service the exchange was routed to, or {@code null} if it was not routed. */
    public static String serviceOf(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route == null ? null : (String) route.getMetadata().get(SERVICE);
    }

    @Bean
    RouteLocator downstreamRouteLocator(RouteLocatorBuilder builder, DownstreamProperties downstream) {
        return builder.routes()
                .route("content", r -> api(r, "content", downstream, "/api/content/**", "/api/delivery/**"))
                .route("translation", r -> api(r, "translation", downstream, "/api/translations/**"))
                .route("media", r -> api(r, "media", downstream, "/api/media/**"))
                .route("content-docs", r -> docs(r, "content", downstream))
                .route("translation-docs", r -> docs(r, "translation", downstream))
                .route("media-docs", r -> docs(r, "media", downstream))
                .build();
    }

    private static Buildable<Route> api(
            PredicateSpec route, String service, DownstreamProperties downstream, String... paths) {
        return route.path(paths)
                .filters(f -> f.circuitBreaker(breaker -> breaker.setName(service))
                        .retry(retry -> retry.setRetries(2)
                                .setMethods(HttpMethod.GET, HttpMethod.HEAD)
                                .setSeries()
                                .setExceptions(IOException.class)
                                .setBackoff(Duration.ofMillis(50), Duration.ofMillis(200), 2, false)))
                .metadata(metadata(service, downstream))
                .uri(uri(service, downstream));
    }

    private static Buildable<Route> docs(PredicateSpec route, String service, DownstreamProperties downstream) {
        return route.method(HttpMethod.GET)
                .and()
                .path("/docs/" + service + OPENAPI_DOCUMENT)
                .filters(f -> f.setPath(OPENAPI_DOCUMENT).circuitBreaker(breaker -> breaker.setName(service)))
                .metadata(metadata(service, downstream))
                .uri(uri(service, downstream));
    }

    private static Map<String, Object> metadata(String service, DownstreamProperties downstream) {
        return Map.of(
                SERVICE,
                service,
                CONNECT_TIMEOUT_ATTR,
                Math.toIntExact(downstream.connectTimeout().toMillis()),
                RESPONSE_TIMEOUT_ATTR,
                downstream.responseTimeout().toMillis());
    }

    /** The route's URI: the service's first replica; {@link Replicas} chooses the one each request goes to. */
    private static URI uri(String service, DownstreamProperties downstream) {
        return downstream.services().get(service).get(0);
    }
}

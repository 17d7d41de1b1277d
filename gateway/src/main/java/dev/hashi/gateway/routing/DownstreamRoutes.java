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
 * short backoff, each time on the next replica; nothing else is retried, since a write may already have taken effect.
 *
 * <p>Reads and writes of a service are separate routes, and only the reads' route has the retry filter: the
 * framework caches in memory every request body of a route with a retry filter, whatever its method (so every media
 * upload was held whole). For the same reason the breaker has no fallback URI. Failures are answered by the problem
 * handler instead.
 *
 * <p>Media binaries ({@code /api/media/assets/{id}/variants/**} uploads, {@code /api/media/assets/{id}/content}
 * downloads) have a route of their own, first: an upload's answer comes only after its last byte, and a download's
 * body may stream for minutes, so neither the response timeout nor the service breaker's time limit (both about
 * seconds) may apply. Its breaker, {@value #TRANSFERS}, counts connection failures like the others, with the
 * transfer timeout as its time limit; it is not retried, since a body that started streaming cannot be resent.
 */
@Configuration(proxyBeanMethods = false)
public class DownstreamRoutes {

    private static final String SERVICE = "service";

    /** The circuit breaker of media binary transfers. */
    static final String TRANSFERS = "media-transfers";

    private static final String[] TRANSFER_PATHS = {"/api/media/assets/*/variants/**", "/api/media/assets/*/content"};
    private static final String[] CONSOLE_UPLOAD_PATHS = {"/attachments/*/variants/**"};

    private static final String[] CONTENT_PATHS = {"/api/content/**", "/api/delivery/**"};
    private static final String[] TRANSLATION_PATHS = {"/api/translations/**"};
    private static final String[] MEDIA_PATHS = {"/api/media/**"};

    /** The one path of a service reachable under {@code /docs/<service>}: its OpenAPI document. */
    private static final String OPENAPI_DOCUMENT = "/v3/api-docs";

    /** The name of the downstream service the exchange was routed to, or {@code null} if it was not routed. */
    public static String serviceOf(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route == null ? null : (String) route.getMetadata().get(SERVICE);
    }

    @Bean
    RouteLocator downstreamRouteLocator(
            RouteLocatorBuilder builder, DownstreamProperties downstream, DownstreamCircuitBreakers breakers) {
        return builder.routes()
                .route("content-reads", r -> reads(r, breakers, "content", downstream, CONTENT_PATHS))
                .route("content", r -> api(r, breakers, "content", downstream, CONTENT_PATHS))
                .route("translation-reads", r -> reads(r, breakers, "translation", downstream, TRANSLATION_PATHS))
                .route("translation", r -> api(r, breakers, "translation", downstream, TRANSLATION_PATHS))
                .route("media-transfers", r -> transfers(r, breakers, downstream))
                .route("media-reads", r -> reads(r, breakers, "media", downstream, MEDIA_PATHS))
                .route("media", r -> api(r, breakers, "media", downstream, MEDIA_PATHS))
                .route("content-docs", r -> docs(r, breakers, "content", downstream))
                .route("translation-docs", r -> docs(r, breakers, "translation", downstream))
                .route("media-docs", r -> docs(r, breakers, "media", downstream))
                .route("console-uploads", r -> consoleUploads(r, breakers, downstream))
                .route("console", r -> console(r, breakers, downstream))
                .build();
    }

    /** GET and HEAD: retried when the connection fails, on the next replica. */
    private static Buildable<Route> reads(
            PredicateSpec route,
            DownstreamCircuitBreakers breakers,
            String service,
            DownstreamProperties downstream,
            String... paths) {
        return route.method(HttpMethod.GET, HttpMethod.HEAD)
                .and()
                .path(paths)
                .filters(f -> f.filter(breakers.filter(service))
                        .retry(retry -> retry.setRetries(2)
                                .setMethods(HttpMethod.GET, HttpMethod.HEAD)
                                .setSeries()
                                .setExceptions(IOException.class)
                                .setBackoff(Duration.ofMillis(50), Duration.ofMillis(200), 2, false)))
                .metadata(metadata(service, downstream))
                .uri(uri(service, downstream));
    }

    /** Every other method: never retried, and its body streams through (see the class comment). */
    private static Buildable<Route> api(
            PredicateSpec route,
            DownstreamCircuitBreakers breakers,
            String service,
            DownstreamProperties downstream,
            String... paths) {
        return route.path(paths)
                .filters(f -> f.filter(breakers.filter(service)))
                .metadata(metadata(service, downstream))
                .uri(uri(service, downstream));
    }

    /** Media binaries: no response timeout, the transfer timeout as time limit, never retried. */
    private static Buildable<Route> transfers(
            PredicateSpec route, DownstreamCircuitBreakers breakers, DownstreamProperties downstream) {
        Map<String, Object> metadata = new java.util.HashMap<>(metadata("media", downstream));
        metadata.put(RESPONSE_TIMEOUT_ATTR, -1L);
        return route.path(TRANSFER_PATHS)
                .filters(f -> f.filter(breakers.filter(TRANSFERS)))
                .metadata(metadata)
                .uri(uri("media", downstream));
    }

    private static Buildable<Route> docs(
            PredicateSpec route, DownstreamCircuitBreakers breakers, String service, DownstreamProperties downstream) {
        return route.method(HttpMethod.GET)
                .and()
                .path("/docs/" + service + OPENAPI_DOCUMENT)
                .filters(f -> f.setPath(OPENAPI_DOCUMENT).filter(breakers.filter(service)))
                .metadata(metadata(service, downstream))
                .uri(uri(service, downstream));
    }

    /**
     * The web console: {@code /} and every path that is not the API, the API documents or the gateway's actuator,
     * to the console's one instance. Not retried (a form post may have taken effect); the console sets its own
     * security headers, which the gateway keeps.
     */
    private static Buildable<Route> console(
            PredicateSpec route, DownstreamCircuitBreakers breakers, DownstreamProperties downstream) {
        return route.not(p -> p.path("/api/**", "/docs/**", "/actuator/**"))
                .filters(f -> f.filter(breakers.filter("console")))
                .metadata(metadata("console", downstream))
                .uri(downstream.console());
    }

    /**
     * The console's attachment uploads ({@code PUT /attachments/{id}/variants/{locale}}), which the console streams
     * on to media-service: like media transfers, no response timeout (the answer comes after the last byte) and the
     * transfer timeout as the breaker's time limit; their body limit is the media route's ({@code cms.gateway.limits}).
     */
    private static Buildable<Route> consoleUploads(
            PredicateSpec route, DownstreamCircuitBreakers breakers, DownstreamProperties downstream) {
        Map<String, Object> metadata = new java.util.HashMap<>(metadata("console", downstream));
        metadata.put(RESPONSE_TIMEOUT_ATTR, -1L);
        return route.path(CONSOLE_UPLOAD_PATHS)
                .filters(f -> f.filter(breakers.filter(TRANSFERS)))
                .metadata(metadata)
                .uri(downstream.console());
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

package dev.hashi.gateway.edge;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body may be, per route, and which bodies the gateway holds to sign their digest
 * ({@link RouteLimits} applies them).
 *
 * @param maxBodySize the limit of every path no route below matches ({@code GATEWAY_MAX_BODY_SIZE}, default 1MB); on
 *        streamed routes, bodies up to this size with a declared length are still held and digested
 * @param routes per-path limits, the first matching one applies ({@code application.yml}: XLIFF imports 8MB, media
 *        512MB streamed)
 */
@ConfigurationProperties("cms.gateway.limits")
public record BodyLimits(@DefaultValue("1MB") DataSize maxBodySize, List<Route> routes) {

    /**
     * One route's limit.
     *
     * @param path a path pattern ({@code /api/media/**}) of the request as the client sent it
     * @param maxBodySize the largest body accepted on it, counted as the bytes arrive, declared or chunked
     * @param streamed whether bodies larger than the default {@code max-body-size}, or without a declared length,
     *        go to the service as a stream (their content is not covered by the forwarded signature, only their
     *        declared length); otherwise every body, up to {@code maxBodySize}, is held in memory and its digest
     *        signed
     */
    public record Route(String path, DataSize maxBodySize, boolean streamed) {

        public Route {
            if (path == null || !path.startsWith("/")) {
                throw new IllegalArgumentException("cms.gateway.limits.routes[].path must be a path pattern");
            }
            requirePositive(maxBodySize, "routes[].max-body-size");
        }
    }

    public BodyLimits {
        requirePositive(maxBodySize, "max-body-size");
        routes = routes == null ? List.of() : List.copyOf(routes);
    }

    private static void requirePositive(DataSize size, String name) {
        if (size == null || size.toBytes() <= 0) {
            throw new IllegalArgumentException("cms.gateway.limits." + name + " must be a positive size");
        }
    }
}

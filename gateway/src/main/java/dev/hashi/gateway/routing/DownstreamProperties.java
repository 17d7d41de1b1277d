package dev.hashi.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The downstream services the gateway forwards to, and how long it waits for them. Each service is one or more
 * replicas: a comma-separated list of base URIs ({@code http://127.0.0.1:8081,http://127.0.0.1:9081}), served in
 * turn (round-robin) by {@link Replicas}.
 *
 * @param content base URIs of content-service's replicas; it serves {@code /api/content/**},
 *        {@code /api/delivery/**} and, through {@code /docs/content/**}, its OpenAPI documents
 * @param translation base URIs of translation-service's replicas; it serves {@code /api/translations/**} and
 *        {@code /docs/translation/**}
 * @param media base URIs of media-service's replicas; it serves {@code /api/media/**} and {@code /docs/media/**}
 * @param console base URI of the web console (its sessions live in MongoDB, so it may name a load-balanced Service
 *        in front of several replicas); it serves {@code /}
 *        and every path outside {@code /api/**} and {@code /docs/**}; default {@code http://127.0.0.1:8084}
 * @param connectTimeout longest wait for a TCP connection to a downstream; positive. A connection that fails
 *        answers 503 {@code downstream.unavailable}
 * @param responseTimeout longest wait, connecting included, for a downstream's status line and headers; positive.
 *        Past it the gateway answers 504 {@code downstream.timeout}. A body that has started keeps streaming
 *        without this limit, so large downloads are not cut off
 * @param transferTimeout longest a media binary's upload or download may take as a whole (the time limit of the
 *        media transfer routes, which have no response timeout since an upload's answer comes only after its last
 *        byte); positive, default 1 hour
 */
@ConfigurationProperties("cms.gateway.downstream")
public record DownstreamProperties(
        List<URI> content,
        List<URI> translation,
        List<URI> media,
        URI console,
        Duration connectTimeout,
        Duration responseTimeout,
        Duration transferTimeout) {

    public DownstreamProperties {
        content = replicas(content, "content");
        translation = replicas(translation, "translation");
        media = replicas(media, "media");
        if (console == null) {
            console = URI.create("http://127.0.0.1:8084");
        }
        replicas(List.of(console), "console");
        requirePositive(connectTimeout, "connect-timeout");
        requirePositive(responseTimeout, "response-timeout");
        if (transferTimeout == null) {
            transferTimeout = Duration.ofHours(1);
        }
        requirePositive(transferTimeout, "transfer-timeout");
    }

    /**
     * The base URIs of each downstream service's replicas (at least one each) by the service's name
     * ({@code content}, {@code translation}, {@code media}).
     */
    public Map<String, List<URI>> services() {
        Map<String, List<URI>> services = new LinkedHashMap<>();
        services.put("content", content);
        services.put("translation", translation);
        services.put("media", media);
        return services;
    }

    private static List<URI> replicas(List<URI> uris, String service) {
        if (uris == null || uris.isEmpty()) {
            throw new IllegalArgumentException("cms.gateway.downstream." + service + " is required");
        }
        for (URI uri : uris) {
            if (uri == null
                    || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getRawAuthority() == null) {
                throw new IllegalArgumentException("cms.gateway.downstream." + service
                        + " must be comma-separated http(s) base URIs, not " + uris);
            }
        }
        return List.copyOf(uris);
    }

    private static void requirePositive(Duration timeout, String name) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("cms.gateway.downstream." + name + " must be a positive duration");
        }
    }
}

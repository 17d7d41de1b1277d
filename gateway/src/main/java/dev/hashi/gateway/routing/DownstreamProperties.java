package dev.hashi.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The downstream services the gateway forwards to, and how long it waits for them.
 *
 * @param content base URI of content-service; it serves {@code /api/content/**}, {@code /api/delivery/**} and,
 *        through {@code /docs/content/**}, its OpenAPI documents
 * @param translation base URI of translation-service; it serves {@code /api/translations/**} and
 *        {@code /docs/translation/**}
 * @param media base URI of media-service; it serves {@code /api/media/**} and {@code /docs/media/**}
 * @param connectTimeout longest wait for a TCP connection to a downstream; positive. A connection that fails
 *        answers 503 {@code downstream.unavailable}
 * @param responseTimeout longest wait, connecting included, for a downstream's status line and headers; positive.
 *        Past it the gateway answers 504 {@code downstream.timeout}. A body that has started keeps streaming
 *        without this limit, so large downloads are not cut off
 */
@ConfigurationProperties("cms.gateway.downstream")
public record DownstreamProperties(
        URI content, URI translation, URI media, Duration connectTimeout, Duration responseTimeout) {

    public DownstreamProperties {
        Objects.requireNonNull(content, "cms.gateway.downstream.content is required");
        Objects.requireNonNull(translation, "cms.gateway.downstream.translation is required");
        Objects.requireNonNull(media, "cms.gateway.downstream.media is required");
        requirePositive(connectTimeout, "connect-timeout");
        requirePositive(responseTimeout, "response-timeout");
    }

    /** The base URI of each downstream service by its name ({@code content}, {@code translation}, {@code media}). */
    public Map<String, URI> services() {
        Map<String, URI> services = new LinkedHashMap<>();
        services.put("content", content);
        services.put("translation", translation);
        services.put("media", media);
        return services;
    }

    private static void requirePositive(Duration timeout, String name) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("cms.gateway.downstream." + name + " must be a positive duration");
        }
    }
}

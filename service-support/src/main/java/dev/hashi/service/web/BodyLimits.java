package dev.hashi.service.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Request body limits, under {@code cms.http}.
 *
 * @param maxBodySize the largest body of any request no {@code bodyLimits} entry names (default 1MB)
 * @param bodyLimits  larger (or smaller) limits for the paths that stream their bodies, first match wins
 */
@ConfigurationProperties("cms.http")
public record BodyLimits(
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue List<PathBodyLimit> bodyLimits) {

    /**
     * @param path    Ant-style pattern over the request path, e.g. {@code /api/media/assets/{id}/variants/{locale}}
     *                written as {@code /api/media/assets/&#42;/variants/&#42;}
     * @param maxSize the limit there
     */
    public record PathBodyLimit(String path, DataSize maxSize) {}
}

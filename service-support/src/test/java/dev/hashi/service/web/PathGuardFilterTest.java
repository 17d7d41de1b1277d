package dev.hashi.service.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PathGuardFilterTest {

    @Test
    void pathsTheRouterWouldReadDifferentlyAreRefused() {
        for (String path : List.of(
                "/%61pi/content/info",
                "/api;x/content/info",
                "/api/content/%2e%2e/translations",
                "/api/content/%2F",
                "/api/content/%zz",
                "/api/content/%e",
                "/api/content/%6",
                "//api/content",
                "/api/./content",
                "/api/../admin",
                "/api\\content",
                "api/content")) {
            assertThat(PathGuardFilter.refusal(path)).as(path).isNotNull();
        }
    }

    @Test
    void canonicalPathsAndEncodedUnicodeSlugsPass() {
        for (String path : List.of(
                "/api/content/info",
                "/api/delivery/entries/event-page/%E5%8C%97%E4%B9%9D%E5%B7%9E",
                "/actuator/health/readiness",
                "/v3/api-docs")) {
            assertThat(PathGuardFilter.refusal(path)).as(path).isNull();
        }
    }
}

package dev.hashi.service.web;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET <apiPrefix>/info}: which service answered, and its version. */
@RestController
class ServiceInfoController {

    private final ServiceSettings settings;
    private final ObjectProvider<BuildProperties> build;

    ServiceInfoController(ServiceSettings settings, ObjectProvider<BuildProperties> build) {
        this.settings = settings;
        this.build = build;
    }

    @GetMapping("${cms.service.api-prefix}/info")
    Map<String, Object> info() {
        BuildProperties properties = build.getIfAvailable();
        return Map.of("service", settings.name(), "version", properties == null ? "dev" : properties.getVersion());
    }
}

package dev.hashi.service.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.locale.LocaleTag;
import dev.hashi.locale.SupportedLocales;

/** {@code GET <apiPrefix>/info}: which service answered, its version and its locale configuration. */
@RestController
class ServiceInfoController {

    private final ServiceSettings settings;
    private final ObjectProvider<BuildProperties> build;
    private final ObjectProvider<SupportedLocales> locales;

    ServiceInfoController(
            ServiceSettings settings, ObjectProvider<BuildProperties> build, ObjectProvider<SupportedLocales> locales) {
        this.settings = settings;
        this.build = build;
        this.locales = locales;
    }

    @GetMapping("${cms.service.api-prefix}/info")
    Map<String, Object> info() {
        BuildProperties properties = build.getIfAvailable();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("service", settings.name());
        info.put("version", properties == null ? "dev" : properties.getVersion());
        SupportedLocales supported = locales.getIfAvailable();
        if (supported != null) {
            Map<String, Object> localeInfo = new LinkedHashMap<>();
            localeInfo.put("line", supported.line());
            localeInfo.put("default", supported.defaultLocale().tag());
            Map<String, List<String>> chains = new LinkedHashMap<>();
            supported
                    .all()
                    .forEach(l -> chains.put(
                            l.tag(),
                            supported.fallbackChain(l).stream()
                                    .map(LocaleTag::tag)
                                    .toList()));
            localeInfo.put("fallbackChains", chains);
            localeInfo.put("fingerprint", supported.fingerprint());
            info.put("locales", localeInfo);
        }
        return info;
    }
}

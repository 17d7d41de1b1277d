package dev.hashi.content.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.content.common.Locales;
import dev.hashi.locale.Formats;
import dev.hashi.locale.LocaleTag;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "delivery")
class LocalesController {

    private final DeliveredLocales body;

    LocalesController(Locales locales) {
        List<LocaleTag> all = locales.supported().all();
        List<DeliveredLocales.Locale> described = all.stream()
                .map(tag -> {
                    Map<String, String> names = new LinkedHashMap<>();
                    all.forEach(in -> names.put(in.tag(), Formats.displayName(tag, in)));
                    List<String> chain = locales.chain(tag.tag());
                    return new DeliveredLocales.Locale(tag.tag(), chain.subList(1, chain.size()), chain, names);
                })
                .toList();
        this.body = new DeliveredLocales(locales.defaultTag(), described);
    }

    @GetMapping("/api/delivery/locales")
    @Operation(
            summary = "The supported locales, the default, each locale's fallback chain and its name in every locale")
    DeliveredLocales locales(HttpServletResponse response) {
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        return body;
    }

    /**
     * The locales content is delivered in.
     *
     * @param defaultLocale the locale served when negotiation finds nothing better
     * @param locales       the supported locales in configured order
     */
    @Schema(name = "DeliveryLocales")
    record DeliveredLocales(String defaultLocale, List<Locale> locales) {

        /**
         * One supported locale.
         *
         * @param fallbacks the locales tried, in order, for a value it lacks
         * @param chain     the locale followed by its fallbacks
         * @param names     the locale's name as each supported locale writes it, by tag
         */
        @Schema(name = "DeliveryLocale")
        record Locale(String tag, List<String> fallbacks, List<String> chain, Map<String, String> names) {}
    }
}

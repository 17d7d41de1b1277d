package dev.hashi.translation.context;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.locale.LocaleTag;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.locale.LocaleInput;

import io.swagger.v3.oas.annotations.Operation;

@RestController
class ContextController {

    private final UnitContexts contexts;
    private final LocaleInput locales;

    ContextController(UnitContexts contexts, LocaleInput locales) {
        this.contexts = contexts;
        this.locales = locales;
    }

    /** @param locale the locale of the labels (a supported one); the unit's target locale when absent */
    @GetMapping("/api/translations/units/{unitId}/context")
    @Operation(
            summary = "What surrounds a unit: field label, neighbouring values, entry titles, length limit and the"
                    + " draft's preview URL, read from content-service now (staff; translators and reviewers within"
                    + " their locale pairs); 503 with retryAfter when content-service cannot answer")
    UnitContext context(
            @PathVariable String unitId, @RequestParam(required = false) String locale, CommandContext context) {
        LocaleTag labels = locales.optional("locale", locale);
        return contexts.of(unitId, labels == null ? null : labels.tag(), context.caller());
    }
}

package dev.hashi.translation.memory;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.service.access.Access;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.paging.Page;
import dev.hashi.service.paging.PageLimits;
import dev.hashi.service.paging.PageRequest;
import dev.hashi.translation.unit.LoadedPages;
import dev.hashi.translation.unit.UnitProblems;
import dev.hashi.translation.unit.Units;

import io.swagger.v3.oas.annotations.Operation;

@RestController
class MemoryController {

    private final TranslationMemory memory;
    private final Units units;

    MemoryController(TranslationMemory memory, Units units) {
        this.memory = memory;
        this.units = units;
    }

    @Operation(
            summary = "Translation memory suggestions for a unit",
            description = "Exact matches first, then fuzzy ones (score ≥ 75), best first; with total.")
    @GetMapping("/api/translations/units/{unitId}/suggestions")
    Page<TranslationMemory.Suggestion> suggestions(
            @PathVariable String unitId,
            @PageLimits(defaultLimit = 10, max = 50) PageRequest page,
            CommandContext context) {
        Access.requireStaff(context.caller());
        return LoadedPages.of(memory.suggest(UnitProblems.live(units.find(unitId), unitId)), page);
    }
}

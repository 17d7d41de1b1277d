package dev.hashi.translation.memory;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.identity.Identity;
import dev.hashi.translation.access.Access;
import dev.hashi.translation.unit.UnitProblems;
import dev.hashi.translation.unit.Units;

@RestController
class MemoryController {

    private static final int LIMIT = 10;

    private final TranslationMemory memory;
    private final Units units;

    MemoryController(TranslationMemory memory, Units units) {
        this.memory = memory;
        this.units = units;
    }

    @GetMapping("/api/translations/units/{id}/suggestions")
    List<TranslationMemory.Suggestion> suggestions(@PathVariable String id, Identity caller) {
        Access.requireStaff(caller);
        return memory.suggest(
                units.find(id).filter(unit -> !unit.removed()).orElseThrow(() -> UnitProblems.unknown(id)), LIMIT);
    }
}

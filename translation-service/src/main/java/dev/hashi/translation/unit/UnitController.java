package dev.hashi.translation.unit;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.service.access.Access;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.paging.Page;
import dev.hashi.service.paging.PageRequest;

@RestController
@RequestMapping("/api/translations/units")
class UnitController {

    private final Units units;

    UnitController(Units units) {
        this.units = units;
    }

    @GetMapping("/{unitId}")
    ResponseEntity<UnitView> unit(@PathVariable String unitId, CommandContext context) {
        Access.requireStaff(context.caller());
        return versioned(UnitView.of(UnitProblems.live(units.find(unitId), unitId)));
    }

    /** The unit's history, oldest first; {@code total} is given. */
    @GetMapping("/{unitId}/history")
    Page<HistoryEntry> history(@PathVariable String unitId, PageRequest page, CommandContext context) {
        Access.requireStaff(context.caller());
        units.find(unitId).orElseThrow(() -> UnitProblems.notFound(unitId));
        return units.history(unitId, page);
    }

    /** The unit with its version as {@code ETag}. */
    private static ResponseEntity<UnitView> versioned(UnitView unit) {
        return ResponseEntity.ok().eTag(String.valueOf(unit.version())).body(unit);
    }
}

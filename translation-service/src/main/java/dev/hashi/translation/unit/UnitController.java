package dev.hashi.translation.unit;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.identity.Identity;
import dev.hashi.translation.access.Access;

@RestController
@RequestMapping("/api/translations/units")
class UnitController {

    private final Units units;

    UnitController(Units units) {
        this.units = units;
    }

    @GetMapping("/{id}")
    UnitView unit(@PathVariable String id, Identity caller) {
        Access.requireStaff(caller);
        return UnitView.of(units.find(id).filter(unit -> !unit.removed()).orElseThrow(() -> UnitProblems.unknown(id)));
    }

    @GetMapping("/{id}/history")
    List<HistoryEntry> history(@PathVariable String id, Identity caller) {
        Access.requireStaff(caller);
        units.find(id).orElseThrow(() -> UnitProblems.unknown(id));
        return units.history(id);
    }
}

package dev.hashi.translation.queue;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Service;

import dev.hashi.service.access.Access;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.paging.Page;
import dev.hashi.service.paging.PageRequest;
import dev.hashi.translation.unit.Unit;
import dev.hashi.translation.unit.UnitFilter;
import dev.hashi.translation.unit.UnitOrder;
import dev.hashi.translation.unit.UnitState;
import dev.hashi.translation.unit.Units;

/** What translators see: live units filtered, sorted and paged. */
@Service
public class TranslationQueue {

    /** The states in which a unit still needs its assignee's work. */
    static final Set<UnitState> OWN_WORK =
            EnumSet.of(UnitState.IN_PROGRESS, UnitState.REJECTED, UnitState.TRANSLATED, UnitState.OUTDATED);

    private final Units units;

    TranslationQueue(Units units) {
        this.units = units;
    }

    /** A page of the units matching {@code filter}, in {@code order}; staff only. */
    public Page<Unit> find(CommandContext context, UnitFilter filter, UnitOrder order, PageRequest page) {
        Access.requireStaff(context.caller());
        return units.queue(filter, order, page);
    }

    /** The caller's own units that still need their work, earliest due first. */
    public Page<Unit> mine(CommandContext context, PageRequest page) {
        Access.requireStaff(context.caller());
        UnitFilter filter = new UnitFilter(null, null, OWN_WORK, null, null, context.actor(), null);
        return units.queue(filter, UnitOrder.DUE, page);
    }
}

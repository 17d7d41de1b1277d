package dev.hashi.translation.assignment;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import dev.hashi.identity.Identity;
import dev.hashi.service.web.RequestIdFilter;
import dev.hashi.translation.access.Access;
import dev.hashi.translation.unit.Unit;
import dev.hashi.translation.unit.UnitChange;
import dev.hashi.translation.unit.UnitProblems;
import dev.hashi.translation.unit.UnitState;
import dev.hashi.translation.unit.Units;

/** Taking, assigning and unassigning units, and their due dates and priorities. */
@Service
public class Assignments {

    private static final Set<UnitState> OPEN = Set.of(UnitState.UNTRANSLATED, UnitState.OUTDATED);

    private final Units units;
    private final Clock clock;

    Assignments(Units units, Clock clock) {
        this.units = units;
        this.clock = clock;
    }

    /** A translator takes an untranslated or outdated unit: it becomes {@code in_progress}, assigned to them. */
    public Unit take(Identity caller, String unitId) {
        Access.requireStaff(caller);
        Unit found = existing(unitId);
        Access.requireTranslatorFor(caller, found.source().locale(), found.targetLocale());
        return assignTo(caller, unitId, caller.subject(), "taken");
    }

    /** An editor assigns a unit to a translator (a subject); an open unit becomes {@code in_progress}. */
    public Unit assign(Identity caller, String unitId, String assignee) {
        Access.requireManager(caller);
        return assignTo(caller, unitId, assignee, "assigned");
    }

    /** The assignee or an editor gives a unit back; work not yet submitted is dropped. */
    public Unit unassign(Identity caller, String unitId) {
        Access.requireStaff(caller);
        return units.modify(unitId, current -> {
                    Unit unit = live(current, unitId);
                    if (!Access.isManager(caller)
                            && !caller.subject().equals(unit.plan().assignee())) {
                        throw UnitProblems.assignedToOther(unit);
                    }
                    if (unit.plan().assignee() == null) {
                        return Optional.empty();
                    }
                    Unit.Work work = unit.work();
                    Unit next = unit.withPlan(unit.plan().withAssignee(null));
                    if (work.stage() == Unit.Work.Stage.IN_PROGRESS || work.stage() == Unit.Work.Stage.REJECTED) {
                        next = next.withWork(Unit.Work.NONE);
                    }
                    return Optional.of(UnitChange.of(next, "unassigned", actor(caller))
                            .comment(unit.plan().assignee()));
                })
                .orElseThrow();
    }

    /** An editor sets the due date ({@code null} for none) and priority (higher first). */
    public Unit schedule(Identity caller, String unitId, Instant dueAt, int priority) {
        Access.requireManager(caller);
        return units.modify(unitId, current -> {
                    Unit unit = live(current, unitId);
                    Unit.Plan plan = new Unit.Plan(unit.plan().assignee(), dueAt, priority);
                    if (plan.equals(unit.plan())) {
                        return Optional.empty();
                    }
                    return Optional.of(UnitChange.of(unit.withPlan(plan), "scheduled", actor(caller))
                            .comment("due " + dueAt + ", priority " + priority));
                })
                .orElseThrow();
    }

    private Unit assignTo(Identity caller, String unitId, String assignee, String action) {
        return units.modify(unitId, current -> {
                    Unit unit = live(current, unitId);
                    String holder = unit.plan().assignee();
                    if (assignee.equals(holder) && unit.state() == UnitState.IN_PROGRESS) {
                        return Optional.empty();
                    }
                    if ("taken".equals(action) && holder != null && !holder.equals(assignee)) {
                        throw UnitProblems.assignedToOther(unit);
                    }
                    Unit next = unit.withPlan(unit.plan().withAssignee(assignee));
                    if (OPEN.contains(unit.state())) {
                        next = next.withWork(new Unit.Work(
                                Unit.Work.Stage.IN_PROGRESS,
                                unit.work().draft(),
                                unit.work().draftFromHash(),
                                assignee,
                                null,
                                null));
                    } else if (unit.state() == UnitState.APPROVED || "taken".equals(action)) {
                        throw UnitProblems.invalidTransition(unit, action);
                    }
                    return Optional.of(
                            UnitChange.of(next, action, actor(caller)).comment(assignee));
                })
                .orElseThrow();
    }

    private Unit existing(String unitId) {
        return live(units.find(unitId), unitId);
    }

    private static Unit live(Optional<Unit> unit, String unitId) {
        return unit.filter(found -> !found.removed()).orElseThrow(() -> UnitProblems.unknown(unitId));
    }

    private UnitChange.Actor actor(Identity caller) {
        return new UnitChange.Actor(caller.subject(), clock.instant(), RequestIdFilter.current());
    }
}

package dev.hashi.translation.assignment;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import dev.hashi.identity.Identity;
import dev.hashi.service.access.Access;
import dev.hashi.service.command.CommandContext;
import dev.hashi.translation.unit.Unit;
import dev.hashi.translation.unit.UnitBuilder;
import dev.hashi.translation.unit.UnitChange;
import dev.hashi.translation.unit.UnitProblems;
import dev.hashi.translation.unit.UnitState;
import dev.hashi.translation.unit.Units;

/** Taking, assigning and unassigning units, and their due dates and priorities. */
@Service
public class Assignments {

    private static final Set<UnitState> OPEN = Set.of(UnitState.UNTRANSLATED, UnitState.OUTDATED);

    private final Units units;

    Assignments(Units units) {
        this.units = units;
    }

    /** A translator takes an untranslated or outdated unit: it becomes {@code in_progress}, assigned to them. */
    public Unit take(CommandContext context, String unitId) {
        Identity caller = context.caller();
        Access.requireStaff(caller);
        Unit found = UnitProblems.live(units.find(unitId), unitId);
        Access.requireTranslatorFor(caller, found.source().locale(), found.targetLocale());
        return assignTo(context, unitId, caller.subject(), "taken");
    }

    /** An editor assigns a unit to a translator (a subject); an open unit becomes {@code in_progress}. */
    public Unit assign(CommandContext context, String unitId, String assignee) {
        Access.requireEditor(context.caller());
        return assignTo(context, unitId, assignee, "assigned");
    }

    /** The assignee or an editor gives a unit back; work not yet submitted is dropped. */
    public Unit unassign(CommandContext context, String unitId) {
        Identity caller = context.caller();
        Access.requireStaff(caller);
        return units.modify(unitId, context.expectedVersion(), current -> {
                    Unit unit = live(current, unitId);
                    if (!Access.isEditor(caller)
                            && !caller.subject().equals(unit.plan().assignee())) {
                        throw UnitProblems.assignedToOther(unit);
                    }
                    if (unit.plan().assignee() == null) {
                        return Optional.empty();
                    }
                    Unit.Work work = unit.work();
                    UnitBuilder next = unit.toBuilder().plan(unit.plan().withAssignee(null));
                    if (work.stage() == Unit.Work.Stage.IN_PROGRESS || work.stage() == Unit.Work.Stage.REJECTED) {
                        next.work(Unit.Work.NONE);
                    }
                    return Optional.of(UnitChange.of(next.build(), "unassigned", context)
                            .comment(unit.plan().assignee()));
                })
                .orElseThrow();
    }

    /** An editor sets the due date ({@code null} for none) and priority (higher first). */
    public Unit schedule(CommandContext context, String unitId, Instant dueAt, int priority) {
        Access.requireEditor(context.caller());
        return units.modify(unitId, context.expectedVersion(), current -> {
                    Unit unit = live(current, unitId);
                    Unit.Plan plan = new Unit.Plan(unit.plan().assignee(), dueAt, priority);
                    if (plan.equals(unit.plan())) {
                        return Optional.empty();
                    }
                    return Optional.of(UnitChange.of(unit.toBuilder().plan(plan).build(), "scheduled", context)
                            .comment("due " + dueAt + ", priority " + priority));
                })
                .orElseThrow();
    }

    private Unit assignTo(CommandContext context, String unitId, String assignee, String action) {
        return units.modify(unitId, context.expectedVersion(), current -> {
                    Unit unit = live(current, unitId);
                    String holder = unit.plan().assignee();
                    if (assignee.equals(holder) && unit.state() == UnitState.IN_PROGRESS) {
                        return Optional.empty();
                    }
                    if ("taken".equals(action) && holder != null && !holder.equals(assignee)) {
                        throw UnitProblems.assignedToOther(unit);
                    }
                    UnitBuilder next = unit.toBuilder().plan(unit.plan().withAssignee(assignee));
                    if (OPEN.contains(unit.state())) {
                        next.work(new Unit.Work(
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
                            UnitChange.of(next.build(), action, context).comment(assignee));
                })
                .orElseThrow();
    }

    private static Unit live(Optional<Unit> unit, String unitId) {
        return UnitProblems.live(unit, unitId);
    }
}

package dev.hashi.translation.decision;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.hashi.identity.Identity;
import dev.hashi.service.access.Access;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.error.ConflictException;
import dev.hashi.service.error.NotFoundException;
import dev.hashi.translation.unit.SourceOnlyRule;
import dev.hashi.translation.unit.SourceOnlyRules;
import dev.hashi.translation.unit.Unit;
import dev.hashi.translation.unit.UnitChange;
import dev.hashi.translation.unit.UnitProblems;
import dev.hashi.translation.unit.Units;

/**
 * Deciding that units are not to be translated (state {@code source_only}): one unit, a field path across a type
 * or a whole entry, for one target locale; confirming a decision after its source changed; undoing it. Every
 * change is a line in the unit's history.
 */
@Service
public class SourceOnlyDecisions {

    static final String RULE_RESOURCE = "source-only-rule";

    private final Units units;
    private final SourceOnlyRules rules;

    SourceOnlyDecisions(Units units, SourceOnlyRules rules) {
        this.units = units;
        this.rules = rules;
    }

    /**
     * Decides (or, after a source change, confirms) that a unit is not to be translated, for {@code reason}.
     * Deciding again for the current source with the same reason changes nothing.
     */
    public Unit decide(CommandContext context, String unitId, String reason) {
        Identity caller = context.caller();
        Unit found = UnitProblems.live(units.find(unitId), unitId);
        Access.requireEditorOrReviewerFor(caller, found.source().locale(), found.targetLocale());
        return units.modify(unitId, context.expectedVersion(), current -> {
                    Unit unit = UnitProblems.live(current, unitId);
                    Unit.Decision before = unit.decision();
                    if (before != null
                            && !unit.sourceChangedSinceDecision()
                            && before.reason().equals(reason)) {
                        return Optional.empty();
                    }
                    String action = before == null
                            ? "source-only-decided"
                            : unit.sourceChangedSinceDecision()
                                    ? "source-only-confirmed"
                                    : "source-only-reason-changed";
                    Unit.Decision decision = new Unit.Decision(
                            reason,
                            caller.subject(),
                            context.at(),
                            unit.source().hash(),
                            null);
                    return Optional.of(
                            UnitChange.of(unit.toBuilder().decision(decision).build(), action, context)
                                    .comment(reason));
                })
                .orElseThrow();
    }

    /**
     * Undoes a unit's source-only decision: it is translatable again, in the state its work and content give it.
     *
     * @throws dev.hashi.service.error.InvalidTransitionException {@code unit.invalid-transition} when not decided
     */
    public Unit undo(CommandContext context, String unitId) {
        Identity caller = context.caller();
        Unit found = UnitProblems.live(units.find(unitId), unitId);
        Access.requireEditorOrReviewerFor(caller, found.source().locale(), found.targetLocale());
        return units.modify(unitId, context.expectedVersion(), current -> {
                    Unit unit = UnitProblems.live(current, unitId);
                    if (unit.decision() == null) {
                        throw UnitProblems.invalidTransition(unit, "source-only-undone");
                    }
                    return Optional.of(undone(unit, context, unit.decision().reason()));
                })
                .orElseThrow();
    }

    /** What making a rule did: the rule and how many existing units it decided. */
    public record RuleApplied(SourceOnlyRule rule, int decided) {}

    /**
     * Makes a rule and decides every live unit it covers that is not decided yet.
     *
     * @throws ConflictException {@code source-only-rule.exists} when a rule of the same scope exists
     */
    public RuleApplied createRule(CommandContext context, SourceOnlyRule rule) {
        Access.requireEditorOrReviewerFor(context.caller(), null, rule.targetLocale());
        if (!rules.insert(rule)) {
            throw new ConflictException("source-only-rule.exists", "A rule for this scope exists; remove it first.")
                    .with("ruleId", rule.id());
        }
        List<Unit> covered = rule.entryId() != null
                ? units.ofEntry(rule.entryId())
                : units.ofFieldPath(rule.type(), rule.fieldPath(), rule.targetLocale());
        int decided = 0;
        for (Unit unit : covered) {
            if (unit.removed() || !rule.covers(unit) || unit.decision() != null) {
                continue;
            }
            Optional<Unit> after = units.modify(
                    unit.id(),
                    current -> current.filter(u -> !u.removed() && u.decision() == null)
                            .map(u -> UnitChange.of(
                                            u.toBuilder()
                                                    .decision(rule.decisionFor(u))
                                                    .build(),
                                            "source-only-decided",
                                            context)
                                    .comment("rule " + rule.id() + ": " + rule.reason())));
            if (after.map(u -> rule.id()
                            .equals(u.decision() == null ? null : u.decision().ruleId()))
                    .orElse(false)) {
                decided++;
            }
        }
        return new RuleApplied(rule, decided);
    }

    /** The rule, else {@code source-only-rule.not-found}. */
    public SourceOnlyRule rule(String ruleId) {
        return rules.find(ruleId).orElseThrow(() -> new NotFoundException(RULE_RESOURCE, ruleId));
    }

    /** Up to {@code limit} rules in id order after {@code afterId}. */
    public List<SourceOnlyRule> rules(String afterId, int limit) {
        return rules.list(afterId, limit);
    }

    /** Removes a rule and undoes the decisions it made; returns how many units it undid. */
    public int deleteRule(CommandContext context, String ruleId) {
        SourceOnlyRule rule = rule(ruleId);
        Access.requireEditorOrReviewerFor(context.caller(), null, rule.targetLocale());
        rules.delete(ruleId);
        int undone = 0;
        for (Unit unit : units.decidedByRule(ruleId)) {
            Optional<Unit> after = units.modify(
                    unit.id(),
                    current -> current.filter(u -> u.decision() != null
                                    && ruleId.equals(u.decision().ruleId()))
                            .map(u -> undone(u, context, "rule " + ruleId + " removed")));
            if (after.map(u -> u.decision() == null).orElse(false)) {
                undone++;
            }
        }
        return undone;
    }

    private static UnitChange undone(Unit unit, CommandContext context, String note) {
        return UnitChange.of(unit.toBuilder().decision(null).build(), "source-only-undone", context)
                .comment(note);
    }
}

package dev.hashi.translation.unit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A unit as clients see it.
 *
 * @param type     content type key of the entry
 * @param state    the workflow state's wire name ({@link UnitState#wireName()})
 * @param dueAt    ISO-8601 instant, {@code null} if none
 * @param version  the unit's revision, also its {@code ETag}; it moves on with every change, content events included
 * @param titles   the entry's title in the source and the target locale ({@code null} where the entry has none)
 * @param target   the value content holds in the target locale, {@code null} if none
 * @param draft    the translation being worked on or reviewed, {@code null} if none
 * @param outdated the source text the translation was made from and the source text now, when the source moved on
 * @param decision the decision not to translate the unit (state {@code source_only}), {@code null} if none
 * @param openQuestion whether a question on the unit is still open
 * @param warnings     in the answer to a submission: what the glossary checks found (they warn unless enforced);
 *                     empty otherwise
 */
public record UnitView(
        String unitId,
        String entryId,
        String type,
        String path,
        String sourceLocale,
        String targetLocale,
        String state,
        Source source,
        Target target,
        Draft draft,
        Outdated outdated,
        String assignee,
        Instant dueAt,
        int priority,
        Map<String, String> titles,
        Decision decision,
        boolean openQuestion,
        long version,
        List<Warning> warnings) {

    /** @param size words or characters, as {@code sizeUnit} says */
    public record Source(String text, String hash, int size, String sizeUnit) {}

    /** @param landedFrom the unit the value came from; {@code null} for a value an editor typed */
    public record Target(String text, String sourceHash, String landedFrom, String author) {}

    public record Draft(String text, String sourceHash, String translator, String reviewer, String comment) {}

    public record Outdated(String oldSourceText, String newSourceText) {}

    /**
     * A source-only decision.
     *
     * @param ruleId                     the rule (field path across a type, or entry) it comes from; {@code null} when
     *                                   made for this unit alone
     * @param sourceChangedSinceDecision the source changed after the decision: confirm it or undo it
     */
    public record Decision(
            String reason, String decidedBy, Instant decidedAt, String ruleId, boolean sourceChangedSinceDecision) {}

    /**
     * A finding on a submitted translation that does not refuse it.
     *
     * @param code     e.g. {@code glossary.missing-term}, {@code glossary.forbidden-variant}
     * @param term     the source term concerned
     * @param expected the approved translation of {@code term}
     */
    public record Warning(String code, String message, String term, String expected) {}

    /** This view with {@code found} as its warnings. */
    public UnitView withWarnings(List<Warning> found) {
        return new UnitView(
                unitId,
                entryId,
                type,
                path,
                sourceLocale,
                targetLocale,
                state,
                source,
                target,
                draft,
                outdated,
                assignee,
                dueAt,
                priority,
                titles,
                decision,
                openQuestion,
                version,
                List.copyOf(found));
    }

    public static UnitView of(Unit unit) {
        Unit.Work work = unit.work();
        Map<String, String> titles = new LinkedHashMap<>();
        titles.put(unit.source().locale(), unit.titles().get(unit.source().locale()));
        titles.put(unit.targetLocale(), unit.titles().get(unit.targetLocale()));
        return new UnitView(
                unit.id(),
                unit.entryId(),
                unit.type(),
                unit.path(),
                unit.source().locale(),
                unit.targetLocale(),
                unit.state().wireName(),
                new Source(
                        unit.source().text(),
                        unit.source().hash(),
                        unit.source().size(),
                        unit.source().sizeUnit()),
                unit.target() == null
                        ? null
                        : new Target(
                                unit.target().text(),
                                unit.target().fromHash(),
                                unit.target().unitId(),
                                unit.target().author()),
                work.draft() == null
                        ? null
                        : new Draft(
                                work.draft(), work.draftFromHash(), work.translator(), work.reviewer(), work.comment()),
                unit.outdated() == null
                        ? null
                        : new Outdated(
                                unit.outdated().oldText(), unit.outdated().newText()),
                unit.plan().assignee(),
                unit.plan().dueAt(),
                unit.plan().priority(),
                titles,
                unit.decision() == null
                        ? null
                        : new Decision(
                                unit.decision().reason(),
                                unit.decision().decidedBy(),
                                unit.decision().decidedAt(),
                                unit.decision().ruleId(),
                                unit.sourceChangedSinceDecision()),
                unit.openQuestion(),
                unit.rev(),
                List.of());
    }
}

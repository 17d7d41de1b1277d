package dev.hashi.translation.unit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A translation unit: one localized field of one entry, to be translated into one target locale. Content facts
 * ({@link Source}, {@link Target}) come from content events; {@link Work} and {@link Plan} from translators,
 * reviewers and editors. The {@link #state()} is always {@link #derivedState()} of those facts.
 *
 * @param type         content type key of the entry
 * @param decision     the decision not to translate this unit ({@code null} for none); while present the unit is
 *                     {@link UnitState#SOURCE_ONLY}
 * @param openQuestion whether a question on the unit waits for its answer to be resolved
 * @param rev          revision, incremented by every write; the compare-and-set guard and the events' aggregate version
 */
public record Unit(
        String id,
        String entryId,
        String type,
        String path,
        String targetLocale,
        UnitState state,
        Source source,
        Target target,
        Outdated outdated,
        Work work,
        Plan plan,
        Map<String, String> titles,
        Versions versions,
        boolean removed,
        Decision decision,
        boolean openQuestion,
        long rev) {

    /**
     * The longest text a unit stores, in UTF-16 characters: submissions longer than this are {@code request.invalid};
     * longer values arriving from content are stored cut to this length (their hash is of the whole text).
     */
    public static final int MAX_TEXT = 100_000;

    public Unit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        titles = Map.copyOf(titles);
    }

    /**
     * The source value.
     *
     * @param size count of words or characters (see {@code TextMeasure}), in {@code sizeUnit}
     */
    public record Source(String locale, String text, String hash, int size, String sizeUnit) {}

    /**
     * The value content-service holds in the target locale.
     *
     * @param fromHash hash of the source text it was translated from
     * @param unitId   the unit it landed from, {@code null} for a value an editor typed
     * @param author   who wrote it (the event's actor)
     */
    public record Target(String text, String fromHash, String unitId, String author) {}

    /** The source changed after the translation was made: the text it was made from and the text now. */
    public record Outdated(String oldText, String oldHash, String newText) {}

    /** Translator and reviewer work on a unit not yet landed in content. */
    public record Work(
            Stage stage, String draft, String draftFromHash, String translator, String reviewer, String comment) {

        public static final Work NONE = new Work(Stage.NONE, null, null, null, null, null);

        public enum Stage {
            NONE,
            IN_PROGRESS,
            TRANSLATED,
            APPROVED,
            REJECTED
        }
    }

    /**
     * A decision that the unit is not to be translated: the target shows the source value (the declared fallback).
     *
     * @param reason     why, as the editor or reviewer wrote it
     * @param decidedBy  the subject who decided (or confirmed) it
     * @param decidedAt  when
     * @param sourceHash hash of the source text the decision was made for
     * @param ruleId     the rule it comes from (a field path across a type, or an entry), {@code null} when it was made
     *                   for this unit alone
     */
    public record Decision(String reason, String decidedBy, Instant decidedAt, String sourceHash, String ruleId) {

        /** The same decision, made for the source with hash {@code hash}. */
        public Decision forSource(String hash) {
            return new Decision(reason, decidedBy, decidedAt, hash, ruleId);
        }
    }

    /** Planning set by editors: assignee (a subject), due date and priority (higher first). */
    public record Plan(String assignee, Instant dueAt, int priority) {

        public static final Plan NONE = new Plan(null, null, 0);

        public Plan withAssignee(String subject) {
            return new Plan(subject, dueAt, priority);
        }
    }

    /** The last content aggregate versions applied to the source side, the target side and the titles. */
    public record Versions(long source, long target, long titles) {}

    /** What content events alone determine about a unit; a rebuild reproduces exactly this. */
    public record ContentFacts(
            String type,
            UnitState state,
            Source source,
            Target target,
            Outdated outdated,
            Map<String, String> titles,
            Versions versions,
            boolean removed) {}

    public ContentFacts contentFacts() {
        return new ContentFacts(type, state, source, target, outdated, titles, versions, removed);
    }

    /**
     * This unit with the content facts of {@code rebuilt} (the same unit recomputed from content alone) and its
     * own work and planning.
     */
    public Unit rebasedOn(Unit rebuilt) {
        Outdated keptOutdated = rebuilt.outdated != null
                ? rebuilt.outdated
                : Objects.equals(source.hash(), rebuilt.source.hash()) ? outdated : null;
        return rebuilt.toBuilder()
                .state(state)
                .outdated(keptOutdated)
                .work(work)
                .plan(plan)
                .decision(rebuilt.decision != null && decision == null ? rebuilt.decision : decision)
                .openQuestion(openQuestion)
                .rev(rev)
                .build()
                .settled();
    }

    /** Whether the source changed since the unit was decided source-only (and the decision was not confirmed since). */
    public boolean sourceChangedSinceDecision() {
        return decision != null && !Objects.equals(decision.sourceHash(), source.hash());
    }

    /** The state the facts imply: a source-only decision wins, then a current landed target, then work in progress, then the content facts. */
    public UnitState derivedState() {
        if (decision != null) {
            return UnitState.SOURCE_ONLY;
        }
        if (targetIsCurrent()) {
            return UnitState.APPROVED;
        }
        boolean draftCurrent = Objects.equals(work.draftFromHash(), source.hash());
        return switch (work.stage()) {
            case APPROVED -> draftCurrent ? UnitState.APPROVED : UnitState.OUTDATED;
            case TRANSLATED -> draftCurrent ? UnitState.TRANSLATED : UnitState.OUTDATED;
            case IN_PROGRESS -> UnitState.IN_PROGRESS;
            case REJECTED -> UnitState.REJECTED;
            case NONE -> target != null ? UnitState.OUTDATED : UnitState.UNTRANSLATED;
        };
    }

    public boolean targetIsCurrent() {
        return target != null && Objects.equals(target.fromHash(), source.hash());
    }

    /** The approved text of this unit, if it is approved. */
    public String approvedText() {
        if (state != UnitState.APPROVED) {
            return null;
        }
        return targetIsCurrent() ? target.text() : work.draft();
    }

    /** This unit with its state re-derived and the outdated record kept only while a translation lags behind. */
    public Unit settled() {
        UnitState derivedState = derivedState();
        UnitBuilder derived = toBuilder().state(derivedState);
        if (derivedState == UnitState.APPROVED || derivedState == UnitState.UNTRANSLATED) {
            derived.outdated(null);
        }
        return derived.build();
    }

    /** A builder starting from this unit, to change some of its parts. */
    public UnitBuilder toBuilder() {
        return new UnitBuilder(this);
    }
}

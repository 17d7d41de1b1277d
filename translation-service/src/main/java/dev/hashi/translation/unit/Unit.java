package dev.hashi.translation.unit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A translation unit: one localized field of one entry, to be translated into one target locale. Content facts
 * ({@link Source}, {@link Target}) come from content events; {@link Work} and {@link Plan} from translators,
 * reviewers and editors. The {@link #state()} is always {@link #derivedState()} of those facts.
 *
 * @param rev revision, incremented by every write; the compare-and-set guard and the events' aggregate version
 */
public record Unit(
        String id,
        String entryId,
        String contentType,
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
        long rev) {

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

        Work withStage(Stage next) {
            return new Work(next, draft, draftFromHash, translator, reviewer, comment);
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
            String contentType,
            UnitState state,
            Source source,
            Target target,
            Outdated outdated,
            Map<String, String> titles,
            Versions versions,
            boolean removed) {}

    public ContentFacts contentFacts() {
        return new ContentFacts(contentType, state, source, target, outdated, titles, versions, removed);
    }

    /**
     * This unit with the content facts of {@code rebuilt} (the same unit recomputed from content alone) and its
     * own work and planning.
     */
    public Unit rebasedOn(Unit rebuilt) {
        Outdated keptOutdated = rebuilt.outdated != null
                ? rebuilt.outdated
                : Objects.equals(source.hash(), rebuilt.source.hash()) ? outdated : null;
        return new Unit(
                        id,
                        rebuilt.entryId,
                        rebuilt.contentType,
                        rebuilt.path,
                        rebuilt.targetLocale,
                        state,
                        rebuilt.source,
                        rebuilt.target,
                        keptOutdated,
                        work,
                        plan,
                        rebuilt.titles,
                        rebuilt.versions,
                        rebuilt.removed,
                        rev)
                .settled();
    }

    /** The state the facts imply: a current landed target wins, then work in progress, then the content facts. */
    public UnitState derivedState() {
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
        Unit derived = new Unit(
                id,
                entryId,
                contentType,
                path,
                targetLocale,
                derivedState(),
                source,
                target,
                outdated,
                work,
                plan,
                titles,
                versions,
                removed,
                rev);
        if (derived.state == UnitState.APPROVED || derived.state == UnitState.UNTRANSLATED) {
            return derived.withOutdated(null);
        }
        return derived;
    }

    public Unit withSource(Source next) {
        return new Unit(
                id,
                entryId,
                contentType,
                path,
                targetLocale,
                state,
                next,
                target,
                outdated,
                work,
                plan,
                titles,
                versions,
                removed,
                rev);
    }

    public Unit withTarget(Target next) {
        return new Unit(
                id,
                entryId,
                contentType,
                path,
                targetLocale,
                state,
                source,
                next,
                outdated,
                work,
                plan,
                titles,
                versions,
                removed,
                rev);
    }

    public Unit withOutdated(Outdated next) {
        return new Unit(
                id,
                entryId,
                contentType,
                path,
                targetLocale,
                state,
                source,
                target,
                next,
                work,
                plan,
                titles,
                versions,
                removed,
                rev);
    }

    public Unit withWork(Work next) {
        return new Unit(
                id,
                entryId,
                contentType,
                path,
                targetLocale,
                state,
                source,
                target,
                outdated,
                next,
                plan,
                titles,
                versions,
                removed,
                rev);
    }

    public Unit withPlan(Plan next) {
        return new Unit(
                id,
                entryId,
                contentType,
                path,
                targetLocale,
                state,
                source,
                target,
                outdated,
                work,
                next,
                titles,
                versions,
                removed,
                rev);
    }

    public Unit withTitles(Map<String, String> next, String nextContentType) {
        return new Unit(
                id,
                entryId,
                nextContentType,
                path,
                targetLocale,
                state,
                source,
                target,
                outdated,
                work,
                plan,
                next,
                versions,
                removed,
                rev);
    }

    public Unit withVersions(Versions next) {
        return new Unit(
                id,
                entryId,
                contentType,
                path,
                targetLocale,
                state,
                source,
                target,
                outdated,
                work,
                plan,
                titles,
                next,
                removed,
                rev);
    }

    public Unit withRemoved(boolean next) {
        return new Unit(
                id,
                entryId,
                contentType,
                path,
                targetLocale,
                state,
                source,
                target,
                outdated,
                work,
                plan,
                titles,
                versions,
                next,
                rev);
    }

    Unit withRev(long next) {
        return new Unit(
                id,
                entryId,
                contentType,
                path,
                targetLocale,
                state,
                source,
                target,
                outdated,
                work,
                plan,
                titles,
                versions,
                removed,
                next);
    }
}

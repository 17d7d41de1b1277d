package dev.hashi.translation.unit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A translation unit: one localized field of one entry, to be translated into one target locale. Content facts
 * ({@link Source}, {@link Target}) come from content events; {@link Work} and {@link Plan} from translators,
 * reviewers and editors. The {@link #state()} is always {@link #derivedState()} of those facts.
 *
 * @param type content type key of the entry
 * @param rev  revision, incremented by every write; the compare-and-set guard and the events' aggregate version
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
                .rev(rev)
                .build()
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
        UnitState derivedState = derivedState();
        Builder derived = toBuilder().state(derivedState);
        if (derivedState == UnitState.APPROVED || derivedState == UnitState.UNTRANSLATED) {
            derived.outdated(null);
        }
        return derived.build();
    }

    /** A builder starting from this unit, to change some of its parts. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes parts of a unit; {@link #build()} makes the new unit (its state as set, see {@link #settled()}). */
    public static final class Builder {
        private final String id;
        private String entryId;
        private String type;
        private String path;
        private String targetLocale;
        private UnitState state;
        private Source source;
        private Target target;
        private Outdated outdated;
        private Work work;
        private Plan plan;
        private Map<String, String> titles;
        private Versions versions;
        private boolean removed;
        private long rev;

        private Builder(Unit unit) {
            id = unit.id;
            entryId = unit.entryId;
            type = unit.type;
            path = unit.path;
            targetLocale = unit.targetLocale;
            state = unit.state;
            source = unit.source;
            target = unit.target;
            outdated = unit.outdated;
            work = unit.work;
            plan = unit.plan;
            titles = unit.titles;
            versions = unit.versions;
            removed = unit.removed;
            rev = unit.rev;
        }

        public Builder entryId(String value) {
            entryId = value;
            return this;
        }

        public Builder type(String value) {
            type = value;
            return this;
        }

        public Builder path(String value) {
            path = value;
            return this;
        }

        public Builder targetLocale(String value) {
            targetLocale = value;
            return this;
        }

        public Builder state(UnitState value) {
            state = value;
            return this;
        }

        public Builder source(Source value) {
            source = value;
            return this;
        }

        public Builder target(Target value) {
            target = value;
            return this;
        }

        public Builder outdated(Outdated value) {
            outdated = value;
            return this;
        }

        public Builder work(Work value) {
            work = value;
            return this;
        }

        public Builder plan(Plan value) {
            plan = value;
            return this;
        }

        public Builder titles(Map<String, String> value) {
            titles = value;
            return this;
        }

        public Builder versions(Versions value) {
            versions = value;
            return this;
        }

        public Builder removed(boolean value) {
            removed = value;
            return this;
        }

        Builder rev(long value) {
            rev = value;
            return this;
        }

        public Unit build() {
            return new Unit(
                    id,
                    entryId,
                    type,
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
                    rev);
        }
    }
}

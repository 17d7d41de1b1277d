package dev.hashi.translation.unit;

import java.util.Map;

/** Changes parts of a unit; {@link #build()} makes the new unit (its state as set, see {@link Unit#settled()}). */
public final class UnitBuilder {
    private final String id;
    private String entryId;
    private String type;
    private String path;
    private String targetLocale;
    private UnitState state;
    private Unit.Source source;
    private Unit.Target target;
    private Unit.Outdated outdated;
    private Unit.Work work;
    private Unit.Plan plan;
    private Map<String, String> titles;
    private Unit.Versions versions;
    private boolean removed;
    private Unit.Decision decision;
    private boolean openQuestion;
    private long rev;

    UnitBuilder(Unit unit) {
        id = unit.id();
        entryId = unit.entryId();
        type = unit.type();
        path = unit.path();
        targetLocale = unit.targetLocale();
        state = unit.state();
        source = unit.source();
        target = unit.target();
        outdated = unit.outdated();
        work = unit.work();
        plan = unit.plan();
        titles = unit.titles();
        versions = unit.versions();
        removed = unit.removed();
        decision = unit.decision();
        openQuestion = unit.openQuestion();
        rev = unit.rev();
    }

    public UnitBuilder entryId(String value) {
        entryId = value;
        return this;
    }

    public UnitBuilder type(String value) {
        type = value;
        return this;
    }

    public UnitBuilder path(String value) {
        path = value;
        return this;
    }

    public UnitBuilder targetLocale(String value) {
        targetLocale = value;
        return this;
    }

    public UnitBuilder state(UnitState value) {
        state = value;
        return this;
    }

    public UnitBuilder source(Unit.Source value) {
        source = value;
        return this;
    }

    public UnitBuilder target(Unit.Target value) {
        target = value;
        return this;
    }

    public UnitBuilder outdated(Unit.Outdated value) {
        outdated = value;
        return this;
    }

    public UnitBuilder work(Unit.Work value) {
        work = value;
        return this;
    }

    public UnitBuilder plan(Unit.Plan value) {
        plan = value;
        return this;
    }

    public UnitBuilder titles(Map<String, String> value) {
        titles = value;
        return this;
    }

    public UnitBuilder versions(Unit.Versions value) {
        versions = value;
        return this;
    }

    public UnitBuilder removed(boolean value) {
        removed = value;
        return this;
    }

    /** The source-only decision, {@code null} for none. */
    public UnitBuilder decision(Unit.Decision value) {
        decision = value;
        return this;
    }

    public UnitBuilder openQuestion(boolean value) {
        openQuestion = value;
        return this;
    }

    UnitBuilder rev(long value) {
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
                decision,
                openQuestion,
                rev);
    }
}

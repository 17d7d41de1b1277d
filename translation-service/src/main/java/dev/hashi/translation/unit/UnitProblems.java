package dev.hashi.translation.unit;

import java.util.Optional;

import dev.hashi.service.error.ConflictException;
import dev.hashi.service.error.DomainException;
import dev.hashi.service.error.InvalidTransitionException;
import dev.hashi.service.error.NotFoundException;

/** The failures of requests about units, as domain exceptions with their catalogue codes. */
public final class UnitProblems {

    /** The resource name in problems: {@code unit.not-found}, {@code unit.invalid-transition}. */
    public static final String RESOURCE = "unit";

    private UnitProblems() {}

    /** {@code unit.not-found}. */
    public static NotFoundException notFound(String id) {
        return new NotFoundException(RESOURCE, id);
    }

    /** {@code unit.invalid-transition}: the unit's state does not allow {@code action}. */
    public static DomainException invalidTransition(Unit unit, String action) {
        return new InvalidTransitionException(RESOURCE, unit.state().wireName(), action).with("unitId", unit.id());
    }

    /** {@code unit.source-changed}: the translator loaded another source than the current one. */
    public static DomainException sourceChanged(Unit unit, String loadedHash) {
        return new ConflictException(
                        "unit.source-changed",
                        "The source text changed since it was loaded; translate the current source.")
                .with("unitId", unit.id())
                .with("currentSourceHash", unit.source().hash())
                .with("loadedSourceHash", loadedHash)
                .with("currentSourceText", unit.source().text());
    }

    /** {@code unit.assigned}: someone else holds the unit. */
    public static DomainException assignedToOther(Unit unit) {
        return new ConflictException("unit.assigned", "The unit is assigned to someone else.")
                .with("unitId", unit.id())
                .with("assignee", unit.plan().assignee());
    }

    /** The live (not removed) unit, else {@code unit.not-found}. */
    public static Unit live(Optional<Unit> unit, String id) {
        return unit.filter(found -> !found.removed()).orElseThrow(() -> notFound(id));
    }
}

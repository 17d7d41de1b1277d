package dev.hashi.translation.unit;

import org.springframework.http.HttpStatus;

import dev.hashi.service.web.ApiProblem;

/** The problems answered for requests about units. */
public final class UnitProblems {

    private UnitProblems() {}

    public static ApiProblem unknown(String id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "unit.unknown", "There is no translation unit " + id + ".")
                .with("unitId", id);
    }

    public static ApiProblem invalidTransition(Unit unit, String action) {
        return new ApiProblem(
                        HttpStatus.CONFLICT,
                        "unit.invalid-transition",
                        "A unit in state " + unit.state().wireName() + " cannot be " + action + ".")
                .with("unitId", unit.id())
                .with("state", unit.state().wireName())
                .with("action", action);
    }

    public static ApiProblem sourceChanged(Unit unit, String loadedHash) {
        return new ApiProblem(
                        HttpStatus.CONFLICT,
                        "unit.source-changed",
                        "The source text changed since it was loaded; translate the current source.")
                .with("unitId", unit.id())
                .with("currentSourceHash", unit.source().hash())
                .with("loadedSourceHash", loadedHash)
                .with("currentSourceText", unit.source().text());
    }

    public static ApiProblem assignedToOther(Unit unit) {
        return new ApiProblem(HttpStatus.CONFLICT, "unit.assigned", "The unit is assigned to someone else.")
                .with("unitId", unit.id())
                .with("assignee", unit.plan().assignee());
    }
}

package dev.hashi.service.error;

import dev.hashi.problem.ProblemCodes;

/** {@code version.conflict}: the resource changed since the caller's version; members {@code resource}, {@code id}, {@code currentVersion}. */
public class VersionConflictException extends DomainException {

    public VersionConflictException(String resource, Object id, long currentVersion) {
        super(
                Kind.VERSION_CONFLICT,
                ProblemCodes.VERSION_CONFLICT,
                "The " + resource + " changed since you read it; reload and apply your change again.");
        with("resource", resource);
        with("id", id);
        with("currentVersion", currentVersion);
    }
}

package dev.hashi.service.error;

import dev.hashi.problem.ProblemCodes;

/** {@code version.required}: a write must name the version it was based on ({@code If-Match} on HTTP). */
public class VersionRequiredException extends DomainException {

    public VersionRequiredException(String resource) {
        super(
                Kind.VERSION_REQUIRED,
                ProblemCodes.VERSION_REQUIRED,
                "Send If-Match with the ETag of the " + resource + " you read, so concurrent edits are not lost.");
        with("resource", resource);
    }
}

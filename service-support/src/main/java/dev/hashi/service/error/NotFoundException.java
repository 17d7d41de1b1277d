package dev.hashi.service.error;

import dev.hashi.problem.ProblemCodes;

/** {@code <resource>.not-found}, with members {@code resource} and {@code id}. */
public class NotFoundException extends DomainException {

    public NotFoundException(String resource, Object id) {
        super(Kind.NOT_FOUND, ProblemCodes.notFound(resource), "No " + resource + " " + id + ".");
        with("resource", resource);
        with("id", id);
    }
}

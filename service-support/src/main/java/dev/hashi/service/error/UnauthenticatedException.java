package dev.hashi.service.error;

import dev.hashi.problem.ProblemCodes;

/** {@code auth.required}: sign in to do this. */
public class UnauthenticatedException extends DomainException {

    public UnauthenticatedException(String detail) {
        super(Kind.UNAUTHENTICATED, ProblemCodes.AUTH_REQUIRED, detail);
    }
}

package dev.hashi.service.error;

import dev.hashi.problem.ProblemCodes;

/** {@code auth.forbidden}: the caller is known but its roles or locale pairs do not allow this. */
public class ForbiddenException extends DomainException {

    public ForbiddenException(String detail) {
        super(Kind.FORBIDDEN, ProblemCodes.AUTH_FORBIDDEN, detail);
    }
}

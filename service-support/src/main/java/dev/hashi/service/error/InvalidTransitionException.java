package dev.hashi.service.error;

import dev.hashi.problem.ProblemCodes;

/** {@code <resource>.invalid-transition}: the state {@code from} does not allow {@code action}. */
public class InvalidTransitionException extends DomainException {

    public InvalidTransitionException(String resource, String from, String action) {
        super(
                Kind.CONFLICT,
                ProblemCodes.invalidTransition(resource),
                "A " + resource + " in state " + from + " cannot be " + action + ".");
        with("state", from);
        with("action", action);
    }
}

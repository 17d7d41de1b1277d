package dev.hashi.service.error;

import java.util.List;

import dev.hashi.problem.ProblemCodes;

/** {@code request.invalid}: the listed values are invalid and nothing was changed. */
public class InvalidInputException extends DomainException {

    public InvalidInputException(List<FieldError> errors) {
        super(Kind.INVALID_INPUT, ProblemCodes.REQUEST_INVALID, describe(errors), errors);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one field");
        }
    }

    /** One invalid value. */
    public static InvalidInputException field(String field, String code, String message, Object value) {
        return new InvalidInputException(List.of(new FieldError(field, code, message, value)));
    }

    /** One invalid value, not echoed. */
    public static InvalidInputException field(String field, String code, String message) {
        return field(field, code, message, null);
    }

    private static String describe(List<FieldError> errors) {
        return errors.size() == 1
                ? errors.get(0).message()
                : "The request has " + errors.size() + " invalid values; see errors.";
    }
}

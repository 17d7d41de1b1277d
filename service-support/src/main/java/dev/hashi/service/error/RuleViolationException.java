package dev.hashi.service.error;

import java.util.List;

/** Well-formed input that breaks a business rule (e.g. {@code publish.invalid}), optionally listing the offending values. */
public class RuleViolationException extends DomainException {

    public RuleViolationException(String code, String detail) {
        super(Kind.RULE_VIOLATION, code, detail);
    }

    public RuleViolationException(String code, String detail, List<FieldError> errors) {
        super(Kind.RULE_VIOLATION, code, detail, errors);
    }
}

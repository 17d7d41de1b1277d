package dev.hashi.service.error;

/** A request that contradicts the current state, e.g. {@code slug.taken} or {@code unit.assigned}. */
public class ConflictException extends DomainException {

    public ConflictException(String code, String detail) {
        super(Kind.CONFLICT, code, detail);
    }
}

package dev.hashi.service.error;

/** Something the operation depends on (another service, the broker) could not answer; retry later. */
public class UnavailableException extends DomainException {

    public UnavailableException(String code, String detail) {
        super(Kind.UNAVAILABLE, code, detail);
    }
}

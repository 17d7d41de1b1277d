package dev.hashi.events;

/**
 * A record that can never be handled: not JSON, missing envelope fields, or an unknown type or schema version.
 * Consumers send such records to the dead-letter topic at once, without retrying.
 */
public class PoisonEventException extends RuntimeException {

    private final String code;

    public PoisonEventException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** A stable machine code: {@code event.malformed}, {@code event.unknown-type}. */
    public String code() {
        return code;
    }
}

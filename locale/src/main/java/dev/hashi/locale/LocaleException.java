package dev.hashi.locale;

/**
 * A locale value sent by a client was rejected. Subclasses carry a stable machine {@link #code()} and the
 * offending value so that an HTTP layer can map them to an RFC 9457 problem with a 4xx status.
 */
public abstract sealed class LocaleException extends RuntimeException
        permits InvalidLocaleTagException, UnsupportedLocaleException {

    private final String rejectedValue;

    LocaleException(String message, String rejectedValue) {
        super(message);
        this.rejectedValue = rejectedValue;
    }

    /** Stable machine-readable error code, never {@code null}. */
    public abstract String code();

    /** The value exactly as it was received, never {@code null}. */
    public String rejectedValue() {
        return rejectedValue;
    }
}

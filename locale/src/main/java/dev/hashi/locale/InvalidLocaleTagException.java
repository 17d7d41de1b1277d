package dev.hashi.locale;

/** The value is not an acceptable BCP 47 language tag; see {@link LocaleTag#parse(String)} for the rules. */
public final class InvalidLocaleTagException extends LocaleException {

    /** The error code carried by every instance. */
    public static final String CODE = "locale.invalid";

    InvalidLocaleTagException(String value, String reason) {
        super("Invalid locale tag '" + value + "': " + reason, value);
    }

    @Override
    public String code() {
        return CODE;
    }
}

package dev.hashi.locale;

/**
 * The locale configuration given to {@link SupportedLocales#of} is inconsistent. This is a deployment error
 * raised at startup, not a client error; the message names the offending entry.
 */
public final class InvalidLocaleConfigurationException extends IllegalArgumentException {

    InvalidLocaleConfigurationException(String message) {
        super(message);
    }

    InvalidLocaleConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}

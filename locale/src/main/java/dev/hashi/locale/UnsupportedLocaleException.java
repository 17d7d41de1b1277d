package dev.hashi.locale;

import java.util.List;

/** The value is a valid locale tag, but the platform is not configured to serve that locale. */
public final class UnsupportedLocaleException extends LocaleException {

    /** The error code carried by every instance. */
    public static final String CODE = "locale.unsupported";

    private final List<LocaleTag> supported;

    UnsupportedLocaleException(String value, List<LocaleTag> supported) {
        super("Locale '" + value + "' is not supported; supported locales: " + supported, value);
        this.supported = List.copyOf(supported);
    }

    @Override
    public String code() {
        return CODE;
    }

    /** The supported locales in configured order, never {@code null}; lets a client pick one instead. */
    public List<LocaleTag> supported() {
        return supported;
    }
}

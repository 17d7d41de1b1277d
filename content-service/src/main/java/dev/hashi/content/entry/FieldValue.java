package dev.hashi.content.entry;

/**
 * One stored value.
 *
 * @param path   stable path, e.g. {@code sessions[s-2].presentations[p-1].title}
 * @param locale locale tag for a localized field, {@code null} otherwise
 * @param value  a string (text, rich text, ISO date, entry id, asset id), a double or a boolean
 */
public record FieldValue(String path, String locale, Object value, Origin origin) {

    /** Whether this is the value its field's other locales are translated from. */
    public boolean isSource() {
        return locale != null && origin != null && locale.equals(origin.locale());
    }

    String key() {
        return key(path, locale);
    }

    static String key(String path, String locale) {
        return locale == null ? path : path + "|" + locale;
    }
}

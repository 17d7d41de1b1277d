package dev.hashi.locale;

import java.util.Objects;
import java.util.regex.Pattern;

import com.ibm.icu.util.LocaleMatcher;
import com.ibm.icu.util.LocalePriorityList;

/**
 * Picks the locale of a request: an explicit {@code ?locale=} wins, else the {@code Accept-Language} header
 * matched by ICU's {@link LocaleMatcher}, else the default locale. Immutable and thread-safe.
 */
public final class LocaleNegotiator {

    /** Headers longer than this, in characters, are ignored. */
    public static final int MAX_HEADER_LENGTH = 1024;

    private static final Pattern LANGUAGE_RANGE = Pattern.compile("(?:\\*|[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)"
            + "(?:[ \\t]*;[ \\t]*[qQ]=(?:0(?:\\.[0-9]{0,3})?|1(?:\\.0{0,3})?))?");

    private final SupportedLocales supported;
    private final LocaleMatcher matcher;

    /**
     * Creates a negotiator over the given configuration.
     *
     * @throws NullPointerException if {@code supported} is {@code null}
     */
    public LocaleNegotiator(SupportedLocales supported) {
        this.supported = Objects.requireNonNull(supported, "supported");
        this.matcher = LocaleMatcher.builder()
                .setSupportedULocales(
                        supported.all().stream().map(LocaleTag::ulocale).toList())
                .setDefaultULocale(supported.defaultLocale().ulocale())
                .build();
    }

    /**
     * Negotiates the locale of a request.
     *
     * @param queryParam the {@code locale} query parameter, or {@code null} if absent; any other value,
     *     including the empty string, must be a supported tag
     * @param acceptLanguage the {@code Accept-Language} header, or {@code null}; see {@link #fromAcceptLanguage}
     * @return a supported locale, never {@code null}
     * @throws InvalidLocaleTagException if {@code queryParam} is not a valid tag
     * @throws UnsupportedLocaleException if {@code queryParam} is valid but not supported
     */
    public LocaleTag negotiate(String queryParam, String acceptLanguage) {
        return queryParam != null ? supported.require(queryParam) : fromAcceptLanguage(acceptLanguage);
    }

    /**
     * The supported locale that best matches an {@code Accept-Language} header (RFC 9110 §12.5.4), or the
     * default locale when nothing matches well enough. A header that is {@code null}, blank, longer than
     * {@link #MAX_HEADER_LENGTH} or malformed in any element (bad range, bad or out-of-range {@code q}) is
     * ignored as a whole. Never throws for header content.
     *
     * @return a supported locale, never {@code null}
     */
    public LocaleTag fromAcceptLanguage(String acceptLanguage) {
        if (!isWellFormed(acceptLanguage)) {
            return supported.defaultLocale();
        }
        int index = matcher.getBestMatchResult(
                        LocalePriorityList.add(acceptLanguage).build())
                .getSupportedIndex();
        return index < 0 ? supported.defaultLocale() : supported.all().get(index);
    }

    private static boolean isWellFormed(String header) {
        if (header == null || header.isBlank() || header.length() > MAX_HEADER_LENGTH) {
            return false;
        }
        for (String element : header.split(",")) {
            String range = element.trim();
            if (!range.isEmpty() && !LANGUAGE_RANGE.matcher(range).matches()) {
                return false;
            }
        }
        return true;
    }
}

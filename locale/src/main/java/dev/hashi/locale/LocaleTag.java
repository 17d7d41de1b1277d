package dev.hashi.locale;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.util.IllformedLocaleException;
import com.ibm.icu.util.ULocale;

/**
 * A validated, canonical BCP 47 language tag such as {@code en}, {@code ja-JP} or {@code zh-Hant-TW}.
 *
 * <p>Instances are immutable and compare equal when their canonical tags are equal, so {@code "EN-us"} and
 * {@code "en-US"} parse to equal values.
 */
public final class LocaleTag {

    /** Longest input {@link #parse(String)} accepts, in UTF-16 code units. */
    public static final int MAX_LENGTH = 64;

    private static final Set<String> LANGUAGES = Set.of(ULocale.getISOLanguages());
    private static final Set<String> REGIONS = Set.of(ULocale.getISOCountries());

    private final ULocale locale;
    private final String tag;

    private LocaleTag(ULocale locale) {
        this.locale = locale;
        this.tag = locale.toLanguageTag();
    }

    /**
     * Parses and canonicalises a BCP 47 tag with ICU.
     *
     * <p>The value is accepted only if all of these hold:
     * <ul>
     *   <li>it is at most {@link #MAX_LENGTH} characters and well-formed BCP 47 as a whole: hyphens only
     *       (so {@code "ja_JP"} is rejected), no surrounding whitespace, no empty or over-long subtags;</li>
     *   <li>after ICU canonicalisation (case, deprecated codes: {@code iw → he}, {@code en-UK → en-GB}) it has
     *       a language that is neither empty nor {@code und}, so private-use-only tags such as {@code x-foo}
     *       are rejected;</li>
     *   <li>the language is an ISO 639 code known to ICU, a script subtag is an ISO 15924 code, and a
     *       two-letter region is an ISO 3166 code (three-digit UN M.49 regions are allowed).</li>
     * </ul>
     *
     * @param value the tag as received, not {@code null}
     * @return the canonical tag
     * @throws NullPointerException if {@code value} is {@code null}
     * @throws InvalidLocaleTagException if any rule above is broken
     */
    public static LocaleTag parse(String value) {
        Objects.requireNonNull(value, "value");
        if (value.length() > MAX_LENGTH) {
            throw new InvalidLocaleTagException(value, "longer than " + MAX_LENGTH + " characters");
        }
        try {
            new ULocale.Builder().setLanguageTag(value);
        } catch (IllformedLocaleException e) {
            throw new InvalidLocaleTagException(value, "not a well-formed BCP 47 tag (" + e.getMessage() + ")");
        }
        ULocale canonical = ULocale.createCanonical(ULocale.forLanguageTag(value));
        String language = canonical.getLanguage();
        if (language.isEmpty() || language.equals("und")) {
            throw new InvalidLocaleTagException(value, "no language subtag");
        }
        if (!LANGUAGES.contains(language)) {
            throw new InvalidLocaleTagException(value, "unknown language '" + language + "'");
        }
        String script = canonical.getScript();
        if (!script.isEmpty() && UScript.getCode(script) == null) {
            throw new InvalidLocaleTagException(value, "unknown script '" + script + "'");
        }
        String region = canonical.getCountry();
        if (region.length() == 2 && !REGIONS.contains(region)) {
            throw new InvalidLocaleTagException(value, "unknown region '" + region + "'");
        }
        return new LocaleTag(canonical);
    }

    /** The canonical tag, e.g. {@code "en-US"}; never {@code null}. */
    public String tag() {
        return tag;
    }

    /** The canonical language subtag, e.g. {@code "ja"}; never {@code null} or empty. */
    public String language() {
        return locale.getLanguage();
    }

    /** This tag as a JDK locale, for APIs outside ICU; never {@code null}. */
    public Locale toLocale() {
        return Locale.forLanguageTag(tag);
    }

    ULocale ulocale() {
        return locale;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LocaleTag that && tag.equals(that.tag);
    }

    @Override
    public int hashCode() {
        return tag.hashCode();
    }

    /** The canonical tag, same as {@link #tag()}. */
    @Override
    public String toString() {
        return tag;
    }
}

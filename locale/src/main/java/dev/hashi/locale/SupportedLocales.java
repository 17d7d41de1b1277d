package dev.hashi.locale;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.hashi.digest.Sha256;

/**
 * The locales the platform serves, its default locale and the fallback chain of each locale, all taken from
 * configuration. Immutable and thread-safe.
 */
public final class SupportedLocales {

    private final List<LocaleTag> locales;
    private final LocaleTag defaultLocale;
    private final Map<LocaleTag, List<LocaleTag>> chains;

    private SupportedLocales(List<LocaleTag> locales, LocaleTag defaultLocale, Map<LocaleTag, List<LocaleTag>> chains) {
        this.locales = List.copyOf(locales);
        this.defaultLocale = defaultLocale;
        this.chains = Collections.unmodifiableMap(new LinkedHashMap<>(chains));
    }

    /**
     * Builds and validates the configuration.
     *
     * <p>{@code fallbacks} maps a locale to the locales to try after it, in order, without the locale itself
     * (e.g. {@code ko: [ja, en]}). A locale without an entry falls back to the default locale; an entry with
     * an empty list means "no fallback". Chains are not expanded transitively.
     *
     * @param locales supported locale tags in preference order; at least one
     * @param defaultLocale the default tag; must be one of {@code locales}
     * @param fallbacks fallback chains by locale tag; may be empty
     * @throws InvalidLocaleConfigurationException if an argument is {@code null}, a tag is invalid, a locale is
     *     listed twice (also after canonicalisation), the default is not supported, or a chain names an
     *     unsupported locale, repeats a locale, or contains the locale it belongs to
     */
    public static SupportedLocales of(List<String> locales, String defaultLocale, Map<String, List<String>> fallbacks) {
        if (locales == null || locales.isEmpty()) {
            throw new InvalidLocaleConfigurationException("At least one supported locale must be configured");
        }
        if (defaultLocale == null) {
            throw new InvalidLocaleConfigurationException("No default locale configured");
        }
        if (fallbacks == null) {
            throw new InvalidLocaleConfigurationException("Fallback chains must be configured, possibly empty");
        }
        Set<LocaleTag> supported = new LinkedHashSet<>();
        for (String value : locales) {
            if (!supported.add(configured(value, "supported locale"))) {
                throw new InvalidLocaleConfigurationException("Supported locale '" + value + "' is listed twice");
            }
        }
        LocaleTag fallbackDefault = requireSupported(defaultLocale, "default locale", supported);
        Map<LocaleTag, List<LocaleTag>> chains = new LinkedHashMap<>();
        for (LocaleTag locale : supported) {
            chains.put(locale, locale.equals(fallbackDefault) ? List.of(locale) : List.of(locale, fallbackDefault));
        }
        fallbacks.forEach((key, chain) -> {
            LocaleTag locale = requireSupported(key, "fallback chain key", supported);
            chains.put(locale, chain(locale, chain, supported));
        });
        return new SupportedLocales(List.copyOf(supported), fallbackDefault, chains);
    }

    /**
     * Builds the configuration from its one-line form, the value of {@code HASHI_LOCALES} that every service reads:
     * locales in preference order separated by commas, the first being the default, each followed by its fallback
     * chain joined with {@code >}. {@code "en>ja, ja>en"} supports English and Japanese, each falling back to the
     * other; {@code "en, ja, ko>ja>en"} adds Korean falling back to Japanese then English, while English has no
     * fallback and Japanese falls back to the default. The rules of {@link #of} apply.
     *
     * @throws InvalidLocaleConfigurationException for an empty or malformed line, or any rule of {@link #of}
     */
    public static SupportedLocales parse(String line) {
        if (line == null || line.isBlank()) {
            throw new InvalidLocaleConfigurationException("The locale configuration is empty");
        }
        List<String> locales = new java.util.ArrayList<>();
        Map<String, List<String>> fallbacks = new LinkedHashMap<>();
        for (String entry : line.split(",", -1)) {
            String[] parts = entry.split(">", -1);
            List<String> tags = new java.util.ArrayList<>();
            for (String part : parts) {
                String tag = part.strip();
                if (tag.isEmpty()) {
                    throw new InvalidLocaleConfigurationException(
                            "Locale configuration '" + line + "' has an empty locale in '" + entry.strip() + "'");
                }
                tags.add(tag);
            }
            locales.add(tags.get(0));
            if (tags.size() > 1) {
                fallbacks.put(tags.get(0), tags.subList(1, tags.size()));
            }
        }
        return of(locales, locales.get(0), fallbacks);
    }

    /**
     * The configuration in the one-line form of {@link #parse}, every chain spelt out: the same configuration
     * always gives the same line, so two services can compare theirs.
     */
    public String line() {
        StringBuilder line = new StringBuilder();
        for (LocaleTag locale : locales) {
            if (line.length() > 0) {
                line.append(',');
            }
            line.append(locale.tag());
            for (LocaleTag fallback : chains.get(locale)) {
                if (!fallback.equals(locale)) {
                    line.append('>').append(fallback.tag());
                }
            }
        }
        return line.toString();
    }

    /**
     * The first 12 hex digits of the SHA-256 of {@link #line()}: two services with the same configuration show the
     * same fingerprint.
     */
    public String fingerprint() {
        return Sha256.hex(line()).substring(0, 12);
    }

    private static List<LocaleTag> chain(LocaleTag locale, List<String> configured, Set<LocaleTag> supported) {
        if (configured == null) {
            throw new InvalidLocaleConfigurationException("Fallback chain of '" + locale + "' is null");
        }
        Set<LocaleTag> chain = new LinkedHashSet<>();
        chain.add(locale);
        for (String value : configured) {
            if (!chain.add(requireSupported(value, "fallback of '" + locale + "'", supported))) {
                throw new InvalidLocaleConfigurationException(
                        "Fallback chain of '" + locale + "' repeats '" + value + "' or names the locale itself");
            }
        }
        return List.copyOf(chain);
    }

    private static LocaleTag requireSupported(String value, String role, Set<LocaleTag> supported) {
        LocaleTag tag = configured(value, role);
        if (!supported.contains(tag)) {
            throw new InvalidLocaleConfigurationException(
                    "The " + role + " '" + value + "' is not a supported locale " + supported);
        }
        return tag;
    }

    private static LocaleTag configured(String value, String role) {
        if (value == null) {
            throw new InvalidLocaleConfigurationException("A " + role + " is null");
        }
        try {
            return LocaleTag.parse(value);
        } catch (InvalidLocaleTagException e) {
            throw new InvalidLocaleConfigurationException("The " + role + " is invalid: " + e.getMessage(), e);
        }
    }

    /** Every supported locale in configured order; immutable, never empty. */
    public List<LocaleTag> all() {
        return locales;
    }

    /** The default locale; always one of {@link #all()}. */
    public LocaleTag defaultLocale() {
        return defaultLocale;
    }

    /** Whether {@code locale} is supported exactly (after canonicalisation); {@code false} for {@code null}. */
    public boolean isSupported(LocaleTag locale) {
        return locale != null && chains.containsKey(locale);
    }

    /**
     * Parses a client-supplied tag and checks that it is supported exactly: {@code "en-US"} is not
     * {@code "en"}. Use {@link LocaleNegotiator} for best-effort matching.
     *
     * @param value the tag as received, not {@code null}
     * @throws NullPointerException if {@code value} is {@code null}
     * @throws InvalidLocaleTagException if the value is not a valid tag
     * @throws UnsupportedLocaleException if the tag is valid but not supported
     */
    public LocaleTag require(String value) {
        LocaleTag locale = LocaleTag.parse(value);
        if (!isSupported(locale)) {
            throw new UnsupportedLocaleException(value, locales);
        }
        return locale;
    }

    /**
     * The locales to try, in order, when content is requested in {@code locale}: the locale itself first, then
     * its configured fallbacks; no duplicates, only supported locales; immutable.
     *
     * @throws NullPointerException if {@code locale} is {@code null}
     * @throws UnsupportedLocaleException if {@code locale} is not supported
     */
    public List<LocaleTag> fallbackChain(LocaleTag locale) {
        return chains.get(supported(locale));
    }

    /**
     * Every supported locale except {@code locale}, in configured order; immutable, possibly empty. Used for
     * example to find the target locales of a value written in {@code locale}.
     *
     * @throws NullPointerException if {@code locale} is {@code null}
     * @throws UnsupportedLocaleException if {@code locale} is not supported
     */
    public List<LocaleTag> others(LocaleTag locale) {
        LocaleTag source = supported(locale);
        List<LocaleTag> others = new ArrayList<>(locales);
        others.remove(source);
        return List.copyOf(others);
    }

    private LocaleTag supported(LocaleTag locale) {
        if (!isSupported(Objects.requireNonNull(locale, "locale"))) {
            throw new UnsupportedLocaleException(locale.tag(), locales);
        }
        return locale;
    }

    @Override
    public String toString() {
        return "SupportedLocales" + locales + " default " + defaultLocale + " chains " + chains;
    }
}

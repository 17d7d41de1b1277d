package dev.hashi.locale;

import java.util.List;
import java.util.Set;

import com.ibm.icu.text.PluralRules;

/** CLDR plural rules, for checking that a translated message covers every form its locale needs. */
public final class Plurals {

    private static final List<String> CLDR_ORDER = List.of("zero", "one", "two", "few", "many", "other");

    private Plurals() {}

    /**
     * The cardinal plural categories a message in {@code locale} must provide, in CLDR order
     * ({@code zero, one, two, few, many, other}): {@code [other]} for {@code ja} and {@code ko},
     * {@code [one, other]} for {@code en}. Always contains {@code other}; immutable.
     *
     * @throws NullPointerException if {@code locale} is {@code null}
     */
    public static List<String> requiredCategories(LocaleTag locale) {
        Set<String> keywords = PluralRules.forLocale(locale.ulocale()).getKeywords();
        return CLDR_ORDER.stream().filter(keywords::contains).toList();
    }
}

package dev.hashi.translation.context;

import java.util.List;
import java.util.Map;

/**
 * What surrounds a unit, read from content-service when asked.
 *
 * @param fieldLabel the field's name for people, in the asked locale or the nearest one it has
 * @param limits     the field's length limit from its type
 * @param entry      the entry the unit belongs to
 * @param neighbours the other localized text fields of the same list item (of the entry, for top-level fields) that
 *                   hold a value, in the type's field order, at most {@value UnitContexts#MAX_NEIGHBOURS}
 * @param previewUrl the draft page in the target locale through the gateway (slug of the target locale, else the
 *                   source's); {@code null} when the entry has no slug
 */
public record UnitContext(
        String unitId,
        String path,
        String sourceLocale,
        String targetLocale,
        Label fieldLabel,
        Limits limits,
        EntryFacts entry,
        List<Neighbour> neighbours,
        String previewUrl) {

    /**
     * @param value  the label, or the field's key when the type names the field in no locale
     * @param locale the locale {@code value} is in; {@code null} when it is the key
     */
    public record Label(String value, String locale) {}

    /**
     * @param maxLength longest value content-service accepts, {@code null} for no limit
     * @param unit      what {@code maxLength} counts: always {@code characters} (Unicode code points), whatever the
     *                  unit's own size unit
     * @param sizeUnit  the unit's size unit ({@code words} or {@code characters}), as in its {@code source.size}
     */
    public record Limits(Integer maxLength, String unit, String sizeUnit) {}

    /** @param titles the entry's title per locale ({@code null} where it has none) */
    public record EntryFacts(String entryId, String type, Map<String, String> titles) {}

    /** @param values the field's value per locale, for each locale that has one */
    public record Neighbour(String path, Label fieldLabel, Map<String, String> values) {}
}

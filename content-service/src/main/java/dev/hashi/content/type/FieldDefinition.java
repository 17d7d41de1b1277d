package dev.hashi.content.type;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * One field of a content type.
 *
 * @param key               the field's name in entries and paths, e.g. {@code title}
 * @param kind              what the field holds
 * @param localized         whether it has a value per locale (text and rich text only)
 * @param requiredToPublish whether a locale can only be published with a value for it (in the locale or along its
 *                          fallback chain)
 * @param maxLength         longest value in Unicode code points (text kinds); {@code null} for no limit
 * @param pattern           regular expression the whole value must match (text kinds); {@code null} for none
 * @param referenceTypes    for references: the content types the referenced entry may have
 * @param componentType     for component lists: the component type of the items
 * @param maxItems          for component lists: most items the list may have; {@code null} for the configured
 *                          default ({@code cms.content.limits.max-items})
 * @param labels            the field's name for people, per BCP 47 locale tag (e.g. {@code en: Title},
 *                          {@code ja: 題名}), each 1–100 characters; never {@code null} (empty when none)
 */
public record FieldDefinition(
        @NotNull @Pattern(regexp = "[a-z][a-zA-Z0-9]{0,39}") String key,
        @NotNull FieldKind kind,
        boolean localized,
        boolean requiredToPublish,
        @Positive Integer maxLength,
        String pattern,
        List<String> referenceTypes,
        String componentType,
        @Positive Integer maxItems,

        @Size(max = 20)
        Map<@NotNull @Pattern(regexp = LOCALE_TAG) String, @NotNull @Size(min = 1, max = 100) String> labels) {

    /** The shape of a label's locale tag: a BCP 47 language with optional subtags ({@code en}, {@code ja-JP}). */
    static final String LOCALE_TAG = "[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8}){0,4}";

    public FieldDefinition {
        referenceTypes = referenceTypes == null ? List.of() : List.copyOf(referenceTypes);
        labels = labels == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    /** A field without labels. */
    public FieldDefinition(
            String key,
            FieldKind kind,
            boolean localized,
            boolean requiredToPublish,
            Integer maxLength,
            String pattern,
            List<String> referenceTypes,
            String componentType,
            Integer maxItems) {
        this(
                key,
                kind,
                localized,
                requiredToPublish,
                maxLength,
                pattern,
                referenceTypes,
                componentType,
                maxItems,
                null);
    }
}

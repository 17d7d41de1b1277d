package dev.hashi.content.type;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

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
        @Positive Integer maxItems) {

    public FieldDefinition {
        referenceTypes = referenceTypes == null ? List.of() : List.copyOf(referenceTypes);
    }
}

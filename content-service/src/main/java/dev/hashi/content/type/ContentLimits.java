package dev.hashi.content.type;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What one entry may hold, under {@code cms.content.limits}, so that no write produces a document or an event far
 * beyond its usual size. Violations are {@code request.invalid} naming the path.
 *
 * @param maxItems        items per component list or reference list unless its field names a lower {@code maxItems}
 *                        (default 200)
 * @param hardMaxItems    the largest {@code maxItems} a field definition may name (default 1000)
 * @param maxTextLength   code points per text value, whatever the field's {@code maxLength} (default 100,000)
 * @param maxPatternLength characters of a field's {@code pattern} (default 500)
 * @param maxDepth        component lists inside component lists, counting the entry's own lists as 1 (default 4)
 * @param maxValues       values (every locale's) per entry (default 2000)
 * @param maxEntryText    code points of all text values of an entry together (default 500,000)
 */
@ConfigurationProperties("cms.content.limits")
public record ContentLimits(
        @DefaultValue("200") int maxItems,
        @DefaultValue("1000") int hardMaxItems,
        @DefaultValue("100000") int maxTextLength,
        @DefaultValue("500") int maxPatternLength,
        @DefaultValue("4") int maxDepth,
        @DefaultValue("2000") int maxValues,
        @DefaultValue("500000") int maxEntryText) {

    /** The defaults, for code outside a Spring context. */
    public static final ContentLimits DEFAULTS = new ContentLimits(200, 1000, 100_000, 500, 4, 2000, 500_000);

    /** The item cap of a component list or reference list field. */
    public int itemsOf(FieldDefinition field) {
        return field.maxItems() == null ? maxItems : Math.min(field.maxItems(), hardMaxItems);
    }

    /** The longest value of a text field. */
    public int lengthOf(FieldDefinition field) {
        return field.maxLength() == null ? maxTextLength : Math.min(field.maxLength(), maxTextLength);
    }
}

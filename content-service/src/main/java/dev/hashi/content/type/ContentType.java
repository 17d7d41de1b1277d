package dev.hashi.content.type;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A content type as stored.
 *
 * @param key        stable key, e.g. {@code presentation}
 * @param component  component types only exist as items of another entry's component list
 * @param titleField the text field that titles an entry (slugs and lists use it); may be {@code null}
 * @param version    increases with every change
 */
public record ContentType(
        String key,
        String name,
        boolean component,
        String titleField,
        List<FieldDefinition> fields,
        long version,
        Instant updatedAt,
        String updatedBy) {

    public Optional<FieldDefinition> field(String fieldKey) {
        return fields.stream().filter(f -> f.key().equals(fieldKey)).findFirst();
    }
}

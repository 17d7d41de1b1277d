package dev.hashi.content.type;

import java.time.Instant;
import java.util.List;

/**
 * A content type as the API shows it.
 *
 * @param type           the type's key
 * @param localizedPaths paths of its localized fields, list items written as {@code list[*]}
 * @param version        the type's version (its ETag)
 */
record ContentTypeView(
        String type,
        String name,
        boolean component,
        String titleField,
        List<FieldDefinition> fields,
        List<String> localizedPaths,
        long version,
        Instant updatedAt,
        String updatedBy) {

    static ContentTypeView of(ContentType type, TypeCatalog catalog) {
        return new ContentTypeView(
                type.key(),
                type.name(),
                type.component(),
                type.titleField(),
                type.fields(),
                catalog.localizedPaths(type),
                type.version(),
                type.updatedAt(),
                type.updatedBy());
    }
}

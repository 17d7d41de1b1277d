package dev.hashi.content.type;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A content type as the API shows it.
 *
 * @param type           the type's key
 * @param localizedPaths paths of its localized fields, list items written as {@code list[*]}
 * @param version        the type's version (its ETag)
 * @param publishPolicy  per locale tag or {@code *}: {@code manual} or {@code auto}
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
        String updatedBy,
        Map<String, String> publishPolicy) {

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
                type.updatedBy(),
                type.publishPolicy());
    }
}

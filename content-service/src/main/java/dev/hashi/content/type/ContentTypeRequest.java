package dev.hashi.content.type;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * A content type's definition as an admin sends it.
 *
 * @param publishPolicy per locale tag or {@code *}: {@code manual} or {@code auto}; see {@link ContentType}
 */
public record ContentTypeRequest(
        @NotBlank @Size(max = 200) String name,
        boolean component,
        String titleField,
        @NotEmpty @Size(max = 100) List<@Valid FieldDefinition> fields,
        @Size(max = 50) Map<String, String> publishPolicy) {

    public ContentTypeRequest {
        publishPolicy = publishPolicy == null ? Map.of() : Map.copyOf(publishPolicy);
    }

    /** A definition that leaves publishing to editors. */
    public ContentTypeRequest(String name, boolean component, String titleField, List<FieldDefinition> fields) {
        this(name, component, titleField, fields, Map.of());
    }
}

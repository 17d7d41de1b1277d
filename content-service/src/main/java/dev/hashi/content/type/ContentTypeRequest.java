package dev.hashi.content.type;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** A content type's definition as an admin sends it. */
public record ContentTypeRequest(
        @NotBlank @Size(max = 200) String name,
        boolean component,
        String titleField,
        @NotEmpty @Size(max = 100) List<@Valid FieldDefinition> fields) {}

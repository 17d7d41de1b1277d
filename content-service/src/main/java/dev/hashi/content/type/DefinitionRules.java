package dev.hashi.content.type;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.springframework.http.HttpStatus;

import dev.hashi.service.web.ApiProblem;

/** What makes a type definition valid beyond the shape of its request. */
final class DefinitionRules {

    static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    private DefinitionRules() {}

    static void check(String key, ContentTypeRequest request, TypeCatalog catalog) {
        if (!KEY.matcher(key).matches()) {
            throw invalid("type.key-invalid", "Type keys are lower-case letters, digits and hyphens.", key);
        }
        Set<String> seen = new HashSet<>();
        for (FieldDefinition field : request.fields()) {
            if (!seen.add(field.key())) {
                throw invalid("type.field-duplicate", "Field '" + field.key() + "' is defined twice.", field.key());
            }
            checkField(key, field, catalog);
        }
        if (request.titleField() != null) {
            FieldDefinition title = request.fields().stream()
                    .filter(f -> f.key().equals(request.titleField()))
                    .findFirst()
                    .orElseThrow(() -> invalid(
                            "type.title-field-unknown",
                            "The title field must be one of the type's fields.",
                            request.titleField()));
            if (!title.kind().isText()) {
                throw invalid("type.title-field-kind", "The title field must be a text field.", request.titleField());
            }
        }
    }

    private static void checkField(String typeKey, FieldDefinition field, TypeCatalog catalog) {
        if (field.localized() && !field.kind().isText()) {
            throw invalid(
                    "type.field-not-localizable", "Only text and rich text fields can be localized.", field.key());
        }
        if ((field.maxLength() != null || field.pattern() != null)
                && !field.kind().isText()) {
            throw invalid("type.field-validation", "maxLength and pattern apply to text fields only.", field.key());
        }
        if (field.pattern() != null) {
            try {
                Pattern.compile(field.pattern());
            } catch (PatternSyntaxException e) {
                throw invalid(
                        "type.field-pattern", "The pattern does not compile: " + e.getDescription(), field.pattern());
            }
        }
        if (field.kind() == FieldKind.REFERENCE) {
            if (field.referenceTypes().isEmpty()) {
                throw invalid(
                        "type.reference-types", "A reference field names the types it may point to.", field.key());
            }
            for (String target : field.referenceTypes()) {
                if (catalog.find(target).filter(t -> !t.component()).isEmpty() && !target.equals(typeKey)) {
                    throw invalid("type.reference-type-unknown", "Referenced type is unknown or a component.", target);
                }
            }
        }
        if (field.kind() == FieldKind.COMPONENTS) {
            String component = field.componentType();
            if (component == null
                    || catalog.find(component).filter(ContentType::component).isEmpty()) {
                throw invalid(
                        "type.component-type-unknown",
                        "A component list names an existing component type.",
                        String.valueOf(component));
            }
        } else if (field.componentType() != null) {
            throw invalid("type.field-validation", "Only component lists have a component type.", field.key());
        }
    }

    private static ApiProblem invalid(String code, String detail, String value) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, code, detail).with("value", value);
    }
}

package dev.hashi.content.type;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.hashi.service.error.FieldError;
import dev.hashi.service.error.InvalidInputException;

/**
 * What makes a type definition valid beyond the shape of its request. Every broken rule is one field error
 * ({@code field} = where in the definition, {@code code} = {@code type.*}); all of them are reported at once.
 */
final class DefinitionRules {

    static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    private DefinitionRules() {}

    /** @throws InvalidInputException {@code request.invalid} listing every broken rule */
    static void check(String key, ContentTypeRequest request, TypeCatalog catalog, ContentLimits limits) {
        List<FieldError> errors = new ArrayList<>();
        if (!KEY.matcher(key).matches()) {
            errors.add(error("key", "type.key-invalid", "Type keys are lower-case letters, digits and hyphens.", key));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.fields().size(); i++) {
            FieldDefinition field = request.fields().get(i);
            String at = "fields[" + i + "]";
            if (!seen.add(field.key())) {
                errors.add(error(
                        at + ".key",
                        "type.field-duplicate",
                        "Field '" + field.key() + "' is defined twice.",
                        field.key()));
            }
            checkField(key, at, field, catalog, limits, errors);
        }
        if (request.titleField() != null) {
            request.fields().stream()
                    .filter(f -> f.key().equals(request.titleField()))
                    .findFirst()
                    .ifPresentOrElse(
                            title -> {
                                if (!title.kind().isText()) {
                                    errors.add(error(
                                            "titleField",
                                            "type.title-field-kind",
                                            "The title field must be a text field.",
                                            request.titleField()));
                                }
                            },
                            () -> errors.add(error(
                                    "titleField",
                                    "type.title-field-unknown",
                                    "The title field must be one of the type's fields.",
                                    request.titleField())));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static void checkField(
            String typeKey,
            String at,
            FieldDefinition field,
            TypeCatalog catalog,
            ContentLimits limits,
            List<FieldError> errors) {
        if (field.localized() && !field.kind().isText()) {
            errors.add(error(
                    at + ".localized",
                    "type.field-not-localizable",
                    "Only text and rich text fields can be localized.",
                    field.key()));
        }
        if ((field.maxLength() != null || field.pattern() != null)
                && !field.kind().isText()) {
            errors.add(error(
                    at + ".kind",
                    "type.field-validation",
                    "maxLength and pattern apply to text fields only.",
                    field.key()));
        }
        if (field.pattern() != null) {
            try {
                Pattern.compile(field.pattern());
            } catch (PatternSyntaxException e) {
                errors.add(error(
                        at + ".pattern",
                        "type.field-pattern",
                        "The pattern does not compile: " + e.getDescription(),
                        field.pattern()));
            }
        }
        if (field.kind() == FieldKind.REFERENCE) {
            if (field.referenceTypes().isEmpty()) {
                errors.add(error(
                        at + ".referenceTypes",
                        "type.reference-types",
                        "A reference field names the types it may point to.",
                        field.key()));
            }
            for (String target : field.referenceTypes()) {
                if (catalog.find(target).filter(t -> !t.component()).isEmpty() && !target.equals(typeKey)) {
                    errors.add(error(
                            at + ".referenceTypes",
                            "type.reference-type-unknown",
                            "Referenced type is unknown or a component.",
                            target));
                }
            }
        }
        if (field.maxItems() != null) {
            if (field.kind() != FieldKind.COMPONENTS) {
                errors.add(error(
                        at + ".maxItems", "type.field-validation", "Only component lists have maxItems.", field.key()));
            } else if (field.maxItems() > limits.hardMaxItems()) {
                errors.add(error(
                        at + ".maxItems",
                        "type.field-max-items",
                        "A list may have at most " + limits.hardMaxItems() + " items.",
                        field.maxItems()));
            }
        }
        if (field.kind() == FieldKind.COMPONENTS) {
            String component = field.componentType();
            if (component == null
                    || catalog.find(component).filter(ContentType::component).isEmpty()) {
                errors.add(error(
                        at + ".componentType",
                        "type.component-type-unknown",
                        "A component list names an existing component type.",
                        component));
            }
        } else if (field.componentType() != null) {
            errors.add(error(
                    at + ".componentType",
                    "type.field-validation",
                    "Only component lists have a component type.",
                    field.key()));
        }
    }

    private static FieldError error(String field, String code, String message, Object value) {
        return new FieldError(field, code, message, value);
    }
}

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

    private static final java.util.regex.Pattern POLICY_LOCALE =
            java.util.regex.Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");

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
        checkComponents(key, request, catalog, limits, errors);
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
        request.publishPolicy().forEach((locale, policy) -> {
            if (!locale.equals("*") && !POLICY_LOCALE.matcher(locale).matches()) {
                errors.add(error(
                        "publishPolicy",
                        "type.publish-policy-locale",
                        "Publish policies are keyed by a locale tag or *.",
                        locale));
            }
            if (!ContentType.MANUAL.equals(policy) && !ContentType.AUTO.equals(policy)) {
                errors.add(error(
                        "publishPolicy." + locale,
                        "type.publish-policy-invalid",
                        "A publish policy is manual or auto.",
                        policy));
            }
        });
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
            checkPattern(at, field.pattern(), limits, errors);
        }
        if (field.kind().refersToEntries()) {
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
            if (field.kind() != FieldKind.COMPONENTS && !field.kind().isList()) {
                errors.add(error(
                        at + ".maxItems",
                        "type.field-validation",
                        "Only component and reference lists have maxItems.",
                        field.key()));
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

    private static void checkPattern(String at, String pattern, ContentLimits limits, List<FieldError> errors) {
        if (pattern.length() > limits.maxPatternLength()) {
            errors.add(error(
                    at + ".pattern",
                    "type.field-pattern",
                    "The pattern has " + pattern.length() + " characters; at most " + limits.maxPatternLength()
                            + " are allowed.",
                    null));
            return;
        }
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            errors.add(error(
                    at + ".pattern",
                    "type.field-pattern",
                    "The pattern does not compile: " + e.getDescription(),
                    pattern));
            return;
        }
        if (FieldPatterns.hasNestedRepetition(pattern)) {
            errors.add(error(
                    at + ".pattern",
                    "type.field-pattern-nested",
                    "The pattern repeats a group that itself repeats without bound (like (a+)+), which can take"
                            + " practically forever to match; write it without the nesting.",
                    pattern));
        }
    }

    /**
     * Component lists may not contain themselves, directly or through other component types, and may nest at most
     * {@link ContentLimits#maxDepth()} levels, counting the levels above the defined type in types that use it.
     */
    private static void checkComponents(
            String key,
            ContentTypeRequest request,
            TypeCatalog catalog,
            ContentLimits limits,
            List<FieldError> errors) {
        TypeCatalog next = catalog.with(new ContentType(
                key, request.name(), request.component(), request.titleField(), request.fields(), 0, null, null));
        int above = levelsAbove(key, next, new HashSet<>());
        for (int i = 0; i < request.fields().size(); i++) {
            FieldDefinition field = request.fields().get(i);
            if (field.kind() != FieldKind.COMPONENTS || field.componentType() == null) {
                continue;
            }
            if (field.componentType().equals(key) || reaches(field.componentType(), key, next, new HashSet<>())) {
                errors.add(error(
                        "fields[" + i + "].componentType",
                        "type.component-cycle",
                        "Component type '" + field.componentType() + "' contains '" + key
                                + "' again; component lists cannot contain themselves.",
                        field.componentType()));
            } else if (above + 1 + levelsBelow(field.componentType(), next, new HashSet<>()) > limits.maxDepth()) {
                errors.add(error(
                        "fields[" + i + "].componentType",
                        "type.component-depth",
                        "Component lists would nest more than " + limits.maxDepth() + " levels deep.",
                        field.componentType()));
            }
        }
    }

    /** Whether type {@code from}'s component lists lead to {@code target}. */
    private static boolean reaches(String from, String target, TypeCatalog catalog, Set<String> seen) {
        if (!seen.add(from)) {
            return false;
        }
        for (String child : components(from, catalog)) {
            if (child.equals(target) || reaches(child, target, catalog, seen)) {
                return true;
            }
        }
        return false;
    }

    /** The most list levels inside type {@code key} (0 without lists); cycles count once. */
    private static int levelsBelow(String key, TypeCatalog catalog, Set<String> path) {
        if (!path.add(key)) {
            return 0;
        }
        int deepest = 0;
        for (String child : components(key, catalog)) {
            deepest = Math.max(deepest, 1 + levelsBelow(child, catalog, path));
        }
        path.remove(key);
        return deepest;
    }

    /** The most list levels above type {@code key} in the types that contain it (0 when none does). */
    private static int levelsAbove(String key, TypeCatalog catalog, Set<String> path) {
        if (!path.add(key)) {
            return 0;
        }
        int highest = 0;
        for (ContentType type : catalog.all()) {
            if (components(type.key(), catalog).contains(key)) {
                highest = Math.max(highest, 1 + levelsAbove(type.key(), catalog, path));
            }
        }
        path.remove(key);
        return highest;
    }

    private static List<String> components(String key, TypeCatalog catalog) {
        return catalog.find(key)
                .map(t -> t.fields().stream()
                        .filter(f -> f.kind() == FieldKind.COMPONENTS && f.componentType() != null)
                        .map(FieldDefinition::componentType)
                        .toList())
                .orElse(List.of());
    }

    private static FieldError error(String field, String code, String message, Object value) {
        return new FieldError(field, code, message, value);
    }
}

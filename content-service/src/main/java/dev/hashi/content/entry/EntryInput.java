package dev.hashi.content.entry;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;

import dev.hashi.content.type.ContentType;
import dev.hashi.content.type.FieldDefinition;
import dev.hashi.content.type.FieldKind;
import dev.hashi.content.type.TypeCatalog;
import dev.hashi.locale.Texts;
import dev.hashi.service.web.ApiProblem;

import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of a write request into a draft, checking each against its definition. Localized values are
 * written in the request's locale; {@code null} removes a value; a component list given as an array sets the list's
 * items in that order (items named by {@code id} keep their values, items without one are new).
 */
final class EntryInput {

    static final Pattern ASSET_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final Pattern ENTRY_ID = Pattern.compile("e-[a-z0-9]{1,40}");

    private final TypeCatalog catalog;
    private final String locale;
    private final ContentDraft draft;
    private final List<Reference> references = new ArrayList<>();

    /** A reference value to check against the stored entries. */
    record Reference(String path, String entryId, List<String> allowedTypes) {}

    EntryInput(TypeCatalog catalog, String locale, ContentDraft draft) {
        this.catalog = catalog;
        this.locale = locale;
        this.draft = draft;
    }

    List<Reference> references() {
        return references;
    }

    void apply(ContentType type, String prefix, Map<String, JsonNode> fields, int depth) {
        for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
            String path = Paths.child(prefix, field.getKey());
            FieldDefinition definition = type.field(field.getKey())
                    .orElseThrow(() -> problem(
                            HttpStatus.BAD_REQUEST,
                            "entry.field-unknown",
                            "Type '" + type.key() + "' has no field '" + field.getKey() + "'.",
                            path));
            JsonNode node = field.getValue();
            String valueLocale = definition.localized() ? locale : null;
            if (node == null || node.isNull()) {
                if (definition.kind() == FieldKind.COMPONENTS) {
                    draft.removeList(path);
                } else {
                    draft.remove(path, valueLocale);
                }
            } else if (definition.kind() == FieldKind.COMPONENTS) {
                applyList(definition, path, node, depth);
            } else {
                draft.set(path, valueLocale, value(definition, path, node));
            }
        }
    }

    private void applyList(FieldDefinition definition, String path, JsonNode node, int depth) {
        if (!node.isArray() || depth > 8) {
            throw wrongKind(path, definition, node);
        }
        ContentType component = catalog.componentOf(definition);
        List<String> existing = draft.items(path);
        List<String> order = new ArrayList<>();
        for (JsonNode item : node.values()) {
            if (!item.isObject()) {
                throw wrongKind(path, definition, item);
            }
            JsonNode idNode = item.get("id");
            String id;
            if (idNode == null || idNode.isNull()) {
                id = draft.newItemId(definition.key());
            } else if (idNode.isString()
                    && existing.contains(idNode.stringValue())
                    && !order.contains(idNode.stringValue())) {
                id = idNode.stringValue();
            } else {
                throw problem(
                        HttpStatus.BAD_REQUEST,
                        "entry.item-unknown",
                        "List '" + path + "' has no item with this id (or it is given twice).",
                        String.valueOf(idNode));
            }
            order.add(id);
            Map<String, JsonNode> itemFields = new java.util.LinkedHashMap<>();
            item.properties().forEach(e -> {
                if (!e.getKey().equals("id")) {
                    itemFields.put(e.getKey(), e.getValue());
                }
            });
            apply(component, Paths.item(path, id), itemFields, depth + 1);
        }
        draft.setItems(path, order);
    }

    private Object value(FieldDefinition definition, String path, JsonNode node) {
        return switch (definition.kind()) {
            case TEXT, RICHTEXT -> text(definition, path, node);
            case DATE -> {
                if (!node.isString()) {
                    throw wrongKind(path, definition, node);
                }
                try {
                    yield LocalDate.parse(node.stringValue()).toString();
                } catch (DateTimeParseException e) {
                    throw wrongKind(path, definition, node);
                }
            }
            case NUMBER -> {
                if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
                    throw wrongKind(path, definition, node);
                }
                yield node.doubleValue();
            }
            case BOOLEAN -> {
                if (!node.isBoolean()) {
                    throw wrongKind(path, definition, node);
                }
                yield node.booleanValue();
            }
            case REFERENCE -> {
                if (!node.isString() || !ENTRY_ID.matcher(node.stringValue()).matches()) {
                    throw wrongKind(path, definition, node);
                }
                references.add(new Reference(path, node.stringValue(), definition.referenceTypes()));
                yield node.stringValue();
            }
            case MEDIA -> {
                if (!node.isString() || !ASSET_ID.matcher(node.stringValue()).matches()) {
                    throw wrongKind(path, definition, node);
                }
                yield node.stringValue();
            }
            case COMPONENTS -> throw wrongKind(path, definition, node);
        };
    }

    private static String text(FieldDefinition definition, String path, JsonNode node) {
        if (!node.isString()) {
            throw wrongKind(path, definition, node);
        }
        String text = Texts.nfc(node.stringValue());
        int length = text.codePointCount(0, text.length());
        if (definition.maxLength() != null && length > definition.maxLength()) {
            throw problem(
                            HttpStatus.BAD_REQUEST,
                            "entry.value-too-long",
                            "'" + path + "' is longer than " + definition.maxLength() + " characters.",
                            path)
                    .with("maxLength", definition.maxLength())
                    .with("length", length);
        }
        if (definition.pattern() != null
                && !Pattern.compile(definition.pattern()).matcher(text).matches()) {
            throw problem(
                            HttpStatus.BAD_REQUEST,
                            "entry.value-pattern",
                            "'" + path + "' does not match " + definition.pattern() + ".",
                            path)
                    .with("value", text);
        }
        return text;
    }

    private static ApiProblem wrongKind(String path, FieldDefinition definition, JsonNode node) {
        return problem(
                        HttpStatus.BAD_REQUEST,
                        "entry.field-kind",
                        "'" + path + "' takes a " + definition.kind().wireName() + " value.",
                        path)
                .with("expected", definition.kind().wireName())
                .with("value", String.valueOf(node));
    }

    static ApiProblem problem(HttpStatus status, String code, String detail, String path) {
        return new ApiProblem(status, code, detail).with("path", path);
    }
}

package dev.hashi.content.entry;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.hashi.content.type.ContentLimits;
import dev.hashi.content.type.ContentType;
import dev.hashi.content.type.FieldDefinition;
import dev.hashi.content.type.FieldKind;
import dev.hashi.content.type.FieldPatterns;
import dev.hashi.content.type.TypeCatalog;
import dev.hashi.locale.Texts;
import dev.hashi.service.error.InvalidInputException;

import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of a write request into a draft, checking each against its definition. Localized values are
 * written in the request's locale; {@code null} removes a value. A component list given as an object changes the
 * items it names by id ({@code {"p-3": {"title": …}}}) and nothing else; given as an array it sets the list's items in
 * that order (items named by {@code id} keep their values, items without one are new), and leaving out an existing
 * item (or {@code null} for a list) is refused as {@code edit.items-dropped} unless lists may be replaced. An invalid
 * value is
 * {@code request.invalid} with a field error whose {@code field} is {@code fields.<path>} and whose code says why
 * ({@code entry.field-unknown}, {@code kind.mismatch}, {@code entry.value-too-long}, {@code entry.value-pattern},
 * {@code entry.item-unknown}).
 */
final class EntryInput {

    static final Pattern ASSET_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final Pattern ENTRY_ID = Pattern.compile("e-[a-z0-9]{1,40}");
    static final String KIND_MISMATCH = "kind.mismatch";

    private final TypeCatalog catalog;
    private final ContentLimits limits;
    private final String locale;
    private final ContentDraft draft;
    private final boolean replaceLists;
    private final List<Reference> references = new ArrayList<>();
    private final List<ItemsDropped.Item> dropped = new ArrayList<>();

    /** A reference value to check against the stored entries. */
    record Reference(String path, String entryId, List<String> allowedTypes) {}

    /**
     * @param locale       the locale localized values are written in
     * @param replaceLists whether a list given as an array may leave out (and so remove) existing items
     */
    EntryInput(TypeCatalog catalog, ContentLimits limits, String locale, ContentDraft draft, boolean replaceLists) {
        this.catalog = catalog;
        this.limits = limits;
        this.locale = locale;
        this.draft = draft;
        this.replaceLists = replaceLists;
    }

    List<Reference> references() {
        return references;
    }

    /**
     * Writes {@code fields} of an entry of {@code type} into the draft.
     *
     * @throws dev.hashi.service.error.ConflictException {@code edit.items-dropped} when a list given as an array leaves
     *     out existing items and the input does not replace lists
     */
    void apply(ContentType type, Map<String, JsonNode> fields) {
        apply(type, "", fields, 0);
        if (!dropped.isEmpty()) {
            throw ItemsDropped.of(dropped);
        }
    }

    private void apply(ContentType type, String prefix, Map<String, JsonNode> fields, int depth) {
        for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
            String path = Paths.child(prefix, field.getKey());
            FieldDefinition definition = type.field(field.getKey())
                    .orElseThrow(() -> invalid(
                            path,
                            "entry.field-unknown",
                            "Type '" + type.key() + "' has no field '" + field.getKey() + "'.",
                            null));
            write(definition, path, field.getValue(), depth);
        }
    }

    /**
     * Writes one field's value at {@code path} ({@code null} removes it; lists as in {@link #apply}); {@code depth} is
     * how many component lists enclose it.
     */
    void write(FieldDefinition definition, String path, JsonNode node, int depth) {
        String valueLocale = definition.localized() ? locale : null;
        if (node == null || node.isNull()) {
            if (definition.kind() == FieldKind.COMPONENTS) {
                dropAll(path);
            } else {
                draft.remove(path, valueLocale);
            }
        } else if (definition.kind() == FieldKind.COMPONENTS) {
            if (node.isObject()) {
                mergeItems(definition, path, node, depth);
            } else {
                applyList(definition, path, node, depth);
            }
        } else if (definition.kind().isList()) {
            List<String> ids = ids(definition, path, node);
            if (ids.isEmpty()) {
                draft.remove(path, null);
            } else {
                draft.set(path, null, ids);
            }
        } else {
            draft.set(path, valueLocale, value(definition, path, node));
        }
    }

    /** Adds a new, empty item to the list at {@code path}, before item {@code beforeId} or last; returns its id. */
    String addItem(FieldDefinition definition, String path, String beforeId, int depth) {
        checkDepth(path, depth);
        List<String> order = new ArrayList<>(draft.items(path));
        int cap = limits.itemsOf(definition);
        if (order.size() + 1 > cap) {
            throw invalid(
                    path,
                    "entry.items-too-many",
                    "List '" + path + "' would have " + (order.size() + 1) + " items; at most " + cap + " are allowed.",
                    order.size() + 1);
        }
        String id = draft.newItemId(definition.key());
        int at = beforeId == null ? order.size() : order.indexOf(beforeId);
        order.add(at, id);
        draft.setItems(path, order);
        return id;
    }

    /** Changes the items an object names by id; the list's items and their order stay as they are. */
    private void mergeItems(FieldDefinition definition, String path, JsonNode node, int depth) {
        checkDepth(path, depth);
        ContentType component = catalog.componentOf(definition);
        List<String> existing = draft.items(path);
        for (Map.Entry<String, JsonNode> named : node.properties()) {
            String id = named.getKey();
            if (!existing.contains(id)) {
                throw invalid(path, "entry.item-unknown", "List '" + path + "' has no item with this id.", id);
            }
            if (!named.getValue().isObject()) {
                throw wrongKind(Paths.item(path, id), definition, named.getValue());
            }
            apply(component, Paths.item(path, id), itemFields(named.getValue()), depth + 1);
        }
    }

    private void applyList(FieldDefinition definition, String path, JsonNode node, int depth) {
        if (!node.isArray()) {
            throw wrongKind(path, definition, node);
        }
        checkDepth(path, depth);
        int cap = limits.itemsOf(definition);
        if (node.size() > cap) {
            throw invalid(
                    path,
                    "entry.items-too-many",
                    "List '" + path + "' has " + node.size() + " items; at most " + cap + " are allowed.",
                    node.size());
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
                throw invalid(
                        path,
                        "entry.item-unknown",
                        "List '" + path + "' has no item with this id (or it is given twice).",
                        echo(idNode));
            }
            order.add(id);
            apply(component, Paths.item(path, id), itemFields(item), depth + 1);
        }
        if (!replaceLists) {
            existing.stream()
                    .filter(id -> !order.contains(id))
                    .forEach(id -> dropped.add(new ItemsDropped.Item(id, Paths.item(path, id))));
        }
        draft.setItems(path, order);
    }

    private void dropAll(String path) {
        if (!replaceLists) {
            draft.items(path).forEach(id -> dropped.add(new ItemsDropped.Item(id, Paths.item(path, id))));
        }
        draft.removeList(path);
    }

    private void checkDepth(String path, int depth) {
        if (depth + 1 > limits.maxDepth()) {
            throw invalid(
                    path,
                    "entry.depth-exceeded",
                    "'" + path + "' nests lists more than " + limits.maxDepth() + " levels deep.",
                    null);
        }
    }

    private static Map<String, JsonNode> itemFields(JsonNode item) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        item.properties().forEach(e -> {
            if (!e.getKey().equals("id")) {
                fields.put(e.getKey(), e.getValue());
            }
        });
        return fields;
    }

    /**
     * The ids of a reference or media list, in the given order; an empty array removes the value. Each id must be
     * well-formed and given once ({@code entry.reference-duplicate}); referenced entries are checked later.
     */
    private List<String> ids(FieldDefinition definition, String path, JsonNode node) {
        if (!node.isArray()) {
            throw wrongKind(path, definition, node);
        }
        int cap = limits.itemsOf(definition);
        if (node.size() > cap) {
            throw invalid(
                    path,
                    "entry.items-too-many",
                    "List '" + path + "' has " + node.size() + " items; at most " + cap + " are allowed.",
                    node.size());
        }
        Pattern format = definition.kind() == FieldKind.REFERENCE_LIST ? ENTRY_ID : ASSET_ID;
        List<String> ids = new ArrayList<>();
        for (JsonNode item : node.values()) {
            if (!item.isString() || !format.matcher(item.stringValue()).matches()) {
                throw wrongKind(path, definition, item);
            }
            String id = item.stringValue();
            if (ids.contains(id)) {
                throw invalid(path, "entry.reference-duplicate", "'" + path + "' names " + id + " twice.", id);
            }
            ids.add(id);
            if (definition.kind() == FieldKind.REFERENCE_LIST) {
                references.add(new Reference(path, id, definition.referenceTypes()));
            }
        }
        return List.copyOf(ids);
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
            case COMPONENTS, REFERENCE_LIST, MEDIA_LIST -> throw wrongKind(path, definition, node);
        };
    }

    private String text(FieldDefinition definition, String path, JsonNode node) {
        if (!node.isString()) {
            throw wrongKind(path, definition, node);
        }
        int max = limits.lengthOf(definition);
        String raw = node.stringValue();
        if (raw.length() > 4L * max) {
            throw tooLong(path, raw.codePointCount(0, raw.length()), max);
        }
        String text = Texts.nfc(raw);
        int length = text.codePointCount(0, text.length());
        if (length > max) {
            throw tooLong(path, length, max);
        }
        if (definition.pattern() != null) {
            FieldPatterns.Match match = FieldPatterns.matches(definition.pattern(), text);
            if (match == FieldPatterns.Match.DOES_NOT_MATCH) {
                throw invalid(
                        path,
                        "entry.value-pattern",
                        "'" + path + "' does not match " + definition.pattern() + ".",
                        text);
            }
            if (match == FieldPatterns.Match.TOO_SLOW) {
                throw invalid(
                        path,
                        "entry.value-pattern-slow",
                        "'" + path + "' could not be checked against " + definition.pattern()
                                + " in time; the field's pattern needs fixing by an admin.",
                        null);
            }
        }
        return text;
    }

    private static InvalidInputException tooLong(String path, int length, int max) {
        return invalid(
                path,
                "entry.value-too-long",
                "'" + path + "' has " + length + " characters; at most " + max + " are allowed.",
                null);
    }

    private static InvalidInputException wrongKind(String path, FieldDefinition definition, JsonNode node) {
        return invalid(
                path,
                KIND_MISMATCH,
                "'" + path + "' takes a " + definition.kind().wireName() + " value.",
                echo(node));
    }

    /** A rejected value as the error echoes it: text as it is, anything else as JSON. */
    private static String echo(JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : String.valueOf(node);
    }

    /** The field error of the value at {@code path} of the request's {@code fields}. */
    static InvalidInputException invalid(String path, String code, String message, Object value) {
        return InvalidInputException.field(field(path), code, message, value);
    }

    /** Where the value at {@code path} is in a write request. */
    static String field(String path) {
        return "fields." + path;
    }
}

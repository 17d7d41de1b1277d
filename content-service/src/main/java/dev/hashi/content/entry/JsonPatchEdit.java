package dev.hashi.content.entry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.hashi.content.common.Locales;
import dev.hashi.content.type.ContentLimits;
import dev.hashi.content.type.ContentType;
import dev.hashi.content.type.FieldDefinition;
import dev.hashi.content.type.FieldKind;
import dev.hashi.content.type.TypeCatalog;
import dev.hashi.service.error.ConflictException;
import dev.hashi.service.error.FieldError;
import dev.hashi.service.error.InvalidInputException;

import tools.jackson.databind.JsonNode;

/**
 * An edit as a JSON Patch (RFC 6902, {@code application/json-patch+json}) over the entry seen as
 * {@code {"fields": {…}}}, where list items are addressed by their id instead of an index (grammar in
 * {@link PatchPath}). {@code add}, {@code replace}, {@code remove} and {@code test} work on values ({@code test}
 * compares the stored value); {@code add} on a list item path ({@code …/presentations/-} or before an item id) adds an
 * item from an object whose localized fields are objects by locale; {@code remove} of an item removes it with
 * everything inside; {@code move} reorders an item within its list. The operations apply in order, all or nothing: an
 * invalid one is {@code request.invalid} with a field error at {@code patch[i].op|path|from|value}, a failed
 * {@code test} is {@code 409 patch.test-failed} naming {@code operation} and {@code path}.
 */
final class JsonPatchEdit implements ContentEdit {

    /** The media type of a JSON Patch. */
    static final String MEDIA_TYPE = "application/json-patch+json";

    static final int MAX_OPERATIONS = 500;

    private final List<JsonNode> operations;
    private final Locales locales;
    private final ContentLimits limits;

    private JsonPatchEdit(List<JsonNode> operations, Locales locales, ContentLimits limits) {
        this.operations = operations;
        this.locales = locales;
        this.limits = limits;
    }

    /** Reads a patch document: a non-empty array of operation objects. */
    static JsonPatchEdit parse(JsonNode body, Locales locales, ContentLimits limits) {
        if (body == null || !body.isArray() || body.isEmpty() || body.size() > MAX_OPERATIONS) {
            throw InvalidInputException.field(
                    "patch",
                    "patch.malformed",
                    "A JSON Patch is an array of 1 to " + MAX_OPERATIONS + " operation objects.",
                    null);
        }
        List<JsonNode> operations = new ArrayList<>();
        body.values().forEach(operations::add);
        return new JsonPatchEdit(operations, locales, limits);
    }

    @Override
    public String locale() {
        return null;
    }

    @Override
    public String slug() {
        return null;
    }

    @Override
    public boolean minor() {
        return false;
    }

    @Override
    public Applied apply(ContentDraft draft, ContentType type, TypeCatalog catalog) {
        Map<String, EntryInput> inputs = new HashMap<>();
        Set<String> tested = new LinkedHashSet<>();
        for (int i = 0; i < operations.size(); i++) {
            new Step(i, operations.get(i), draft, type, catalog, inputs, tested).run();
        }
        List<EntryInput.Reference> references = new ArrayList<>();
        inputs.values().forEach(input -> references.addAll(input.references()));
        return new Applied(references, tested);
    }

    /** One operation applied to the draft. */
    private final class Step {

        private final int index;
        private final JsonNode operation;
        private final ContentDraft draft;
        private final ContentType type;
        private final TypeCatalog catalog;
        private final Map<String, EntryInput> inputs;
        private final Set<String> tested;

        Step(
                int index,
                JsonNode operation,
                ContentDraft draft,
                ContentType type,
                TypeCatalog catalog,
                Map<String, EntryInput> inputs,
                Set<String> tested) {
            this.index = index;
            this.operation = operation;
            this.draft = draft;
            this.type = type;
            this.catalog = catalog;
            this.inputs = inputs;
            this.tested = tested;
        }

        void run() {
            if (!operation.isObject()) {
                throw invalid("", "patch.malformed", "Each operation is an object with 'op' and 'path'.", null);
            }
            String op = text("op");
            String pointer = text("path");
            PatchPath.Target target = resolve("path", pointer);
            try {
                switch (op) {
                    case "add" -> add(target);
                    case "replace" -> replace(target, pointer);
                    case "remove" -> remove(target, pointer);
                    case "move" -> move(target, pointer);
                    case "test" -> test(target, pointer);
                    default ->
                        throw invalid(
                                "op", "patch.op-unknown", "Operations are add, replace, remove, move and test.", op);
                }
            } catch (InvalidInputException refused) {
                if (refused.errors().get(0).field().startsWith("patch[")) {
                    throw refused;
                }
                throw new InvalidInputException(refused.errors().stream()
                        .map(e -> new FieldError(field("value"), e.code(), e.message(), e.value()))
                        .toList());
            }
        }

        private void add(PatchPath.Target target) {
            JsonNode value = value();
            if (target instanceof PatchPath.Value leaf) {
                input(leaf.locale()).write(leaf.definition(), leaf.path(), value, leaf.depth());
            } else if (target instanceof PatchPath.Item item) {
                if (!value.isObject()) {
                    throw invalid("value", EntryInput.KIND_MISMATCH, "A new list item is an object of fields.", null);
                }
                String id = input(null).addItem(item.list(), item.listPath(), item.itemId(), item.depth());
                writeItem(catalog.componentOf(item.list()), Paths.item(item.listPath(), id), value, item.depth() + 1);
            } else {
                throw unsupported();
            }
        }

        private void replace(PatchPath.Target target, String pointer) {
            PatchPath.Value leaf = existingValue(target, pointer);
            input(leaf.locale()).write(leaf.definition(), leaf.path(), value(), leaf.depth());
        }

        private void remove(PatchPath.Target target, String pointer) {
            if (target instanceof PatchPath.Item item && item.itemId() != null) {
                List<String> order = new ArrayList<>(draft.items(item.listPath()));
                order.remove(item.itemId());
                draft.setItems(item.listPath(), order);
                return;
            }
            PatchPath.Value leaf = existingValue(target, pointer);
            draft.remove(leaf.path(), leaf.locale());
        }

        private void move(PatchPath.Target target, String pointer) {
            String fromPointer = text("from");
            PatchPath.Target from = resolve("from", fromPointer);
            if (!(from instanceof PatchPath.Item source)
                    || source.itemId() == null
                    || !(target instanceof PatchPath.Item destination)) {
                throw unsupported();
            }
            if (!source.listPath().equals(destination.listPath())) {
                throw invalid(
                        "from", "patch.move-across-lists", "An item moves only within its own list.", fromPointer);
            }
            List<String> order = new ArrayList<>(draft.items(source.listPath()));
            if (source.itemId().equals(destination.itemId())) {
                return;
            }
            order.remove(source.itemId());
            int at = destination.itemId() == null ? order.size() : order.indexOf(destination.itemId());
            order.add(at, source.itemId());
            draft.setItems(source.listPath(), order);
        }

        private void test(PatchPath.Target target, String pointer) {
            if (!(target instanceof PatchPath.Value leaf)) {
                throw unsupported();
            }
            tested.add(FieldValue.key(leaf.path(), leaf.locale()));
            FieldValue stored = draft.values().get(FieldValue.key(leaf.path(), leaf.locale()));
            if (!PatchPath.sameValue(stored == null ? null : stored.value(), value())) {
                ConflictException failed = new ConflictException(
                        "patch.test-failed", "Operation " + index + " tests a value that is not there.");
                failed.with("operation", index);
                failed.with("path", pointer);
                throw failed;
            }
        }

        /** A new item's fields: localized ones as objects by locale, lists as arrays of new items. */
        private void writeItem(ContentType component, String itemPath, JsonNode item, int depth) {
            for (Map.Entry<String, JsonNode> field : item.properties()) {
                String path = Paths.child(itemPath, field.getKey());
                FieldDefinition definition = component
                        .field(field.getKey())
                        .orElseThrow(() -> invalid(
                                "value",
                                "entry.field-unknown",
                                "Type '" + component.key() + "' has no field '" + field.getKey() + "'.",
                                field.getKey()));
                JsonNode value = field.getValue();
                if (definition.kind() == FieldKind.COMPONENTS) {
                    if (!value.isArray()) {
                        throw invalid(
                                "value", EntryInput.KIND_MISMATCH, "'" + path + "' takes an array of items.", null);
                    }
                    for (JsonNode child : value.values()) {
                        if (!child.isObject()) {
                            throw invalid("value", EntryInput.KIND_MISMATCH, "A list item is an object.", null);
                        }
                        String id = input(null).addItem(definition, path, null, depth);
                        writeItem(catalog.componentOf(definition), Paths.item(path, id), child, depth + 1);
                    }
                } else if (definition.localized()) {
                    if (!value.isObject()) {
                        throw invalid(
                                "value",
                                EntryInput.KIND_MISMATCH,
                                "'" + path + "' is localized: give its values as an object by locale.",
                                null);
                    }
                    for (Map.Entry<String, JsonNode> byLocale : value.properties()) {
                        String locale = locales.require(field("value"), byLocale.getKey());
                        input(locale).write(definition, path, byLocale.getValue(), depth);
                    }
                } else {
                    input(null).write(definition, path, value, depth);
                }
            }
        }

        private PatchPath.Value existingValue(PatchPath.Target target, String pointer) {
            if (!(target instanceof PatchPath.Value leaf)) {
                throw unsupported();
            }
            if (!draft.values().containsKey(FieldValue.key(leaf.path(), leaf.locale()))) {
                throw invalid("path", "patch.target-missing", "There is no value at this path.", pointer);
            }
            return leaf;
        }

        private PatchPath.Target resolve(String member, String pointer) {
            return PatchPath.resolve(pointer, type, catalog, draft, locale -> locales.require(field(member), locale))
                    .orElseThrow(() -> invalid(
                            member,
                            "patch.path-unknown",
                            "No field, list item or locale of this entry is at this path.",
                            pointer));
        }

        private EntryInput input(String locale) {
            return inputs.computeIfAbsent(
                    locale == null ? "" : locale, l -> new EntryInput(catalog, limits, locale, draft, true));
        }

        private String text(String member) {
            JsonNode node = operation.get(member);
            if (node == null || !node.isString()) {
                throw invalid(member, "required", "Operation " + index + " needs '" + member + "' as a string.", null);
            }
            return node.stringValue();
        }

        private JsonNode value() {
            JsonNode value = operation.get("value");
            if (value == null || value.isNull()) {
                throw invalid("value", "required", "This operation needs a value (use remove to remove one).", null);
            }
            return value;
        }

        private InvalidInputException unsupported() {
            return invalid(
                    "op",
                    "patch.op-unsupported",
                    "'" + operation.path("op").asString() + "' does not apply to what this path names.",
                    operation.path("path").asString());
        }

        private InvalidInputException invalid(String member, String code, String message, Object value) {
            return InvalidInputException.field(field(member), code, message, value);
        }

        private String field(String member) {
            return member.isEmpty() ? "patch[" + index + "]" : "patch[" + index + "]." + member;
        }
    }
}

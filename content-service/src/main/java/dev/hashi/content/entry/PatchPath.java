package dev.hashi.content.entry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import dev.hashi.content.type.ContentType;
import dev.hashi.content.type.FieldDefinition;
import dev.hashi.content.type.FieldKind;
import dev.hashi.content.type.TypeCatalog;

import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Pointers (RFC 6901) a JSON Patch of an entry uses, with list items named by id, never by index:
 *
 * <pre>
 * /fields/{key}/{locale}                          a localized value, e.g. /fields/title/ja
 * /fields/{key}                                   a value that is not localized (date, number, reference, id lists)
 * /fields/{list}/{itemId}/{key}/{locale}          inside a list item, to any depth:
 *                                                 /fields/sessions/s-3/presentations/p-5/title/ja
 * /fields/{list}/{itemId}                         a list item (remove, move, add before it)
 * /fields/{list}/-                                the end of a list (add, move)
 * </pre>
 */
final class PatchPath {

    private PatchPath() {}

    /** What a pointer names. */
    sealed interface Target permits Value, Item {}

    /**
     * A value: {@code path} as stored, {@code locale} {@code null} when not localized; {@code depth} lists enclose it.
     */
    record Value(FieldDefinition definition, String path, String locale, int depth) implements Target {}

    /** A list item, or the end of the list when {@code itemId} is {@code null}. */
    record Item(FieldDefinition list, String listPath, String itemId, int depth) implements Target {}

    /**
     * Resolves {@code pointer} against the entry's type and the draft's current items.
     *
     * @param locale canonicalises a locale segment, throwing for an unsupported one
     * @return empty when the pointer is malformed or names nothing of the entry
     */
    static Optional<Target> resolve(
            String pointer, ContentType type, TypeCatalog catalog, ContentDraft draft, UnaryOperator<String> locale) {
        List<String> segments = segments(pointer);
        if (segments.size() < 2 || !segments.get(0).equals("fields")) {
            return Optional.empty();
        }
        ContentType current = type;
        String prefix = "";
        int depth = 0;
        for (int i = 1; i < segments.size(); i++) {
            String key = segments.get(i);
            Optional<FieldDefinition> found = current.field(key);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            FieldDefinition definition = found.get();
            String path = Paths.child(prefix, key);
            boolean last = i == segments.size() - 1;
            if (definition.kind() == FieldKind.COMPONENTS) {
                if (last) {
                    return Optional.empty();
                }
                String id = segments.get(++i);
                boolean itemLast = i == segments.size() - 1;
                if (id.equals("-")) {
                    return itemLast ? Optional.of(new Item(definition, path, null, depth)) : Optional.empty();
                }
                if (!draft.items(path).contains(id)) {
                    return Optional.empty();
                }
                if (itemLast) {
                    return Optional.of(new Item(definition, path, id, depth));
                }
                current = catalog.componentOf(definition);
                prefix = Paths.item(path, id);
                depth++;
            } else if (definition.localized()) {
                if (i + 2 != segments.size()) {
                    return Optional.empty();
                }
                return Optional.of(new Value(definition, path, locale.apply(segments.get(i + 1)), depth));
            } else {
                return last ? Optional.of(new Value(definition, path, null, depth)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Whether a stored value ({@code null} for none) equals a JSON value as a {@code test} operation compares. */
    static boolean sameValue(Object stored, JsonNode expected) {
        if (stored == null || expected == null) {
            return stored == null && (expected == null || expected.isNull());
        }
        if (stored instanceof String s) {
            return expected.isString() && s.equals(expected.stringValue());
        }
        if (stored instanceof Number n) {
            return expected.isNumber() && n.doubleValue() == expected.doubleValue();
        }
        if (stored instanceof Boolean b) {
            return expected.isBoolean() && b == expected.booleanValue();
        }
        if (stored instanceof List<?> ids) {
            List<String> given = new ArrayList<>();
            expected.values().forEach(v -> given.add(v.isString() ? v.stringValue() : v.toString()));
            return expected.isArray() && ids.equals(given);
        }
        return false;
    }

    private static List<String> segments(String pointer) {
        List<String> segments = new ArrayList<>();
        JsonPointer at;
        try {
            at = JsonPointer.compile(pointer);
        } catch (IllegalArgumentException malformed) {
            return List.of();
        }
        while (!at.matches()) {
            segments.add(at.getMatchingProperty());
            at = at.tail();
        }
        return segments;
    }
}

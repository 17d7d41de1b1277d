package dev.hashi.content.entry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.hashi.content.type.ContentType;
import dev.hashi.content.type.FieldDefinition;
import dev.hashi.content.type.FieldKind;
import dev.hashi.content.type.TypeCatalog;

/** Walks an entry's fields along its type, expanding component lists by their item ids. */
public final class ContentTree {

    private final TypeCatalog catalog;
    private final Function<String, List<String>> items;

    /** A field that exists at a path (for lists: at every item). */
    public record Leaf(String path, FieldDefinition definition) {}

    /**
     * @param items the item ids of a list path, in order
     */
    public ContentTree(TypeCatalog catalog, Function<String, List<String>> items) {
        this.catalog = catalog;
        this.items = items;
    }

    /** Every non-list field path of an entry of {@code type}. */
    public List<Leaf> leaves(ContentType type) {
        List<Leaf> leaves = new ArrayList<>();
        collect(type, "", leaves, 0);
        return leaves;
    }

    private void collect(ContentType type, String prefix, List<Leaf> leaves, int depth) {
        for (FieldDefinition field : type.fields()) {
            String path = Paths.child(prefix, field.key());
            if (field.kind() != FieldKind.COMPONENTS) {
                leaves.add(new Leaf(path, field));
            } else if (depth < 8) {
                ContentType component = catalog.componentOf(field);
                for (String id : items.apply(path)) {
                    collect(component, Paths.item(path, id), leaves, depth + 1);
                }
            }
        }
    }

    /**
     * The entry as nested JSON-ready maps: each field rendered by {@code leaf} (skipped when it returns
     * {@code null}), each component list as an array of items carrying their {@code id}.
     */
    public Map<String, Object> render(ContentType type, BiFunction<String, FieldDefinition, Object> leaf) {
        return render(type, "", leaf, 0);
    }

    private Map<String, Object> render(
            ContentType type, String prefix, BiFunction<String, FieldDefinition, Object> leaf, int depth) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (FieldDefinition field : type.fields()) {
            String path = Paths.child(prefix, field.key());
            if (field.kind() == FieldKind.COMPONENTS) {
                List<Object> rendered = new ArrayList<>();
                if (depth < 8) {
                    ContentType component = catalog.componentOf(field);
                    for (String id : items.apply(path)) {
                        Map<String, Object> item = new LinkedHashMap<>();
                        item.put("id", id);
                        item.putAll(render(component, Paths.item(path, id), leaf, depth + 1));
                        rendered.add(item);
                    }
                }
                out.put(field.key(), rendered);
            } else {
                Object value = leaf.apply(path, field);
                if (value != null) {
                    out.put(field.key(), value);
                }
            }
        }
        return out;
    }
}

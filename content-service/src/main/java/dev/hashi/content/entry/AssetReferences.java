package dev.hashi.content.entry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.hashi.content.type.ContentType;
import dev.hashi.content.type.FieldDefinition;
import dev.hashi.content.type.TypeCatalog;
import dev.hashi.events.content.ContentEntryReferencesChanged;

/**
 * Which media assets an entry references: every asset its draft names, and every asset one of its published
 * snapshots names. Both sets are sorted and free of duplicates, as {@code content.entry.references-changed} carries
 * them.
 */
public final class AssetReferences {

    private AssetReferences() {}

    /** The ids a reference value holds: one id for a single reference, every id for a list. */
    public static List<String> ids(Object value) {
        if (value instanceof String id) {
            return List.of(id);
        }
        if (value instanceof List<?> list) {
            List<String> ids = new ArrayList<>();
            list.forEach(item -> ids.add(String.valueOf(item)));
            return ids;
        }
        return List.of();
    }

    /** The assets the entry's current content references. */
    static List<String> draft(Entry entry) {
        return List.copyOf(new TreeSet<>(entry.mediaRefs()));
    }

    /** The assets the entry's published locales reference, as delivery serves them. */
    static List<String> published(Entry entry, TypeCatalog catalog) {
        TreeSet<String> ids = new TreeSet<>();
        ContentType type = catalog.find(entry.type()).orElse(null);
        if (type == null) {
            return List.of();
        }
        for (PublishedLocale locale : entry.published().values()) {
            Map<String, List<String>> items = new LinkedHashMap<>();
            locale.lists().forEach(l -> items.put(l.path(), l.items()));
            Map<String, FieldDefinition> definitions = new LinkedHashMap<>();
            new ContentTree(catalog, p -> items.getOrDefault(p, List.of()))
                    .leaves(type)
                    .forEach(leaf -> definitions.put(leaf.path(), leaf.definition()));
            for (PublishedLocale.Resolved value : locale.values()) {
                FieldDefinition definition = definitions.get(value.path());
                if (definition != null && definition.kind().refersToMedia()) {
                    ids.addAll(ids(value.value()));
                }
            }
        }
        return List.copyOf(ids);
    }

    /**
     * The event announcing what {@code after} references, or {@code null} when neither set differs from
     * {@code before}'s.
     */
    static ContentEntryReferencesChanged changed(Entry before, Entry after, TypeCatalog catalog) {
        List<String> draft = draft(after);
        List<String> published = published(after, catalog);
        if (draft.equals(draft(before)) && published.equals(published(before, catalog))) {
            return null;
        }
        return new ContentEntryReferencesChanged(after.id(), after.type(), draft, published);
    }

    /**
     * The event for a deleted entry (it references nothing), or {@code null} when it referenced nothing before
     * either.
     */
    static ContentEntryReferencesChanged deleted(Entry before, TypeCatalog catalog) {
        if (draft(before).isEmpty() && published(before, catalog).isEmpty()) {
            return null;
        }
        return new ContentEntryReferencesChanged(before.id(), before.type(), List.of(), List.of());
    }
}

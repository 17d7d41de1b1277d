package dev.hashi.content.entry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A mutable copy of an entry's content that one request edits. Values written here get their origin on commit. */
final class ContentDraft {

    private final Map<String, FieldValue> values = new LinkedHashMap<>();
    private final Map<String, List<String>> lists = new LinkedHashMap<>();
    private final Set<String> written = new LinkedHashSet<>();
    private int itemSeq;

    ContentDraft(EntryContent content, int itemSeq) {
        content.values().forEach(v -> values.put(v.key(), v));
        content.lists().forEach(l -> lists.put(l.path(), new ArrayList<>(l.items())));
        this.itemSeq = itemSeq;
    }

    void set(String path, String locale, Object value) {
        FieldValue current = values.get(FieldValue.key(path, locale));
        if (current != null && current.value().equals(value)) {
            return;
        }
        FieldValue next = new FieldValue(path, locale, value, null);
        values.put(next.key(), next);
        written.add(next.key());
    }

    void remove(String path, String locale) {
        values.remove(FieldValue.key(path, locale));
        written.remove(FieldValue.key(path, locale));
    }

    List<String> items(String listPath) {
        return lists.getOrDefault(listPath, List.of());
    }

    /** Sets a list's order; items no longer in it are removed with everything inside them. */
    void setItems(String listPath, List<String> ids) {
        for (String old : items(listPath)) {
            if (!ids.contains(old)) {
                removeInside(Paths.item(listPath, old));
            }
        }
        if (ids.isEmpty()) {
            lists.remove(listPath);
        } else {
            lists.put(listPath, new ArrayList<>(ids));
        }
    }

    void removeList(String listPath) {
        setItems(listPath, List.of());
    }

    String newItemId(String listKey) {
        itemSeq++;
        return Character.toLowerCase(listKey.charAt(0)) + "-" + itemSeq;
    }

    int itemSeq() {
        return itemSeq;
    }

    /** Keys of values this draft wrote, in order. */
    Set<String> written() {
        return written;
    }

    Map<String, FieldValue> values() {
        return values;
    }

    EntryContent toContent() {
        List<ItemList> itemLists = new ArrayList<>();
        lists.forEach((path, ids) -> itemLists.add(new ItemList(path, ids)));
        return new EntryContent(itemLists, new ArrayList<>(values.values()));
    }

    private void removeInside(String itemPath) {
        values.values().removeIf(v -> Paths.isInside(v.path(), itemPath));
        written.removeIf(key -> Paths.isInside(key, itemPath));
        lists.keySet().removeIf(path -> Paths.isInside(path, itemPath));
    }
}

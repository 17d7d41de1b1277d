package dev.hashi.content.entry;

import java.util.List;
import java.util.Optional;

/** An entry's values and the item order of its component lists, as one immutable state. */
public record EntryContent(List<ItemList> lists, List<FieldValue> values) {

    public static final EntryContent EMPTY = new EntryContent(List.of(), List.of());

    public EntryContent {
        lists = lists == null ? List.of() : List.copyOf(lists);
        values = values == null ? List.of() : List.copyOf(values);
    }

    public Optional<FieldValue> value(String path, String locale) {
        String key = FieldValue.key(path, locale);
        return values.stream().filter(v -> v.key().equals(key)).findFirst();
    }

    /** Every locale's value of a localized field. */
    public List<FieldValue> valuesAt(String path) {
        return values.stream().filter(v -> v.path().equals(path)).toList();
    }

    /** The source value of a localized field, if any. */
    public Optional<FieldValue> source(String path) {
        return values.stream()
                .filter(v -> v.path().equals(path) && v.isSource())
                .findFirst();
    }

    public List<String> items(String listPath) {
        return lists.stream()
                .filter(l -> l.path().equals(listPath))
                .findFirst()
                .map(ItemList::items)
                .orElse(List.of());
    }
}

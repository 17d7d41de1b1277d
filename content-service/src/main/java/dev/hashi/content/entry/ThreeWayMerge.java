package dev.hashi.content.entry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Field-level three-way merge of entry contents: {@code mine} (an edit applied to {@code base}, the version its author
 * read) on top of {@code theirs} (the stored content, changed since {@code base} by others). Values are compared per
 * (path, locale), lists per list path (their item order). The edit's changes are carried over when none of them was
 * also changed by the others to something else, none lies inside an item the others removed, and the others changed
 * nothing inside an item the edit removed, and no field would end up with two source locales (both sides wrote the
 * first value of a field, in different locales); otherwise the conflicts are listed and nothing is merged.
 */
final class ThreeWayMerge {

    private ThreeWayMerge() {}

    /** A field (path and locale, {@code null} when not localized) or list (locale {@code null}) both sides changed. */
    record Conflict(String path, String locale) {}

    /** The merged content, or the conflicts (then {@code content} is {@code null}). */
    record Result(EntryContent content, List<Conflict> conflicts) {
        boolean merged() {
            return conflicts.isEmpty();
        }
    }

    /**
     * @param tested value keys ({@link FieldValue#key}) the edit only read; a change of one by others is a conflict
     */
    static Result merge(EntryContent base, EntryContent mine, EntryContent theirs, Set<String> tested) {
        Map<String, FieldValue> b = values(base);
        Map<String, FieldValue> m = values(mine);
        Map<String, FieldValue> t = values(theirs);
        Map<String, List<String>> bl = lists(base);
        Map<String, List<String>> ml = lists(mine);
        Map<String, List<String>> tl = lists(theirs);
        Set<String> myValues = changedValues(b, m);
        Set<String> theirValues = changedValues(b, t);
        Set<String> myLists = changedLists(bl, ml);
        Set<String> theirLists = changedLists(bl, tl);

        Set<Conflict> conflicts = new LinkedHashSet<>();
        for (String key : myValues) {
            FieldValue any = m.containsKey(key) ? m.get(key) : b.get(key);
            boolean both = theirValues.contains(key) && !Objects.equals(value(m, key), value(t, key));
            if (both || insideRemoved(any.path(), bl, tl, theirLists)) {
                conflicts.add(new Conflict(any.path(), any.locale()));
            }
        }
        for (String key : tested) {
            if (theirValues.contains(key)) {
                FieldValue any = t.containsKey(key) ? t.get(key) : b.get(key);
                conflicts.add(new Conflict(any.path(), any.locale()));
            }
        }
        for (String key : theirValues) {
            FieldValue any = t.containsKey(key) ? t.get(key) : b.get(key);
            if (!myValues.contains(key) && insideRemoved(any.path(), bl, ml, myLists)) {
                conflicts.add(new Conflict(any.path(), any.locale()));
            }
        }
        for (String list : myLists) {
            boolean both = theirLists.contains(list)
                    && !ml.getOrDefault(list, List.of()).equals(tl.getOrDefault(list, List.of()));
            if (both || insideRemoved(list, bl, tl, theirLists)) {
                conflicts.add(new Conflict(list, null));
            }
        }
        for (String list : theirLists) {
            if (!myLists.contains(list) && insideRemoved(list, bl, ml, myLists)) {
                conflicts.add(new Conflict(list, null));
            }
        }
        if (!conflicts.isEmpty()) {
            return new Result(null, List.copyOf(conflicts));
        }

        Map<String, FieldValue> values = new LinkedHashMap<>(t);
        for (String key : myValues) {
            if (m.containsKey(key)) {
                values.put(key, m.get(key));
            } else {
                values.remove(key);
            }
        }
        for (String key : myValues) {
            FieldValue written = m.get(key);
            if (written != null && written.isSource() && hasOtherSource(values, written)) {
                conflicts.add(new Conflict(written.path(), written.locale()));
            }
        }
        if (!conflicts.isEmpty()) {
            return new Result(null, List.copyOf(conflicts));
        }
        Map<String, List<String>> lists = new LinkedHashMap<>(tl);
        for (String list : myLists) {
            List<String> items = ml.getOrDefault(list, List.of());
            if (items.isEmpty()) {
                lists.remove(list);
            } else {
                lists.put(list, items);
            }
        }
        List<ItemList> itemLists = new ArrayList<>();
        lists.forEach((path, items) -> itemLists.add(new ItemList(path, items)));
        return new Result(new EntryContent(itemLists, new ArrayList<>(values.values())), List.of());
    }

    /** Whether another locale of {@code value}'s field became its source meanwhile: a field has one source. */
    private static boolean hasOtherSource(Map<String, FieldValue> values, FieldValue value) {
        return values.values().stream()
                .anyMatch(v -> v.path().equals(value.path())
                        && v.isSource()
                        && !v.locale().equals(value.locale()));
    }

    /** Whether {@code path} lies inside an item of a {@code changed} list that {@code base} has and {@code other} not. */
    private static boolean insideRemoved(
            String path, Map<String, List<String>> base, Map<String, List<String>> other, Set<String> changed) {
        for (String list : changed) {
            List<String> kept = other.getOrDefault(list, List.of());
            for (String id : base.getOrDefault(list, List.of())) {
                if (!kept.contains(id) && Paths.isInside(path, Paths.item(list, id))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Object value(Map<String, FieldValue> values, String key) {
        FieldValue value = values.get(key);
        return value == null ? null : value.value();
    }

    private static Set<String> changedValues(Map<String, FieldValue> from, Map<String, FieldValue> to) {
        Set<String> keys = new LinkedHashSet<>(from.keySet());
        keys.addAll(to.keySet());
        keys.removeIf(key -> Objects.equals(value(from, key), value(to, key)));
        return keys;
    }

    private static Set<String> changedLists(Map<String, List<String>> from, Map<String, List<String>> to) {
        Set<String> paths = new LinkedHashSet<>(from.keySet());
        paths.addAll(to.keySet());
        paths.removeIf(path -> from.getOrDefault(path, List.of()).equals(to.getOrDefault(path, List.of())));
        return paths;
    }

    private static Map<String, FieldValue> values(EntryContent content) {
        Map<String, FieldValue> index = new LinkedHashMap<>();
        content.values().forEach(v -> index.put(v.key(), v));
        return index;
    }

    private static Map<String, List<String>> lists(EntryContent content) {
        Map<String, List<String>> index = new LinkedHashMap<>();
        content.lists().forEach(l -> index.put(l.path(), l.items()));
        return index;
    }
}

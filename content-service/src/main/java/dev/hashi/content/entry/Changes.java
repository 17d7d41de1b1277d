package dev.hashi.content.entry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.hashi.content.type.ContentType;
import dev.hashi.events.content.ContentEntryChanged;
import dev.hashi.events.content.FieldValueChange;

/** Differences between two contents of an entry, as revision changes and as a change event. */
public final class Changes {

    private Changes() {}

    /** Changed values per (path, locale), then changed list orders (locale {@code null}, values are id lists). */
    public static List<Revision.Change> between(EntryContent before, EntryContent after) {
        Map<String, FieldValue> old = index(before);
        Map<String, FieldValue> now = index(after);
        Set<String> keys = new LinkedHashSet<>(old.keySet());
        keys.addAll(now.keySet());
        List<Revision.Change> changes = new ArrayList<>();
        for (String key : keys) {
            FieldValue a = old.get(key);
            FieldValue b = now.get(key);
            Object va = a == null ? null : a.value();
            Object vb = b == null ? null : b.value();
            if (!Objects.equals(va, vb)) {
                FieldValue any = b != null ? b : a;
                changes.add(new Revision.Change(any.path(), any.locale(), va, vb));
            }
        }
        Set<String> lists = new LinkedHashSet<>();
        before.lists().forEach(l -> lists.add(l.path()));
        after.lists().forEach(l -> lists.add(l.path()));
        for (String list : lists) {
            if (!before.items(list).equals(after.items(list))) {
                changes.add(new Revision.Change(list, null, before.items(list), after.items(list)));
            }
        }
        return changes;
    }

    /** The change event for the localized values that differ, or {@code null} when none does. */
    static ContentEntryChanged event(
            Entry entry, ContentType type, EntryContent before, EntryContent after, boolean minor) {
        Map<String, FieldValue> old = index(before);
        Map<String, FieldValue> now = index(after);
        Set<String> keys = new LinkedHashSet<>(old.keySet());
        keys.addAll(now.keySet());
        List<FieldValueChange> changes = new ArrayList<>();
        for (String key : keys) {
            FieldValue a = old.get(key);
            FieldValue b = now.get(key);
            FieldValue any = b != null ? b : a;
            if (any.locale() == null
                    || (a != null
                            && b != null
                            && a.value().equals(b.value())
                            && Objects.equals(a.origin(), b.origin()))) {
                continue;
            }
            boolean source = any.isSource();
            changes.add(new FieldValueChange(
                    any.path(),
                    any.locale(),
                    any.origin().locale(),
                    b == null ? null : (String) b.value(),
                    any.origin().sourceHash(),
                    source ? FieldValueChange.WriteKind.SOURCE : FieldValueChange.WriteKind.TRANSLATION,
                    b == null,
                    minor && source,
                    any.origin().unitId()));
        }
        return changes.isEmpty()
                ? null
                : new ContentEntryChanged(entry.id(), entry.type(), titles(type, after), changes);
    }

    /** The entry's title per locale, only values actually in that locale. */
    public static Map<String, String> titles(ContentType type, EntryContent content) {
        Map<String, String> titles = new LinkedHashMap<>();
        if (type.titleField() != null) {
            content.valuesAt(type.titleField()).forEach(v -> titles.put(v.locale(), (String) v.value()));
        }
        return titles;
    }

    private static Map<String, FieldValue> index(EntryContent content) {
        Map<String, FieldValue> index = new LinkedHashMap<>();
        content.values().forEach(v -> index.put(v.key(), v));
        return index;
    }
}

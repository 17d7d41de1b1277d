package dev.hashi.content.snapshot;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.content.common.Access;
import dev.hashi.content.entry.Changes;
import dev.hashi.content.entry.Entries;
import dev.hashi.content.entry.Entry;
import dev.hashi.content.type.ContentTypes;
import dev.hashi.content.type.TypeCatalog;
import dev.hashi.identity.Identity;

@RestController
class SnapshotController {

    private final Entries entries;
    private final ContentTypes types;

    SnapshotController(Entries entries, ContentTypes types) {
        this.entries = entries;
        this.types = types;
    }

    /**
     * One localized value.
     *
     * @param write {@code source} or {@code translation}
     */
    record Value(
            String path,
            String locale,
            String originLocale,
            String text,
            String sourceHash,
            String write,
            String translationUnitId) {}

    /** One entry: its version (the aggregate version of its latest event) and every localized value. */
    record EntrySnapshot(
            String entryId, String contentType, long version, Map<String, String> titles, List<Value> values) {}

    /** A page; {@code next} is the {@code after} of the next page, {@code null} on the last. */
    record Page(List<EntrySnapshot> items, String next) {}

    @GetMapping("/api/content/snapshot")
    Page snapshot(
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "100") int limit,
            Identity caller) {
        Access.requireDraftReader(caller);
        int size = Math.max(1, Math.min(limit, 500));
        TypeCatalog catalog = types.catalog();
        List<EntrySnapshot> items =
                entries.all(after, size).stream().map(e -> snapshot(e, catalog)).toList();
        return new Page(items, items.size() == size ? items.get(size - 1).entryId() : null);
    }

    private static EntrySnapshot snapshot(Entry entry, TypeCatalog catalog) {
        List<Value> values = entry.content().values().stream()
                .filter(v -> v.locale() != null)
                .map(v -> new Value(
                        v.path(),
                        v.locale(),
                        v.origin().locale(),
                        (String) v.value(),
                        v.origin().sourceHash(),
                        v.isSource() ? "source" : "translation",
                        v.origin().unitId()))
                .toList();
        Map<String, String> titles = catalog.find(entry.type())
                .map(t -> Changes.titles(t, entry.content()))
                .orElse(Map.of());
        return new EntrySnapshot(entry.id(), entry.type(), entry.version(), titles, values);
    }
}

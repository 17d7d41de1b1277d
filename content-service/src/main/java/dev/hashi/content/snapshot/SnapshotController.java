package dev.hashi.content.snapshot;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.content.entry.Changes;
import dev.hashi.content.entry.Entries;
import dev.hashi.content.entry.Entry;
import dev.hashi.content.type.ContentTypes;
import dev.hashi.content.type.TypeCatalog;
import dev.hashi.service.access.Access;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.identity.ServiceIdentity;
import dev.hashi.service.paging.Cursor;
import dev.hashi.service.paging.Page;
import dev.hashi.service.paging.PageLimits;
import dev.hashi.service.paging.PageRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "snapshot")
class SnapshotController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

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
    @Schema(name = "SnapshotValue")
    record Value(
            String path,
            String locale,
            String originLocale,
            String text,
            String sourceHash,
            String write,
            String translationUnitId) {}

    /**
     * One entry: its version (the aggregate version of its latest event) and every localized value.
     *
     * @param contentType the content type key; named {@code contentType} (not {@code type}) because translation-service's
     *                    rebuild reads it under this name
     */
    record EntrySnapshot(
            String entryId, String contentType, long version, Map<String, String> titles, List<Value> values) {}

    @GetMapping("/api/content/snapshot")
    @Operation(
            summary = "Every entry's localized values in entry id order, for consumers rebuilding their state"
                    + " (staff); limit up to 500 (default 100), no total")
    Page<EntrySnapshot> snapshot(
            @PageLimits(defaultLimit = DEFAULT_LIMIT, max = MAX_LIMIT) PageRequest requested,
            @Parameter(deprecated = true, description = "Old name of cursor, read while clients move to cursor")
                    @RequestParam(required = false)
                    String after,
            CommandContext context) {
        if (!ServiceIdentity.calledBy(context.caller(), "translation")) {
            Access.requireStaff(context.caller());
        }
        PageRequest page = requested.cursor() == null && after != null
                ? PageRequest.parse(after, String.valueOf(requested.limit()), DEFAULT_LIMIT, MAX_LIMIT)
                : requested;
        TypeCatalog catalog = types.catalog();
        List<Entry> fetched = entries.search(Entries.Query.ALL, page.afterId(), page.fetchSize());
        return Page.keyset(fetched, page, e -> Cursor.after(e.id()), null).map(e -> snapshot(e, catalog));
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

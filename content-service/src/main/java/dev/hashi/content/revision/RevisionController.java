package dev.hashi.content.revision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.content.common.Locales;
import dev.hashi.content.entry.Changes;
import dev.hashi.content.entry.Entries;
import dev.hashi.content.entry.Entry;
import dev.hashi.content.entry.EntryEditing;
import dev.hashi.content.entry.EntryView;
import dev.hashi.content.entry.Revision;
import dev.hashi.content.entry.RevisionLog;
import dev.hashi.content.entry.RevisionSummary;
import dev.hashi.content.type.ContentTypes;
import dev.hashi.problem.ProblemCodes;
import dev.hashi.service.access.Access;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.command.Versions;
import dev.hashi.service.error.InvalidInputException;
import dev.hashi.service.error.NotFoundException;
import dev.hashi.service.paging.Cursor;
import dev.hashi.service.paging.Page;
import dev.hashi.service.paging.PageRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "revisions")
@RequestMapping("/api/content/entries/{entryId}/revisions")
class RevisionController {

    private final Entries entries;
    private final RevisionLog revisions;
    private final EntryEditing editing;
    private final ContentTypes types;
    private final Locales locales;

    RevisionController(
            Entries entries, RevisionLog revisions, EntryEditing editing, ContentTypes types, Locales locales) {
        this.entries = entries;
        this.revisions = revisions;
        this.editing = editing;
        this.types = types;
        this.locales = locales;
    }

    @GetMapping
    @Operation(summary = "The entry's history, oldest first, without values (staff; others get 404); total included")
    Page<RevisionViews.Summary> list(@PathVariable String entryId, PageRequest page, CommandContext context) {
        Entry entry = entries.requireVisibleTo(context.caller(), entryId);
        long after = page.afterId() == null ? 0 : afterVersion(page.afterId());
        List<RevisionSummary> fetched = revisions.page(entry, after, page.fetchSize());
        return Page.keyset(fetched, page, r -> Cursor.after(String.valueOf(r.revision())), revisions.count(entry))
                .map(RevisionViews.Summary::of);
    }

    @GetMapping("/diff")
    @Operation(summary = "What changed between two versions, per field path and locale, and slug changes (staff)")
    RevisionViews.Diff diff(
            @PathVariable String entryId, @RequestParam long from, @RequestParam long to, CommandContext context) {
        Entry entry = entries.requireVisibleTo(context.caller(), entryId);
        Revision a = revision(entry, from);
        Revision b = revision(entry, to);
        Map<String, List<String>> slugs = new LinkedHashMap<>();
        for (String locale : locales.tags()) {
            String before = a.slugs() == null ? null : a.slugs().get(locale);
            String after = b.slugs() == null ? null : b.slugs().get(locale);
            if (!Objects.equals(before, after)) {
                List<String> pair = new ArrayList<>();
                pair.add(before);
                pair.add(after);
                slugs.put(locale, pair);
            }
        }
        return new RevisionViews.Diff(entryId, from, to, Changes.between(a.content(), b.content()), slugs);
    }

    @GetMapping("/{version}")
    @Operation(summary = "One revision with the whole content it produced (staff)")
    RevisionViews.Detail get(@PathVariable String entryId, @PathVariable long version, CommandContext context) {
        return RevisionViews.Detail.of(revision(entries.requireVisibleTo(context.caller(), entryId), version));
    }

    @PostMapping("/{version}/restore")
    @Operation(summary = "Make a revision's content current again, as a new revision (editor, admin); If-Match")
    ResponseEntity<EntryView> restore(
            @PathVariable String entryId,
            @PathVariable long version,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            CommandContext context) {
        Access.requireEditor(context.caller());
        long expected = Versions.ifMatch(ifMatch, Entries.RESOURCE);
        Entry entry = entries.require(entryId);
        Entry restored = editing.restore(entry, revision(entry, version), expected, context);
        return ResponseEntity.ok()
                .eTag(Versions.etag(restored.version()))
                .body(EntryView.of(restored, types.catalog(), locales.tags()));
    }

    private Revision revision(Entry entry, long number) {
        return revisions.find(entry, number).orElseThrow(() -> {
            NotFoundException notFound = new NotFoundException("revision", number);
            notFound.with("entryId", entry.id());
            return notFound;
        });
    }

    /** The version a revision cursor continues after; a cursor of another list is refused. */
    private static long afterVersion(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw InvalidInputException.field(
                    "cursor",
                    ProblemCodes.FIELD_FORMAT,
                    "The cursor is not one this list issued; start again without it.",
                    null);
        }
    }
}

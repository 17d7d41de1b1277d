package dev.hashi.content.revision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.content.common.Access;
import dev.hashi.content.common.Locales;
import dev.hashi.content.common.Versions;
import dev.hashi.content.entry.Changes;
import dev.hashi.content.entry.Entries;
import dev.hashi.content.entry.Entry;
import dev.hashi.content.entry.EntryEditing;
import dev.hashi.content.entry.EntryView;
import dev.hashi.content.entry.Revision;
import dev.hashi.content.entry.RevisionLog;
import dev.hashi.content.type.ContentTypes;
import dev.hashi.identity.Identity;
import dev.hashi.service.web.ApiProblem;

@RestController
@RequestMapping("/api/content/entries/{id}/revisions")
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
    List<RevisionViews.Summary> list(@PathVariable String id, Identity caller) {
        Access.requireDraftReaderOrHide(caller, id);
        return revisions.history(entries.require(id)).stream()
                .map(RevisionViews.Summary::of)
                .toList();
    }

    @GetMapping("/diff")
    RevisionViews.Diff diff(@PathVariable String id, @RequestParam long from, @RequestParam long to, Identity caller) {
        Access.requireDraftReaderOrHide(caller, id);
        Entry entry = entries.require(id);
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
        return new RevisionViews.Diff(id, from, to, Changes.between(a.content(), b.content()), slugs);
    }

    @GetMapping("/{revision}")
    RevisionViews.Detail get(@PathVariable String id, @PathVariable long revision, Identity caller) {
        Access.requireDraftReaderOrHide(caller, id);
        return RevisionViews.Detail.of(revision(entries.require(id), revision));
    }

    @PostMapping("/{revision}/restore")
    ResponseEntity<EntryView> restore(
            @PathVariable String id,
            @PathVariable long revision,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Identity caller) {
        Access.requireEditor(caller);
        long expected = Versions.ifMatch(ifMatch);
        Entry entry = entries.require(id);
        Entry restored = editing.restore(entry, revision(entry, revision), expected, caller.subject());
        return ResponseEntity.ok()
                .eTag(Versions.etag(restored.version()))
                .body(EntryView.of(restored, types.catalog(), locales.tags()));
    }

    private Revision revision(Entry entry, long number) {
        return revisions
                .find(entry, number)
                .orElseThrow(() -> new ApiProblem(
                                HttpStatus.NOT_FOUND,
                                "revision.not-found",
                                "Entry " + entry.id() + " has no revision " + number + ".")
                        .with("value", number));
    }
}

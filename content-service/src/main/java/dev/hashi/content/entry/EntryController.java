package dev.hashi.content.entry;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.content.common.Access;
import dev.hashi.content.common.Locales;
import dev.hashi.content.common.Versions;
import dev.hashi.content.type.ContentTypes;
import dev.hashi.content.type.TypeCatalog;
import dev.hashi.identity.Identity;
import dev.hashi.service.web.ApiProblem;

@RestController
@RequestMapping("/api/content/entries")
class EntryController {

    private final EntryEditing editing;
    private final Entries entries;
    private final ContentTypes types;
    private final Locales locales;

    EntryController(EntryEditing editing, Entries entries, ContentTypes types, Locales locales) {
        this.editing = editing;
        this.entries = entries;
        this.types = types;
        this.locales = locales;
    }

    @PostMapping
    ResponseEntity<EntryView> create(@Valid @RequestBody EntryRequests.Create request, Identity caller) {
        Access.requireEditor(caller);
        Entry entry = editing.create(request, caller.subject());
        return ResponseEntity.created(URI.create("/api/content/entries/" + entry.id()))
                .eTag(Versions.etag(entry.version()))
                .body(view(entry));
    }

    @GetMapping("/{id}")
    ResponseEntity<EntryView> get(@PathVariable String id, Identity caller) {
        Access.requireDraftReaderOrHide(caller, id);
        Entry entry = entries.require(id);
        return ResponseEntity.ok().eTag(Versions.etag(entry.version())).body(view(entry));
    }

    @PatchMapping("/{id}")
    ResponseEntity<EntryView> patch(
            @PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody EntryRequests.Patch request,
            Identity caller) {
        Access.requireEditor(caller);
        Entry entry = editing.patch(id, Versions.ifMatch(ifMatch), request, caller.subject());
        return ResponseEntity.ok().eTag(Versions.etag(entry.version())).body(view(entry));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(
            @PathVariable String id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Identity caller) {
        Access.requireEditor(caller);
        editing.delete(id, Versions.ifMatch(ifMatch), caller.subject());
        return ResponseEntity.noContent().build();
    }

    @GetMapping
    Map<String, Object> list(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String locale,
            @RequestParam(required = false) String missingLocale,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") int limit,
            Identity caller) {
        Access.requireDraftReader(caller);
        WorkflowState wanted = state == null ? null : state(state);
        List<String> stateLocales = locale == null ? locales.tags() : List.of(locales.require(locale));
        String missing = missingLocale == null ? null : locales.require(missingLocale);
        int size = Math.max(1, Math.min(limit, 200));
        TypeCatalog catalog = types.catalog();
        List<EntrySummary> items = entries.search(type, wanted, stateLocales, missing, after, size).stream()
                .map(e -> summary(e, catalog))
                .toList();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", items);
        page.put("next", items.size() == size ? items.get(items.size() - 1).id() : null);
        return page;
    }

    private static WorkflowState state(String state) {
        return switch (state) {
            case "draft" -> WorkflowState.DRAFT;
            case "in_review" -> WorkflowState.IN_REVIEW;
            case "published" -> WorkflowState.PUBLISHED;
            case "archived" -> WorkflowState.ARCHIVED;
            default ->
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "entry.state-unknown", "Unknown workflow state.")
                        .with("value", state);
        };
    }

    private EntrySummary summary(Entry entry, TypeCatalog catalog) {
        Map<String, String> titles = catalog.find(entry.type())
                .map(t -> Changes.titles(t, entry.content()))
                .orElse(Map.of());
        Map<String, String> states = new LinkedHashMap<>();
        locales.tags().forEach(tag -> states.put(tag, entry.state(tag).name().toLowerCase(java.util.Locale.ROOT)));
        return new EntrySummary(
                entry.id(),
                entry.type(),
                entry.version(),
                titles,
                states,
                entry.slugs(),
                entry.missing(),
                entry.updatedAt());
    }

    private EntryView view(Entry entry) {
        return EntryView.of(entry, types.catalog(), locales.tags());
    }
}

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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.content.common.Locales;
import dev.hashi.content.type.ContentTypes;
import dev.hashi.content.type.TypeCatalog;
import dev.hashi.service.access.Access;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.command.Versions;
import dev.hashi.service.error.InvalidInputException;
import dev.hashi.service.paging.Cursor;
import dev.hashi.service.paging.Page;
import dev.hashi.service.paging.PageRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

@RestController
@Tag(name = "entries")
@RequestMapping("/api/content/entries")
class EntryController {

    static final String CREATE_EXAMPLE = """
            {"type": "organisation", "locale": "ja",
             "fields": {"name": "北九州市環境局", "unit": "環境国際協力室"}}""";

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
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an entry (editor, admin); Idempotency-Key replays a repeated create")
    ResponseEntity<EntryView> create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(
                                                            name = "Japanese organisation",
                                                            value = CREATE_EXAMPLE)))
                    @Valid
                    @RequestBody
                    EntryRequests.Create request,
            CommandContext context) {
        Access.requireEditor(context.caller());
        Entry entry = editing.create(request, context);
        return ResponseEntity.created(URI.create("/api/content/entries/" + entry.id()))
                .eTag(Versions.etag(entry.version()))
                .body(view(entry));
    }

    @GetMapping("/{entryId}")
    @Operation(summary = "An entry with every locale's values and their origin (staff; others get 404)")
    ResponseEntity<EntryView> get(@PathVariable String entryId, CommandContext context) {
        Entry entry = entries.requireVisibleTo(context.caller(), entryId);
        return ResponseEntity.ok().eTag(Versions.etag(entry.version())).body(view(entry));
    }

    @PatchMapping("/{entryId}")
    @Operation(
            summary = "Change one locale of an entry (editor, admin); If-Match required, an older version is merged "
                    + "field by field")
    ResponseEntity<EntryView> patch(
            @PathVariable String entryId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody EntryRequests.Patch request,
            CommandContext context) {
        Access.requireEditor(context.caller());
        long expected = Versions.ifMatch(ifMatch, Entries.RESOURCE);
        Entry entry = editing.patch(entryId, expected, request, context);
        return ResponseEntity.ok().eTag(Versions.etag(entry.version())).body(view(entry));
    }

    @PatchMapping(value = "/{entryId}", consumes = JsonPatchEdit.MEDIA_TYPE)
    @Operation(
            summary = "Change values and list items by JSON Patch (RFC 6902) with item ids in paths (editor, admin); "
                    + "If-Match required, an older version is merged field by field")
    ResponseEntity<EntryView> jsonPatch(
            @PathVariable String entryId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody JsonNode patch,
            CommandContext context) {
        Access.requireEditor(context.caller());
        long base = Versions.ifMatch(ifMatch, Entries.RESOURCE);
        Entry entry = editing.jsonPatch(entryId, base, patch, context);
        return ResponseEntity.ok().eTag(Versions.etag(entry.version())).body(view(entry));
    }

    @DeleteMapping("/{entryId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an entry (editor, admin); If-Match required")
    ResponseEntity<Void> delete(
            @PathVariable String entryId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            CommandContext context) {
        Access.requireEditor(context.caller());
        editing.delete(entryId, Versions.ifMatch(ifMatch, Entries.RESOURCE), context);
        return ResponseEntity.noContent().build();
    }

    @GetMapping
    @Operation(
            summary = "Entries in id order, filtered by type, workflow state (in a locale) and missing locale (staff)")
    Page<EntrySummary> list(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String locale,
            @RequestParam(required = false) String missingLocale,
            PageRequest page,
            CommandContext context) {
        Access.requireStaff(context.caller());
        WorkflowState wanted = state == null ? null : state(state);
        String stateLocale = locales.optional("locale", locale);
        List<String> stateLocales = stateLocale == null ? locales.tags() : List.of(stateLocale);
        String missing = locales.optional("missingLocale", missingLocale);
        Entries.Query query = new Entries.Query(type, wanted, stateLocales, missing);
        TypeCatalog catalog = types.catalog();
        List<Entry> fetched = entries.search(query, page.afterId(), page.fetchSize());
        return Page.keyset(fetched, page, e -> Cursor.after(e.id()), entries.count(query))
                .map(e -> summary(e, catalog));
    }

    private static WorkflowState state(String state) {
        return WorkflowState.fromWire(state)
                .orElseThrow(() -> InvalidInputException.field(
                        "state",
                        "workflow.state-unknown",
                        "States are draft, in_review, published and archived.",
                        state));
    }

    private EntrySummary summary(Entry entry, TypeCatalog catalog) {
        Map<String, String> titles = catalog.find(entry.type())
                .map(t -> Changes.titles(t, entry.content()))
                .orElse(Map.of());
        Map<String, WorkflowState> states = new LinkedHashMap<>();
        locales.tags().forEach(tag -> states.put(tag, entry.state(tag)));
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

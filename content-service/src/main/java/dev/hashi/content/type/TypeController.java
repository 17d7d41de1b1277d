package dev.hashi.content.type;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.service.access.Access;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.command.Versions;
import dev.hashi.service.error.NotFoundException;
import dev.hashi.service.paging.Cursor;
import dev.hashi.service.paging.Page;
import dev.hashi.service.paging.PageRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "types")
@RequestMapping("/api/content/types")
class TypeController {

    private final ContentTypes types;
    private final SeedTypes seed;

    TypeController(ContentTypes types, SeedTypes seed) {
        this.types = types;
        this.seed = seed;
    }

    @GetMapping
    @Operation(summary = "Content types in key order with their localized paths (staff); total included")
    Page<ContentTypeView> list(PageRequest page, CommandContext context) {
        Access.requireStaff(context.caller());
        TypeCatalog catalog = types.catalog();
        String after = page.afterId();
        List<ContentType> all = catalog.all().stream()
                .sorted(Comparator.comparing(ContentType::key))
                .toList();
        List<ContentType> fetched = all.stream()
                .filter(t -> after == null || t.key().compareTo(after) > 0)
                .limit(page.fetchSize())
                .toList();
        return Page.keyset(fetched, page, t -> Cursor.after(t.key()), (long) all.size())
                .map(t -> ContentTypeView.of(t, catalog));
    }

    @GetMapping("/{type}")
    @Operation(summary = "One content type (staff)")
    ResponseEntity<ContentTypeView> get(@PathVariable String type, CommandContext context) {
        Access.requireStaff(context.caller());
        TypeCatalog catalog = types.catalog();
        ContentType found = catalog.find(type).orElseThrow(() -> new NotFoundException(ContentTypes.RESOURCE, type));
        return ResponseEntity.ok().eTag(Versions.etag(found.version())).body(ContentTypeView.of(found, catalog));
    }

    @PutMapping("/{type}")
    @Operation(
            summary = "Create or change a content type (admin); changing an existing one needs If-Match, an"
                    + " unchanged definition changes nothing")
    ResponseEntity<ContentTypeView> define(
            @PathVariable String type,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ContentTypeRequest request,
            CommandContext context) {
        Access.requireAdmin(context.caller());
        Long expected = Versions.optionalIfMatch(ifMatch, ContentTypes.RESOURCE);
        ContentType defined = types.defineNamingVersion(type, request, expected, context);
        TypeCatalog catalog = types.catalog();
        return ResponseEntity.ok().eTag(Versions.etag(defined.version())).body(ContentTypeView.of(defined, catalog));
    }

    @PostMapping("/seed")
    @Operation(summary = "Install the seed's content types, idempotently (admin)")
    SeedResult installSeed(CommandContext context) {
        Access.requireAdmin(context.caller());
        return new SeedResult(seed.install(context));
    }
}

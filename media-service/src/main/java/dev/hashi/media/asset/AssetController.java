package dev.hashi.media.asset;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

import dev.hashi.service.command.CommandContext;
import dev.hashi.service.paging.Page;
import dev.hashi.service.paging.PageRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping(path = AssetController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Assets", description = "Media assets' metadata: kind, localized title, alt text, caption, availability.")
class AssetController {

    static final String PATH = "/api/media/assets";

    private final AssetCatalog catalog;

    AssetController(AssetCatalog catalog) {
        this.catalog = catalog;
    }

    @PostMapping
    @Operation(summary = "Create an asset's metadata (editor, admin); accepts Idempotency-Key.")
    @ApiResponse(responseCode = "201", description = "Created; Location names it, ETag is its version.")
    ResponseEntity<AssetView> create(@Valid @RequestBody AssetCreateRequest request, CommandContext command) {
        Asset asset = catalog.create(request, command);
        return ResponseEntity.created(URI.create(PATH + "/" + asset.id()))
                .eTag(IfMatch.etag(asset.version()))
                .body(AssetView.of(asset));
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "Read an asset (staff, or anyone once published content references it); others get"
                    + " asset.not-found.")
    @ApiResponse(responseCode = "200", description = "The asset; ETag is its version.")
    ResponseEntity<AssetView> get(@PathVariable String id, CommandContext command) {
        Asset asset = catalog.get(id, command);
        return ResponseEntity.ok().eTag(IfMatch.etag(asset.version())).body(AssetView.of(asset));
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {"application/json", "application/merge-patch+json"})
    @Operation(
            summary = "Change the members named, and within localized members only the locales named (editor, admin).")
    @ApiResponse(responseCode = "200", description = "The changed asset; ETag is its new version.")
    ResponseEntity<AssetView> patch(
            @PathVariable String id,
            @Parameter(description = "The ETag of the asset the change is based on.", required = true)
                    @RequestHeader(value = IfMatch.HEADER, required = false)
                    String ifMatch,
            @Valid @RequestBody AssetPatchRequest request,
            CommandContext command) {
        Asset asset = catalog.change(id, ifMatch, request, command);
        return ResponseEntity.ok().eTag(IfMatch.etag(asset.version())).body(AssetView.of(asset));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Delete an asset (editor, admin); refused with asset.referenced while published content"
                    + " references it, unless an admin forces it.")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    void delete(
            @PathVariable String id,
            @Parameter(description = "The ETag of the asset you read.", required = true)
                    @RequestHeader(value = IfMatch.HEADER, required = false)
                    String ifMatch,
            @Parameter(description = "Admins only: delete even when published content references the asset.")
                    @RequestParam(defaultValue = "false")
                    boolean force,
            CommandContext command) {
        catalog.delete(id, ifMatch, force, command);
    }

    @GetMapping
    @Operation(
            summary = "List assets in id order (staff), filtered by kind, availability, variant locale and whether"
                    + " content references them; counts the total.")
    @ApiResponse(responseCode = "200", description = "One page; a next page is also announced in a Link header.")
    Page<AssetView> list(
            @Parameter(description = "Only assets of this kind.") @RequestParam(required = false) String kind,
            @Parameter(description = "Only assets in this availability state.") @RequestParam(required = false)
                    String availability,
            @Parameter(description = "Only assets with a variant in this locale.") @RequestParam(required = false)
                    String variantLocale,
            @Parameter(description = "Only assets content references (true) or does not (false).")
                    @RequestParam(required = false)
                    String referenced,
            PageRequest page,
            CommandContext command) {
        return catalog.list(kind, availability, variantLocale, referenced, page, command)
                .map(AssetView::of);
    }
}

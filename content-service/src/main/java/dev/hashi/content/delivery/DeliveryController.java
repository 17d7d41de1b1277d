package dev.hashi.content.delivery;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hashi.content.common.Locales;
import dev.hashi.content.entry.AssetReferences;
import dev.hashi.content.entry.ContentTree;
import dev.hashi.content.entry.Entries;
import dev.hashi.content.entry.Entry;
import dev.hashi.content.entry.ItemList;
import dev.hashi.content.entry.PublishedLocale;
import dev.hashi.content.media.MediaSummaries;
import dev.hashi.content.type.ContentType;
import dev.hashi.content.type.ContentTypes;
import dev.hashi.content.type.TypeCatalog;
import dev.hashi.content.workflow.Fallbacks;
import dev.hashi.service.access.Access;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.error.NotFoundException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "delivery")
@RequestMapping("/api/delivery/entries")
class DeliveryController {

    private final Entries entries;
    private final ContentTypes types;
    private final MediaSummaries media;
    private final Locales locales;

    DeliveryController(Entries entries, ContentTypes types, MediaSummaries media, Locales locales) {
        this.entries = entries;
        this.types = types;
        this.media = media;
        this.locales = locales;
    }

    @GetMapping("/{type}/{slug}")
    @Operation(
            summary = "Published content by slug in the negotiated locale (?locale=, else Accept-Language), with"
                    + " visible fallbacks; preview=true shows editors the draft")
    @ApiResponse(
            responseCode = "200",
            description = "The entry in the negotiated locale",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DeliveredEntry.class)))
    @ApiResponse(
            responseCode = "301",
            description = "An old slug of this locale: where the entry is now",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = DeliveredEntry.Moved.class)))
    ResponseEntity<Object> read(
            @PathVariable String type,
            @PathVariable String slug,
            @RequestParam(required = false) String locale,
            @RequestParam(defaultValue = "false") boolean preview,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
            CommandContext context) {
        String tag = locales.negotiate(locale, acceptLanguage);
        boolean drafts = preview && Access.isEditor(context.caller());
        Entry entry = entries.findBySlug(type, tag, slug).orElseThrow(() -> notFound(type, slug, tag));
        PublishedLocale published = entry.published().get(tag);
        String current = drafts ? entry.slugs().get(tag) : published == null ? null : published.slug();
        if (current == null) {
            throw notFound(type, slug, tag);
        }
        if (!current.equals(slug)) {
            String location = "/api/delivery/entries/" + type + "/" + current + "?locale=" + tag;
            return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                    .location(URI.create(location))
                    .header(HttpHeaders.CONTENT_LANGUAGE, tag)
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                    .body(new DeliveredEntry.Moved(location, current, tag));
        }
        TypeCatalog catalog = types.catalog();
        ContentType contentType = catalog.require(entry.type());
        DeliveredEntry body = drafts
                ? render(
                        entry,
                        contentType,
                        catalog,
                        tag,
                        entry.content().lists(),
                        draftValues(entry, contentType, catalog, tag),
                        entry.version(),
                        null,
                        slug,
                        true)
                : render(
                        entry,
                        contentType,
                        catalog,
                        tag,
                        published.lists(),
                        published.values(),
                        published.revision(),
                        published.at(),
                        slug,
                        false);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_LANGUAGE, tag)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .body(body);
    }

    private List<PublishedLocale.Resolved> draftValues(Entry entry, ContentType type, TypeCatalog catalog, String tag) {
        List<String> chain = locales.chain(tag);
        return new ContentTree(catalog, entry.content()::items)
                .leaves(type).stream()
                        .map(leaf -> Fallbacks.resolve(entry.content(), leaf, chain))
                        .filter(v -> v != null)
                        .toList();
    }

    private DeliveredEntry render(
            Entry entry,
            ContentType type,
            TypeCatalog catalog,
            String tag,
            List<ItemList> lists,
            List<PublishedLocale.Resolved> values,
            long revision,
            Instant at,
            String slug,
            boolean preview) {
        Map<String, PublishedLocale.Resolved> byPath = new LinkedHashMap<>();
        values.forEach(v -> byPath.put(v.path(), v));
        Map<String, List<String>> items = new LinkedHashMap<>();
        lists.forEach(l -> items.put(l.path(), l.items()));
        ContentTree tree = new ContentTree(catalog, p -> items.getOrDefault(p, List.of()));
        Set<String> assetIds = new LinkedHashSet<>();
        for (ContentTree.Leaf leaf : tree.leaves(type)) {
            PublishedLocale.Resolved v = byPath.get(leaf.path());
            if (v != null && leaf.definition().kind().refersToMedia()) {
                assetIds.addAll(AssetReferences.ids(v.value()));
            }
        }
        MediaViews views = new MediaViews(media.summaries(assetIds), tag, locales.chain(tag));
        Map<String, DeliveredEntry.MediaView> mediaViews = new LinkedHashMap<>();
        assetIds.forEach(id -> mediaViews.put(id, views.of(id)));
        Map<String, Object> fields = tree.render(type, (path, definition) -> {
            PublishedLocale.Resolved v = byPath.get(path);
            if (v == null) {
                return null;
            }
            List<DeliveredEntry.MediaView> referenced = definition.kind().refersToMedia()
                    ? AssetReferences.ids(v.value()).stream()
                            .map(mediaViews::get)
                            .toList()
                    : null;
            return new DeliveredEntry.Value(
                    v.value(), v.locale(), v.locale() != null && !v.locale().equals(tag), referenced);
        });
        Map<String, String> slugs = new LinkedHashMap<>();
        entry.published().forEach((locale, p) -> slugs.put(locale, p.slug()));
        return new DeliveredEntry(
                entry.id(), entry.type(), tag, slug, revision, at, preview, fields, mediaViews, slugs);
    }

    /** {@code entry.not-found} for a slug with nothing published in the locale (never 403, even for drafts). */
    private static NotFoundException notFound(String type, String slug, String locale) {
        NotFoundException notFound = new NotFoundException(Entries.RESOURCE, type + "/" + slug);
        notFound.with("contentType", type).with("slug", slug).with("locale", locale);
        return notFound;
    }
}

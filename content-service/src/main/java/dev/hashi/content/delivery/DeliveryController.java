package dev.hashi.content.delivery;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

import dev.hashi.content.common.Locales;
import dev.hashi.content.entry.Entries;
import dev.hashi.content.entry.Entry;
import dev.hashi.content.entry.SlugRecord;
import dev.hashi.content.media.MediaSummaries;
import dev.hashi.content.type.ContentTypes;
import dev.hashi.content.type.TypeCatalog;
import dev.hashi.locale.Slugs;
import dev.hashi.service.access.Access;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.error.InvalidInputException;
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

    /** {@code ?locale=} value asking for every deliverable locale at once. */
    static final String ALL_LOCALES = "*";
    /** Reference depth when {@code include} is absent. */
    static final int DEFAULT_INCLUDE = 1;
    /** Deepest reference inlining {@code include} allows. */
    static final int MAX_INCLUDE = 3;

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
            summary = "Published content by its slug in any locale, served in the negotiated locale (?locale=, else"
                    + " Accept-Language; * for every locale), fallbacks resolved along the published locales;"
                    + " include=0..3 inlines referenced entries; preview=true shows editors the draft")
    @ApiResponse(
            responseCode = "200",
            description =
                    "The entry in the negotiated locale (DeliveredEntry), or every locale (DeliveredEntryLocales)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DeliveredEntry.class)))
    @ApiResponse(
            responseCode = "308",
            description = "A former slug: where the entry is now, in the negotiated locale",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = DeliveredEntry.Moved.class)))
    ResponseEntity<Object> read(
            @PathVariable String type,
            @PathVariable String slug,
            @RequestParam(required = false) String locale,
            @RequestParam(defaultValue = "false") boolean preview,
            @RequestParam(required = false) String include,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
            CommandContext context,
            HttpServletRequest request,
            HttpServletResponse response) {
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        boolean all = ALL_LOCALES.equals(locale);
        String tag = all ? ALL_LOCALES : locales.negotiate(locale, acceptLanguage);
        int depth = depth(include);
        TypeCatalog catalog = types.catalog();
        catalog.require(type);
        if (!Slugs.isValid(slug)) {
            throw InvalidInputException.field(
                    "slug", "slug.invalid", "Not a slug: lower-case letters and digits joined by hyphens.", slug);
        }
        Entry entry =
                entries.findBySlug(type, slug, locales.tags()).orElseThrow(() -> notFound(type, slug, tag, List.of()));
        boolean drafts = preview && Access.isEditor(context.caller());
        EntryRendering rendering = new EntryRendering(entries, media, locales, catalog, drafts);
        rendering.shows(entry);
        response.setHeader(DeliveryHeaders.VERSIONS, DeliveryHeaders.versions(rendering.versions()));
        Map<String, ServedLocale> served = new LinkedHashMap<>();
        for (String candidate : all ? locales.tags() : List.of(tag)) {
            ServedLocale view = rendering.serve(entry, candidate);
            if (view != null && (!all || view.localePublished() || drafts)) {
                served.put(candidate, view);
            }
        }
        if (served.isEmpty()) {
            throw notFound(type, slug, tag, availableLocales(entry));
        }
        String canonical = served.values().iterator().next().slug();
        if (!currentSlugs(entry, drafts).contains(slug)) {
            if (canonical == null || !formerSlugs(entry).contains(slug)) {
                throw notFound(type, slug, tag, availableLocales(entry));
            }
            String query = request.getQueryString();
            String location = path(type, canonical) + (query == null ? "" : "?" + query);
            return ResponseEntity.status(HttpStatus.PERMANENT_REDIRECT)
                    .location(URI.create(location))
                    .body(new DeliveredEntry.Moved(location, canonical, tag));
        }
        String url = path(type, canonical == null ? slug : canonical) + "?locale=" + tag;
        Object body;
        String contentLanguage;
        if (all) {
            Map<String, DeliveredEntry> rendered = new LinkedHashMap<>();
            served.forEach((l, view) -> rendered.put(l, rendering.render(entry, view, depth, Set.of(entry.id()))));
            Map<String, String> slugs = new LinkedHashMap<>();
            entry.published().forEach((l, p) -> slugs.put(l, p.slug()));
            body = new DeliveredEntry.AllLocales(entry.id(), entry.type(), ALL_LOCALES, canonical, slugs, rendered);
            contentLanguage = String.join(", ", served.keySet());
        } else {
            ServedLocale view = served.get(tag);
            body = rendering.render(entry, view, depth, Set.of(entry.id()));
            contentLanguage = view.contentLanguage();
        }
        response.setHeader(DeliveryHeaders.VERSIONS, DeliveryHeaders.versions(rendering.versions()));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_LANGUAGE, contentLanguage)
                .header(HttpHeaders.LINK, "<" + url + ">; rel=\"canonical\"")
                .header(HttpHeaders.CONTENT_LOCATION, url)
                .body(body);
    }

    /** {@code include} as a depth: absent → {@value #DEFAULT_INCLUDE}; else 0..{@value #MAX_INCLUDE}. */
    private static int depth(String include) {
        if (include == null || include.isBlank()) {
            return DEFAULT_INCLUDE;
        }
        int depth;
        try {
            depth = Integer.parseInt(include.strip());
        } catch (NumberFormatException e) {
            depth = -1;
        }
        if (depth < 0 || depth > MAX_INCLUDE) {
            throw InvalidInputException.field(
                    "include",
                    "include.out-of-range",
                    "include is how deep referenced entries are inlined: 0 to " + MAX_INCLUDE + ".",
                    include);
        }
        return depth;
    }

    /** The slugs a request is served under: the published locales' (for editors' previews also the drafts'). */
    private static Set<String> currentSlugs(Entry entry, boolean drafts) {
        Set<String> current = new HashSet<>();
        entry.published().values().forEach(p -> current.add(p.slug()));
        if (drafts) {
            current.addAll(entry.slugs().values());
        }
        return current;
    }

    private static Set<String> formerSlugs(Entry entry) {
        Set<String> former = new HashSet<>();
        entry.slugHistory().stream().map(SlugRecord::slug).forEach(former::add);
        return former;
    }

    private List<String> availableLocales(Entry entry) {
        List<String> available = new ArrayList<>();
        locales.tags().stream().filter(entry.published()::containsKey).forEach(available::add);
        return available;
    }

    private static String path(String type, String slug) {
        return "/api/delivery/entries/" + UriUtils.encodePathSegment(type, java.nio.charset.StandardCharsets.UTF_8)
                + "/" + UriUtils.encodePathSegment(slug, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * {@code entry.not-found} for a slug with nothing deliverable in the locale (never 403, even for drafts);
     * {@code availableLocales} lists the locales the entry is published in.
     */
    private static NotFoundException notFound(String type, String slug, String locale, List<String> available) {
        NotFoundException notFound = new NotFoundException(Entries.RESOURCE, type + "/" + slug);
        notFound.with("contentType", type)
                .with("slug", slug)
                .with("locale", locale)
                .with("availableLocales", available);
        return notFound;
    }
}

package dev.hashi.content.delivery;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.hashi.content.common.Locales;
import dev.hashi.content.entry.AssetReferences;
import dev.hashi.content.entry.ContentTree;
import dev.hashi.content.entry.Entries;
import dev.hashi.content.entry.Entry;
import dev.hashi.content.entry.ItemList;
import dev.hashi.content.entry.PublishedLocale;
import dev.hashi.content.media.MediaSummaries;
import dev.hashi.content.media.MediaSummary;
import dev.hashi.content.type.ContentType;
import dev.hashi.content.type.FieldDefinition;
import dev.hashi.content.type.FieldKind;
import dev.hashi.content.type.TypeCatalog;
import dev.hashi.locale.Formats;
import dev.hashi.locale.LocaleTag;

/**
 * Renders entries for one request: values resolved for the locale with the provenance of translations, media views,
 * referenced entries inlined to the requested depth (cycles stopped), and the version of every entry and asset the
 * body shows. Not thread-safe; one per request.
 */
final class EntryRendering {

    private final Entries entries;
    private final MediaSummaries media;
    private final Locales locales;
    private final TypeCatalog catalog;
    private final boolean drafts;
    private final Map<String, Long> versions = new LinkedHashMap<>();
    private final Map<String, Entry> loaded = new HashMap<>();

    EntryRendering(Entries entries, MediaSummaries media, Locales locales, TypeCatalog catalog, boolean drafts) {
        this.entries = entries;
        this.media = media;
        this.locales = locales;
        this.catalog = catalog;
        this.drafts = drafts;
    }

    /** Every entry and asset rendered so far, with the version shown, in the order met. */
    Map<String, Long> versions() {
        return versions;
    }

    /** Records that the body shows {@code entry}'s state (also when it shows that nothing of it is delivered). */
    void shows(Entry entry) {
        versions.putIfAbsent(entry.id(), entry.version());
        loaded.putIfAbsent(entry.id(), entry);
    }

    /** What {@code entry} shows in {@code locale}, or {@code null} when nothing of it is deliverable there. */
    ServedLocale serve(Entry entry, String locale) {
        ContentType type = catalog.require(entry.type());
        List<String> chain = locales.chain(locale);
        return drafts
                ? ServedLocale.draft(entry, locale, chain, catalog, type)
                : ServedLocale.published(entry, locale, chain, catalog, type);
    }

    /**
     * {@code entry} as delivered in {@code served}'s locale, its references inlined {@code depth} levels deep.
     *
     * @param ancestors the ids of the entries that contain this one in the body, itself included
     */
    DeliveredEntry render(Entry entry, ServedLocale served, int depth, Set<String> ancestors) {
        shows(entry);
        String tag = served.locale();
        ContentType type = catalog.require(entry.type());
        Map<String, List<String>> items = new HashMap<>();
        served.lists().forEach((ItemList l) -> items.put(l.path(), l.items()));
        ContentTree tree = new ContentTree(catalog, p -> items.getOrDefault(p, List.of()));
        Set<String> assetIds = new LinkedHashSet<>();
        Set<String> entryIds = new LinkedHashSet<>();
        for (ContentTree.Leaf leaf : tree.leaves(type)) {
            PublishedLocale.Resolved v = served.values().get(leaf.path());
            if (v == null) {
                continue;
            }
            if (leaf.definition().kind().refersToMedia()) {
                assetIds.addAll(AssetReferences.ids(v.value()));
            } else if (depth > 0 && leaf.definition().kind().refersToEntries()) {
                entryIds.addAll(AssetReferences.ids(v.value()));
            }
        }
        Map<String, DeliveredEntry.MediaView> mediaViews = mediaViews(assetIds, tag);
        Map<String, Object> references = references(entryIds, tag, depth, ancestors);
        LocaleTag locale = LocaleTag.parse(tag);
        Map<String, Object> fields = tree.render(type, (path, definition) -> {
            PublishedLocale.Resolved v = served.values().get(path);
            return v == null ? null : value(entry, v, definition, tag, locale, mediaViews, references, depth);
        });
        Map<String, String> slugs = new LinkedHashMap<>();
        entry.published().forEach((l, p) -> slugs.put(l, p.slug()));
        return new DeliveredEntry(
                entry.id(),
                entry.type(),
                tag,
                served.localePublished(),
                served.slug(),
                served.revision(),
                served.publishedAt(),
                drafts,
                fields,
                mediaViews,
                slugs);
    }

    private DeliveredEntry.Value value(
            Entry entry,
            PublishedLocale.Resolved v,
            FieldDefinition definition,
            String tag,
            LocaleTag locale,
            Map<String, DeliveredEntry.MediaView> mediaViews,
            Map<String, Object> references,
            int depth) {
        FieldKind kind = definition.kind();
        List<DeliveredEntry.MediaView> referencedMedia = kind.refersToMedia()
                ? AssetReferences.ids(v.value()).stream().map(mediaViews::get).toList()
                : null;
        List<Object> referencedEntries = depth > 0 && kind.refersToEntries()
                ? AssetReferences.ids(v.value()).stream().map(references::get).toList()
                : null;
        return new DeliveredEntry.Value(
                v.value(),
                v.locale(),
                v.locale() != null && !v.locale().equals(tag),
                formatted(kind, v.value(), locale),
                referencedMedia,
                referencedEntries,
                Provenance.of(v, entry, drafts));
    }

    private Map<String, DeliveredEntry.MediaView> mediaViews(Set<String> assetIds, String tag) {
        Map<String, MediaSummary> summaries = media.summaries(assetIds);
        MediaViews views = new MediaViews(summaries, tag, locales.chain(tag));
        Map<String, DeliveredEntry.MediaView> mediaViews = new LinkedHashMap<>();
        for (String id : assetIds) {
            mediaViews.put(id, views.of(id));
            MediaSummary summary = summaries.get(id);
            versions.putIfAbsent(id, summary == null ? 0L : summary.version());
        }
        return mediaViews;
    }

    private Map<String, Object> references(Set<String> ids, String tag, int depth, Set<String> ancestors) {
        Map<String, Object> references = new HashMap<>();
        if (ids.isEmpty()) {
            return references;
        }
        List<String> missing = new ArrayList<>();
        ids.stream().filter(id -> !loaded.containsKey(id)).forEach(missing::add);
        loaded.putAll(entries.findAll(missing));
        for (String id : ids) {
            Entry referenced = loaded.get(id);
            if (ancestors.contains(id)) {
                references.put(id, new DeliveredEntry.Reference(id, true, true));
                continue;
            }
            if (referenced == null || catalog.find(referenced.type()).isEmpty()) {
                references.put(id, new DeliveredEntry.Reference(id, false, null));
                continue;
            }
            shows(referenced);
            ServedLocale served = serve(referenced, tag);
            if (served == null) {
                references.put(id, new DeliveredEntry.Reference(id, false, null));
                continue;
            }
            Set<String> path = new HashSet<>(ancestors);
            path.add(id);
            references.put(id, render(referenced, served, depth - 1, path));
        }
        return references;
    }

    /** Dates and numbers as {@code locale} writes them; {@code null} for other kinds or unreadable values. */
    private static String formatted(FieldKind kind, Object value, LocaleTag locale) {
        if (kind == FieldKind.DATE && value instanceof String date) {
            try {
                return Formats.longDate(LocalDate.parse(date), locale);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        if (kind == FieldKind.NUMBER && value instanceof Number number) {
            return Formats.number(number.doubleValue(), locale);
        }
        return null;
    }
}

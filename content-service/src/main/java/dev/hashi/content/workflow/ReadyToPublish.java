package dev.hashi.content.workflow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

import dev.hashi.content.entry.ContentTree;
import dev.hashi.content.entry.Entries;
import dev.hashi.content.entry.Entry;
import dev.hashi.content.entry.FieldValue;
import dev.hashi.content.entry.PublishedLocale;
import dev.hashi.content.entry.WorkflowState;
import dev.hashi.content.type.ContentType;
import dev.hashi.content.type.ContentTypes;
import dev.hashi.content.type.TypeCatalog;

/**
 * What waits for an editor to publish in one locale: entries whose locale is published and has changed since (a
 * draft or a review over a published snapshot), each with the values of the locale that differ from the published
 * ones and where each new value came from (an editor, or a landed translation and its unit).
 */
@Component
class ReadyToPublish {

    private final Entries entries;
    private final ContentTypes types;

    ReadyToPublish(Entries entries, ContentTypes types) {
        this.entries = entries;
        this.types = types;
    }

    /** One entry waiting in a locale. */
    record Item(
            String entryId,
            String type,
            String state,
            long version,
            long publishedVersion,
            String title,
            List<Change> changes) {}

    /**
     * One value of the locale that differs from the published one.
     *
     * @param change    {@code added}, {@code changed} or {@code removed}
     * @param author    who wrote the draft value ({@code null} when removed)
     * @param unitId    the translation unit a landed translation came from, {@code null} for an editor's value
     */
    record Change(String path, String change, Object published, Object draft, String author, String unitId) {}

    /** A page of the list, in entry id order: the items and the id to continue after, {@code null} at the end. */
    record Scan(List<Item> items, String lastScanned, boolean more) {}

    /** Up to {@code limit} waiting entries of {@code locale} after entry {@code afterId}. */
    Scan scan(String locale, String afterId, int limit) {
        List<Entry> candidates = new ArrayList<>();
        List<Entry> drafts =
                entries.search(new Entries.Query(null, WorkflowState.DRAFT, List.of(locale), null), afterId, limit + 1);
        List<Entry> reviews = entries.search(
                new Entries.Query(null, WorkflowState.IN_REVIEW, List.of(locale), null), afterId, limit + 1);
        candidates.addAll(drafts);
        candidates.addAll(reviews);
        candidates.sort(Comparator.comparing(Entry::id));
        boolean more = candidates.size() > limit;
        if (more) {
            candidates = candidates.subList(0, limit);
        }
        TypeCatalog catalog = types.catalog();
        List<Item> items = new ArrayList<>();
        for (Entry entry : candidates) {
            PublishedLocale published = entry.published().get(locale);
            if (published == null) {
                continue;
            }
            List<Change> changes = changes(entry, published, locale, catalog);
            if (!changes.isEmpty()) {
                ContentType type = catalog.require(entry.type());
                Object title = type.titleField() == null
                        ? null
                        : entry.content()
                                .value(type.titleField(), locale)
                                .map(FieldValue::value)
                                .orElse(null);
                items.add(new Item(
                        entry.id(),
                        entry.type(),
                        entry.state(locale).wireName(),
                        entry.version(),
                        published.revision(),
                        title == null ? null : title.toString(),
                        changes));
            }
        }
        String last = candidates.isEmpty()
                ? null
                : candidates.get(candidates.size() - 1).id();
        return new Scan(items, last, more);
    }

    private static List<Change> changes(Entry entry, PublishedLocale published, String locale, TypeCatalog catalog) {
        Map<String, Object> before = new LinkedHashMap<>();
        for (PublishedLocale.Resolved value : published.values()) {
            if (value.locale() == null || value.locale().equals(locale)) {
                before.put(value.path(), value.value());
            }
        }
        ContentType type = catalog.require(entry.type());
        List<Change> changes = new ArrayList<>();
        for (ContentTree.Leaf leaf : new ContentTree(catalog, entry.content()::items).leaves(type)) {
            String valueLocale = leaf.definition().localized() ? locale : null;
            FieldValue now = entry.content().value(leaf.path(), valueLocale).orElse(null);
            Object was = before.remove(leaf.path());
            Object is = now == null ? null : now.value();
            if (Objects.equals(was, is)) {
                continue;
            }
            String author =
                    now == null || now.origin() == null ? null : now.origin().author();
            String unitId =
                    now == null || now.origin() == null ? null : now.origin().unitId();
            changes.add(new Change(
                    leaf.path(), was == null ? "added" : is == null ? "removed" : "changed", was, is, author, unitId));
        }
        before.forEach((path, was) -> changes.add(new Change(path, "removed", was, null, null, null)));
        return changes;
    }
}

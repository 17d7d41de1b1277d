package dev.hashi.content.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hashi.content.entry.ContentTree;
import dev.hashi.content.entry.Entry;
import dev.hashi.content.entry.ItemList;
import dev.hashi.content.entry.PublishedLocale;
import dev.hashi.content.type.ContentType;
import dev.hashi.content.type.TypeCatalog;
import dev.hashi.content.workflow.Fallbacks;

/**
 * What one locale of an entry shows, resolved field by field when it is served: the value the locale published,
 * else the value the first locale along its fallback chain that is published for the entry published in itself.
 * Fields that are not localized come from the first of those snapshots that has them. The structure (component list
 * items) is the served snapshot's: the locale's own when it is published, else that of the first published locale of
 * its chain.
 *
 * @param locale          the requested locale
 * @param localePublished whether the locale itself is published (preview: whether it is, drafts are shown anyway)
 * @param slug            the locale's canonical slug: its published slug, else that of the snapshot served
 * @param contentLanguage the locale most localized values are in (ties: the earlier along the chain)
 * @param values          by path; each value's {@code locale} is the one it is in ({@code null}: not localized)
 */
record ServedLocale(
        String locale,
        boolean localePublished,
        String slug,
        long revision,
        Instant publishedAt,
        String contentLanguage,
        List<ItemList> lists,
        Map<String, PublishedLocale.Resolved> values) {

    /**
     * The published view of {@code locale}, or {@code null} when no locale of {@code chain} is published.
     *
     * @param chain the locale's fallback chain, the locale first
     */
    static ServedLocale published(
            Entry entry, String locale, List<String> chain, TypeCatalog catalog, ContentType type) {
        List<String> publishedChain =
                chain.stream().filter(entry.published()::containsKey).toList();
        if (publishedChain.isEmpty()) {
            return null;
        }
        PublishedLocale primary = entry.published().get(publishedChain.get(0));
        Map<String, Map<String, PublishedLocale.Resolved>> own = new HashMap<>();
        for (String candidate : publishedChain) {
            Map<String, PublishedLocale.Resolved> byPath = new HashMap<>();
            for (PublishedLocale.Resolved value :
                    entry.published().get(candidate).values()) {
                if (value.locale() == null || value.locale().equals(candidate)) {
                    byPath.putIfAbsent(value.path(), value);
                }
            }
            own.put(candidate, byPath);
        }
        Map<String, List<String>> items = new HashMap<>();
        primary.lists().forEach(l -> items.put(l.path(), l.items()));
        Map<String, PublishedLocale.Resolved> values = new LinkedHashMap<>();
        for (ContentTree.Leaf leaf : new ContentTree(catalog, p -> items.getOrDefault(p, List.of())).leaves(type)) {
            for (String candidate : publishedChain) {
                PublishedLocale.Resolved value = own.get(candidate).get(leaf.path());
                if (value != null
                        && (value.locale() == null) == !leaf.definition().localized()) {
                    values.put(leaf.path(), value);
                    break;
                }
            }
        }
        boolean localePublished = publishedChain.get(0).equals(locale);
        return new ServedLocale(
                locale,
                localePublished,
                primary.slug(),
                primary.revision(),
                primary.at(),
                localePublished ? locale : mostUsed(values, publishedChain),
                primary.lists(),
                values);
    }

    /** The draft view of {@code locale} for editors: every value along its chain, published or not. */
    static ServedLocale draft(Entry entry, String locale, List<String> chain, TypeCatalog catalog, ContentType type) {
        Map<String, PublishedLocale.Resolved> values = new LinkedHashMap<>();
        for (ContentTree.Leaf leaf : new ContentTree(catalog, entry.content()::items).leaves(type)) {
            PublishedLocale.Resolved value = Fallbacks.resolve(entry.content(), leaf, chain);
            if (value != null) {
                values.put(leaf.path(), value);
            }
        }
        String slug = entry.slugs().get(locale);
        if (slug == null) {
            slug = chain.stream()
                    .map(entry.slugs()::get)
                    .filter(s -> s != null)
                    .findFirst()
                    .orElse(null);
        }
        return new ServedLocale(
                locale,
                entry.published().containsKey(locale),
                slug,
                entry.version(),
                null,
                locale,
                entry.content().lists(),
                values);
    }

    private static String mostUsed(Map<String, PublishedLocale.Resolved> values, List<String> publishedChain) {
        Map<String, Integer> counts = new HashMap<>();
        values.values().stream()
                .filter(v -> v.locale() != null)
                .forEach(v -> counts.merge(v.locale(), 1, Integer::sum));
        String best = publishedChain.get(0);
        for (String candidate : new ArrayList<>(publishedChain)) {
            if (counts.getOrDefault(candidate, 0) > counts.getOrDefault(best, 0)) {
                best = candidate;
            }
        }
        return best;
    }
}

package dev.hashi.content.search;

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

/**
 * What delivery shows of one entry, read from its published snapshots only. Each snapshot contributes only its own
 * values (those in the snapshot's locale, and those of fields that are not localized), which holds whether a
 * snapshot stores values resolved at publish time or its own values only; fallbacks are resolved here, at the time
 * the index is written, along the locale's chain among the locales that are published.
 */
final class DeliveredValues {

    /**
     * One entry as a reader of one locale sees it.
     *
     * @param locale          the reader's locale
     * @param localePublished whether that locale itself is published (else everything comes by fallback)
     * @param slugLocale      the published locale whose snapshot serves the entry ({@code locale} when published)
     * @param values          delivered values by path; for component lists, the item order of {@code slugLocale}
     */
    record View(
            String locale,
            boolean localePublished,
            String slug,
            String slugLocale,
            PublishedLocale serving,
            Map<String, PublishedLocale.Resolved> values) {}

    /**
     * One searchable text as published, in the locale it is written in.
     *
     * @param locale     the value's locale, {@code null} for a field that is not localized
     * @param slugLocale the published locale whose slug leads to the value
     */
    record Text(String path, String value, String locale, String slug, String slugLocale) {}

    private DeliveredValues() {}

    /**
     * The entry as delivered in {@code locale}, or {@code null} when no locale of {@code chain} (the locale first,
     * then its fallbacks) is published.
     */
    static View view(Entry entry, ContentType type, TypeCatalog catalog, String locale, List<String> chain) {
        List<String> published =
                chain.stream().filter(entry.published()::containsKey).toList();
        if (published.isEmpty()) {
            return null;
        }
        String servingLocale = published.get(0);
        PublishedLocale serving = entry.published().get(servingLocale);
        Map<String, List<String>> items = items(serving.lists());
        Map<String, PublishedLocale.Resolved> values = new LinkedHashMap<>();
        List<Map<String, PublishedLocale.Resolved>> own =
                published.stream().map(l -> own(entry.published().get(l), l)).toList();
        for (ContentTree.Leaf leaf : new ContentTree(catalog, p -> items.getOrDefault(p, List.of())).leaves(type)) {
            for (Map<String, PublishedLocale.Resolved> candidate : own) {
                PublishedLocale.Resolved value = candidate.get(leaf.path());
                if (value != null) {
                    values.put(leaf.path(), value);
                    break;
                }
            }
        }
        return new View(
                locale, servingLocale.equals(locale), serving.slug(), servingLocale, serving, Map.copyOf(values));
    }

    /**
     * Every published text value once: each published locale's own localized texts, and the texts of fields that
     * are not localized from the first published locale of {@code order}.
     */
    static List<Text> texts(Entry entry, ContentType type, TypeCatalog catalog, List<String> order) {
        List<Text> texts = new ArrayList<>();
        boolean plainDone = false;
        for (String locale : order) {
            PublishedLocale snapshot = entry.published().get(locale);
            if (snapshot == null) {
                continue;
            }
            Map<String, List<String>> items = items(snapshot.lists());
            Map<String, PublishedLocale.Resolved> own = own(snapshot, locale);
            for (ContentTree.Leaf leaf : new ContentTree(catalog, p -> items.getOrDefault(p, List.of())).leaves(type)) {
                if (!leaf.definition().kind().isText()) {
                    continue;
                }
                boolean localized = leaf.definition().localized();
                if (!localized && plainDone) {
                    continue;
                }
                PublishedLocale.Resolved value = own.get(leaf.path());
                if (value != null && value.value() instanceof String text && !text.isBlank()) {
                    texts.add(new Text(leaf.path(), text, value.locale(), snapshot.slug(), locale));
                }
            }
            plainDone = true;
        }
        return texts;
    }

    private static Map<String, PublishedLocale.Resolved> own(PublishedLocale snapshot, String locale) {
        Map<String, PublishedLocale.Resolved> own = new HashMap<>();
        for (PublishedLocale.Resolved value : snapshot.values()) {
            if (value.value() != null
                    && (value.locale() == null || value.locale().equals(locale))) {
                own.put(value.path(), value);
            }
        }
        return own;
    }

    private static Map<String, List<String>> items(List<ItemList> lists) {
        Map<String, List<String>> items = new HashMap<>();
        lists.forEach(l -> items.put(l.path(), l.items()));
        return items;
    }
}

package dev.hashi.content.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

import dev.hashi.content.entry.Entry;
import dev.hashi.content.entry.PublishedLocale;
import dev.hashi.content.type.ContentType;
import dev.hashi.content.type.FieldDefinition;
import dev.hashi.content.type.FieldKind;
import dev.hashi.content.type.TypeCatalog;
import dev.hashi.locale.Collation;
import dev.hashi.locale.LocaleTag;
import dev.hashi.locale.Texts;

import tools.jackson.databind.json.JsonMapper;

/**
 * The Lucene documents of one entry: an {@code item} document per locale a reader can see it in (for lists: filter
 * terms, sort keys and the stored list item) and a {@code text} document per published text value (for search).
 * Every document carries the entry id, so an entry's documents are replaced together.
 */
final class IndexDocuments {

    static final String KIND = "kind";
    static final String ITEM = "item";
    static final String TEXT = "text";
    static final String ENTRY = "entry";
    static final String TYPE = "type";
    static final String LOCALE = "locale";
    static final String DATA = "data";
    static final String BODY = "body";
    static final String PATH = "path";
    static final String SLUG = "slug";
    static final String SLUG_LOCALE = "slugLocale";
    static final String VERSION = "version";
    /** The {@code locale} term of a text of a field that is not localized. */
    static final String NO_LOCALE = "-";
    /** Longest value kept as a filter term; longer filter values cannot match anything. */
    static final int MAX_FILTER_VALUE = 1000;
    /** Characters of a text that decide its sort position. */
    private static final int SORT_PREFIX = 200;

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** What a list item shows, stored in the item document. */
    record StoredItem(
            String entryId,
            String type,
            String locale,
            boolean localePublished,
            String slug,
            String slugLocale,
            long version,
            Instant publishedAt,
            Map<String, StoredValue> values) {}

    /** One delivered value: {@code locale} is {@code null} for a field that is not localized. */
    record StoredValue(Object value, String locale) {}

    private IndexDocuments() {}

    static String filterField(String key) {
        return "f." + key;
    }

    static String sortField(String key) {
        return "s." + key;
    }

    /** Whether lists may filter by a field of this definition (every top-level field but component lists). */
    static boolean filterable(FieldDefinition field) {
        return field.kind() != FieldKind.COMPONENTS;
    }

    /** Whether lists may sort by it: text in the locale's collation, dates and numbers in their own order. */
    static boolean sortable(FieldDefinition field) {
        return field.kind().isText() || field.kind() == FieldKind.DATE || field.kind() == FieldKind.NUMBER;
    }

    /** Every document of {@code entry}; none when nothing of it is published. */
    static List<Document> of(Entry entry, ContentType type, TypeCatalog catalog, List<String> locales, Chains chains) {
        List<Document> documents = new ArrayList<>();
        if (entry.published().isEmpty()) {
            return documents;
        }
        for (String locale : locales) {
            DeliveredValues.View view = DeliveredValues.view(entry, type, catalog, locale, chains.of(locale));
            if (view != null) {
                documents.add(item(entry, type, view));
            }
        }
        for (DeliveredValues.Text text : DeliveredValues.texts(entry, type, catalog, locales)) {
            documents.add(text(entry, text));
        }
        return documents;
    }

    /** The fallback chain of a locale, the locale first. */
    interface Chains {
        List<String> of(String locale);
    }

    private static Document item(Entry entry, ContentType type, DeliveredValues.View view) {
        Document doc = common(entry, ITEM, view.locale());
        LocaleTag tag = LocaleTag.parse(view.locale());
        Map<String, StoredValue> stored = new LinkedHashMap<>();
        for (FieldDefinition field : type.fields()) {
            PublishedLocale.Resolved value = view.values().get(field.key());
            if (value == null || !filterable(field)) {
                continue;
            }
            stored.put(field.key(), new StoredValue(value.value(), value.locale()));
            for (String term : filterTerms(field, value.value())) {
                if (term.length() <= MAX_FILTER_VALUE) {
                    doc.add(new StringField(filterField(field.key()), term, Field.Store.NO));
                }
            }
            addSortKey(doc, field, value.value(), tag);
        }
        StoredItem item = new StoredItem(
                entry.id(),
                entry.type(),
                view.locale(),
                view.localePublished(),
                view.slug(),
                view.slugLocale(),
                entry.version(),
                view.serving().at(),
                stored);
        doc.add(new StoredField(DATA, JSON.writeValueAsBytes(item)));
        return doc;
    }

    private static Document text(Entry entry, DeliveredValues.Text text) {
        Document doc = common(entry, TEXT, text.locale() == null ? NO_LOCALE : text.locale());
        doc.add(new TextField(BODY, text.value(), Field.Store.YES));
        doc.add(new StoredField(PATH, text.path()));
        doc.add(new StoredField(SLUG, text.slug()));
        doc.add(new StoredField(SLUG_LOCALE, text.slugLocale()));
        return doc;
    }

    private static Document common(Entry entry, String kind, String locale) {
        Document doc = new Document();
        doc.add(new StringField(KIND, kind, Field.Store.NO));
        doc.add(new StringField(ENTRY, entry.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField(ENTRY, new BytesRef(entry.id())));
        doc.add(new StringField(TYPE, entry.type(), Field.Store.YES));
        doc.add(new StringField(LOCALE, locale, Field.Store.YES));
        doc.add(new StoredField(VERSION, entry.version()));
        return doc;
    }

    private static void addSortKey(Document doc, FieldDefinition field, Object value, LocaleTag locale) {
        String name = sortField(field.key());
        if (field.kind().isText() && value instanceof String text) {
            String prefix = text.length() > SORT_PREFIX ? text.substring(0, SORT_PREFIX) : text;
            doc.add(new SortedDocValuesField(name, new BytesRef(Collation.sortKey(prefix, locale))));
        } else if (field.kind() == FieldKind.DATE && value instanceof String date && date.length() <= 64) {
            doc.add(new SortedDocValuesField(name, new BytesRef(date)));
        } else if (field.kind() == FieldKind.NUMBER && value instanceof Number number) {
            doc.add(new DoubleDocValuesField(name, number.doubleValue()));
        }
    }

    /** The terms a value is found by: what {@link #filterTerm} makes of a filter value equal to it. */
    private static List<String> filterTerms(FieldDefinition field, Object value) {
        if (value instanceof List<?> ids) {
            return ids.stream().map(String::valueOf).toList();
        }
        String term = filterTerm(field.kind(), String.valueOf(value));
        return term == null ? List.of() : List.of(term);
    }

    /**
     * The term a filter value of a field of {@code kind} matches: text folded with NFKC and case folding, numbers
     * in one canonical form ({@code 3} = {@code 3.0}), booleans and ids as they are; {@code null} for a value the
     * field can never hold (e.g. {@code abc} for a number).
     */
    static String filterTerm(FieldKind kind, String value) {
        return switch (kind) {
            case TEXT, RICHTEXT -> Texts.searchFold(value);
            case NUMBER -> number(value);
            case BOOLEAN ->
                "true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)
                        ? value.toLowerCase(java.util.Locale.ROOT)
                        : null;
            default -> value;
        };
    }

    private static String number(String value) {
        try {
            double parsed = Double.parseDouble(value.trim());
            return Double.isFinite(parsed)
                    ? BigDecimal.valueOf(parsed).stripTrailingZeros().toPlainString()
                    : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

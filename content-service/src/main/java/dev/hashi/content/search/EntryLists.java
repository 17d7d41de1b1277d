package dev.hashi.content.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.springframework.stereotype.Component;

import dev.hashi.content.type.FieldDefinition;
import dev.hashi.content.type.FieldKind;
import dev.hashi.service.paging.Page;
import dev.hashi.service.paging.PageRequest;

/**
 * Lists of published entries of one type in one locale, from the {@link DeliveryIndex} only: filtered by whole
 * values, sorted by a field (text in the locale's ICU collation; entries without a value last) and then by entry id,
 * counted exactly, paged by offset.
 */
@Component
class EntryLists {

    private final DeliveryIndex index;

    EntryLists(DeliveryIndex index) {
        this.index = index;
    }

    /** A page of the list and the version of each entry it shows, by entry id. */
    record Listing(Page<ListItem> page, Map<String, Long> versions) {}

    Listing list(ListQuery query, PageRequest page) {
        return index.read(searcher -> list(searcher, query, page));
    }

    private static Listing list(IndexSearcher searcher, ListQuery query, PageRequest page) throws IOException {
        Query lucene = query(query);
        int total = searcher.count(lucene);
        List<ListItem> fetched = new ArrayList<>();
        Map<String, Long> versions = new LinkedHashMap<>();
        if (page.offset() < total) {
            int wanted = (int) Math.min((long) page.offset() + page.fetchSize(), total);
            TopFieldDocs top = searcher.search(lucene, wanted, sort(query));
            ScoreDoc[] docs = top.scoreDocs;
            for (int i = page.offset(); i < docs.length; i++) {
                byte[] data = searcher.storedFields().document(docs[i].doc).getBinaryValue(IndexDocuments.DATA).bytes;
                IndexDocuments.StoredItem item = IndexDocuments.JSON.readValue(data, IndexDocuments.StoredItem.class);
                fetched.add(item(item, query));
                versions.put(item.entryId(), item.version());
            }
        }
        Page<ListItem> served = Page.offset(fetched, page, (long) total);
        Map<String, Long> shown = new LinkedHashMap<>();
        served.items().forEach(i -> shown.put(i.entryId(), versions.get(i.entryId())));
        return new Listing(served, shown);
    }

    private static Query query(ListQuery query) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder()
                .add(term(IndexDocuments.KIND, IndexDocuments.ITEM), BooleanClause.Occur.FILTER)
                .add(term(IndexDocuments.TYPE, query.type().key()), BooleanClause.Occur.FILTER)
                .add(term(IndexDocuments.LOCALE, query.locale()), BooleanClause.Occur.FILTER);
        query.filters().forEach((key, terms) -> builder.add(anyOf(key, terms), BooleanClause.Occur.FILTER));
        return builder.build();
    }

    private static Query anyOf(String key, List<String> terms) {
        if (terms.isEmpty()) {
            return new MatchNoDocsQuery("no value the field can hold");
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        terms.stream()
                .distinct()
                .forEach(t -> any.add(term(IndexDocuments.filterField(key), t), BooleanClause.Occur.SHOULD));
        return any.build();
    }

    private static Sort sort(ListQuery query) {
        SortField byId = new SortField(IndexDocuments.ENTRY, SortField.Type.STRING);
        FieldDefinition field = query.sort();
        if (field == null) {
            return new Sort(byId);
        }
        String name = IndexDocuments.sortField(field.key());
        SortField primary;
        if (field.kind() == FieldKind.NUMBER) {
            primary = new SortField(name, SortField.Type.DOUBLE, query.descending());
            primary.setMissingValue(query.descending() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        } else {
            primary = new SortField(name, SortField.Type.STRING, query.descending());
            primary.setMissingValue(query.descending() ? SortField.STRING_FIRST : SortField.STRING_LAST);
        }
        return new Sort(primary, byId);
    }

    private static ListItem item(IndexDocuments.StoredItem item, ListQuery query) {
        Map<String, ListItem.Value> fields = new LinkedHashMap<>();
        for (String key : query.fields()) {
            IndexDocuments.StoredValue value = item.values().get(key);
            if (value != null) {
                boolean fallback = value.locale() != null && !value.locale().equals(item.locale());
                fields.put(key, new ListItem.Value(value.value(), value.locale(), fallback));
            }
        }
        return new ListItem(
                item.entryId(),
                item.type(),
                item.slug(),
                item.slugLocale(),
                item.locale(),
                item.localePublished(),
                item.publishedAt(),
                fields);
    }

    private static TermQuery term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }
}

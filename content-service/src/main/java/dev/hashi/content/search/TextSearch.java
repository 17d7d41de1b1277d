package dev.hashi.content.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.springframework.stereotype.Component;

import dev.hashi.service.paging.Page;
import dev.hashi.service.paging.PageRequest;

/**
 * Full-text search over published text values. The query text goes through the same analysis as the values and
 * becomes plain term queries (every term required), so no character of it is query syntax. Hits are ranked by BM25;
 * with a locale, the values a reader of that locale sees come in the order of its fallback chain: the locale's own
 * values and those of fields that are not localized first, then each fallback locale's.
 */
@Component
class TextSearch {

    /** Most distinct terms a query keeps (a 256-character query of CJK text has fewer bigrams). */
    static final int MAX_TERMS = 300;

    private final DeliveryIndex index;
    private final SearchAnalyzer analyzer = new SearchAnalyzer();
    private final Snippets snippets = new Snippets(analyzer);

    TextSearch(DeliveryIndex index) {
        this.index = index;
    }

    /** A page of hits and the version of each entry they show, by entry id. */
    record Result(Page<SearchHit> page, Map<String, Long> versions) {}

    /**
     * @param localeGroups the locales searched, in groups ranked in order; one group of every locale searches all
     * @param type         a content type key, or {@code null} for every type
     */
    Result search(String text, List<List<String>> localeGroups, String type, PageRequest page) {
        List<String> terms = terms(text);
        if (terms.isEmpty()) {
            return new Result(new Page<>(List.of(), null, 0L), Map.of());
        }
        BooleanQuery.Builder matching = new BooleanQuery.Builder();
        terms.forEach(t -> matching.add(new TermQuery(new Term(IndexDocuments.BODY, t)), BooleanClause.Occur.MUST));
        Query textQuery = matching.build();
        return index.read(searcher -> search(searcher, textQuery, localeGroups, type, page));
    }

    private Result search(
            IndexSearcher searcher, Query textQuery, List<List<String>> groups, String type, PageRequest page)
            throws IOException {
        List<Query> queries = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        long total = 0;
        for (List<String> group : groups) {
            Query query = restrict(textQuery, group, type);
            int count = searcher.count(query);
            queries.add(query);
            counts.add(count);
            total += count;
        }
        List<SearchHit> fetched = new ArrayList<>();
        Map<String, Long> versions = new LinkedHashMap<>();
        long skip = page.offset();
        int wanted = page.fetchSize();
        for (int g = 0; g < queries.size() && wanted > 0; g++) {
            int count = counts.get(g);
            if (skip >= count) {
                skip -= count;
                continue;
            }
            int upTo = (int) Math.min(skip + wanted, count);
            TopDocs top = searcher.search(queries.get(g), upTo);
            for (int i = (int) skip; i < top.scoreDocs.length; i++) {
                fetched.add(hit(searcher, top.scoreDocs[i], textQuery, versions));
                wanted--;
            }
            skip = 0;
        }
        Page<SearchHit> served = Page.offset(fetched, page, total);
        Map<String, Long> shown = new LinkedHashMap<>();
        served.items().forEach(h -> shown.put(h.entryId(), versions.get(h.entryId())));
        return new Result(served, shown);
    }

    private static Query restrict(Query textQuery, List<String> locales, String type) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder()
                .add(textQuery, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(IndexDocuments.KIND, IndexDocuments.TEXT)), BooleanClause.Occur.FILTER);
        if (type != null) {
            builder.add(new TermQuery(new Term(IndexDocuments.TYPE, type)), BooleanClause.Occur.FILTER);
        }
        if (!locales.isEmpty()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            locales.forEach(
                    l -> any.add(new TermQuery(new Term(IndexDocuments.LOCALE, l)), BooleanClause.Occur.SHOULD));
            builder.add(any.build(), BooleanClause.Occur.FILTER);
        }
        return builder.build();
    }

    private SearchHit hit(IndexSearcher searcher, ScoreDoc scored, Query textQuery, Map<String, Long> versions)
            throws IOException {
        Document doc = searcher.storedFields().document(scored.doc);
        String locale = doc.get(IndexDocuments.LOCALE);
        String entryId = doc.get(IndexDocuments.ENTRY);
        versions.put(
                entryId, doc.getField(IndexDocuments.VERSION).numericValue().longValue());
        Snippets.Snippet snippet = snippets.of(IndexDocuments.BODY, textQuery, doc.get(IndexDocuments.BODY));
        return new SearchHit(
                entryId,
                doc.get(IndexDocuments.TYPE),
                doc.get(IndexDocuments.SLUG),
                doc.get(IndexDocuments.SLUG_LOCALE),
                IndexDocuments.NO_LOCALE.equals(locale) ? null : locale,
                doc.get(IndexDocuments.PATH),
                snippet.text(),
                snippet.marks(),
                snippet.html(),
                scored.score);
    }

    /** The distinct terms of {@code text} after analysis, at most {@value #MAX_TERMS}. */
    List<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(IndexDocuments.BODY, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms.size() < MAX_TERMS) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(terms);
    }
}

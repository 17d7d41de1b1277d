package dev.hashi.content.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;

import dev.hashi.content.entry.Entry;
import dev.hashi.content.entry.PublishedLocale;
import dev.hashi.content.type.ContentType;
import dev.hashi.content.type.FieldDefinition;
import dev.hashi.content.type.FieldKind;

/**
 * The in-memory part of a start-up rebuild: documents for {@code entries} entries published in en and ja (title,
 * summary, a date, a number) written to a fresh index and made searchable. The MongoDB scan comes on top. Argument:
 * entries (default 10000).
 */
public final class IndexBuildBenchmark {

    private IndexBuildBenchmark() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        ContentType type = new ContentType(
                "news",
                "News",
                false,
                "title",
                List.of(
                        new FieldDefinition("title", FieldKind.TEXT, true, true, null, null, null, null, null),
                        new FieldDefinition("summary", FieldKind.TEXT, true, false, null, null, null, null, null),
                        new FieldDefinition("date", FieldKind.DATE, false, false, null, null, null, null, null),
                        new FieldDefinition("rank", FieldKind.NUMBER, false, false, null, null, null, null, null)),
                1,
                Instant.now(),
                "bench");
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(entry(i));
        }
        for (int round = 0; round < 3; round++) {
            long started = System.nanoTime();
            try (IndexWriter writer =
                    new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(new SearchAnalyzer()))) {
                for (Entry entry : entries) {
                    List<Document> docs = IndexDocuments.of(
                            entry,
                            type,
                            null,
                            List.of("en", "ja"),
                            l -> l.equals("en") ? List.of("en", "ja") : List.of("ja", "en"));
                    writer.updateDocuments(new Term(IndexDocuments.ENTRY, entry.id()), docs);
                }
                new SearcherManager(writer, null).close();
            }
            System.out.printf(
                    "round %d: %d entries indexed in %d ms%n", round, count, (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static Entry entry(int i) {
        Instant at = Instant.parse("2003-10-28T01:00:00Z");
        List<PublishedLocale.Resolved> en = List.of(
                new PublishedLocale.Resolved("title", "Partnerships on Sustainable Development " + i, "en"),
                new PublishedLocale.Resolved(
                        "summary", "Citizens and city government cooperating towards a zero-emission city " + i, "en"),
                new PublishedLocale.Resolved("date", "2003-10-28", null),
                new PublishedLocale.Resolved("rank", (double) i, null));
        List<PublishedLocale.Resolved> ja = List.of(
                new PublishedLocale.Resolved("title", "住民協働の環境モデル都市づくりを目指して " + i, "ja"),
                new PublishedLocale.Resolved("summary", "北九州イニシアチブと自治体間環境協力について " + i, "ja"),
                new PublishedLocale.Resolved("date", "2003-10-28", null),
                new PublishedLocale.Resolved("rank", (double) i, null));
        return new Entry(
                "e-" + i,
                "news",
                3,
                0,
                null,
                Map.of("en", "s-" + i, "ja", "j-" + i),
                null,
                null,
                Map.of(
                        "en", new PublishedLocale(2, at, "eri", "s-" + i, List.of(), en),
                        "ja", new PublishedLocale(3, at, "eri", "j-" + i, List.of(), ja)),
                null,
                null,
                null,
                null,
                null,
                at,
                "eri",
                at,
                "eri",
                null);
    }
}

package dev.hashi.content.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.hashi.content.common.Locales;
import dev.hashi.content.entry.Entries;
import dev.hashi.content.entry.Entry;
import dev.hashi.content.type.ContentType;
import dev.hashi.content.type.ContentTypes;
import dev.hashi.content.type.TypeCatalog;
import dev.hashi.service.error.UnavailableException;

/**
 * The in-memory index of what delivery shows, one per process: built from MongoDB by {@link #rebuild()} and kept
 * current by {@link #refresh(String, String)} for each entry an event names. Writes come from one thread at a time; every
 * write is searchable when it returns. Reads never touch MongoDB: the content types lists need are kept here too.
 */
@Component
public class DeliveryIndex {

    private static final Logger log = LoggerFactory.getLogger(DeliveryIndex.class);
    private static final int SCAN_PAGE = 500;

    private final Entries entries;
    private final ContentTypes types;
    private final Locales locales;
    private final ApplicationEventPublisher events;

    private volatile Generation current;
    private volatile TypeCatalog catalog;

    /** One index: a rebuild writes a new one and swaps it in, so readers never see a half-built index. */
    private record Generation(IndexWriter writer, SearcherManager searchers) {

        static Generation create() {
            try {
                IndexWriter writer = new IndexWriter(
                        new ByteBuffersDirectory(),
                        new IndexWriterConfig(new SearchAnalyzer()).setOpenMode(IndexWriterConfig.OpenMode.CREATE));
                return new Generation(writer, new SearcherManager(writer, null));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void close() {
            try {
                searchers.close();
                writer.close();
            } catch (IOException e) {
                log.warn("closing a replaced delivery index failed: {}", e.toString());
            }
        }
    }

    DeliveryIndex(Entries entries, ContentTypes types, Locales locales, ApplicationEventPublisher events) {
        this.entries = entries;
        this.types = types;
        this.locales = locales;
        this.events = events;
    }

    /** Reads every entry with something published and replaces the index with what they show. */
    public synchronized void rebuild() {
        long started = System.nanoTime();
        TypeCatalog readCatalog = types.catalog();
        Generation next = Generation.create();
        int count = 0;
        String after = null;
        while (true) {
            List<Entry> page = entries.search(Entries.Query.ALL, after, SCAN_PAGE);
            for (Entry entry : page) {
                List<Document> documents = documents(entry, readCatalog);
                if (!documents.isEmpty()) {
                    write(next, entry.id(), documents);
                    count++;
                }
            }
            if (page.size() < SCAN_PAGE) {
                break;
            }
            after = page.get(page.size() - 1).id();
        }
        refresh(next);
        Generation previous = current;
        catalog = readCatalog;
        current = next;
        if (previous != null) {
            previous.close();
        }
        log.info(
                "delivery index rebuilt: {} entries with published locales in {} ms",
                count,
                (System.nanoTime() - started) / 1_000_000);
        events.publishEvent(new DeliveryIndexChanged(null, null));
    }

    /**
     * Re-reads one entry and replaces its documents (removes them when it is gone or shows nothing).
     *
     * @param type the entry's content type as the event names it, for {@link DeliveryIndexChanged}
     */
    public synchronized void refresh(String entryId, String type) {
        Generation index = current;
        if (index == null) {
            return;
        }
        Optional<Entry> entry = entries.find(entryId);
        List<Document> documents =
                entry.map(e -> documents(e, catalogFor(e.type()))).orElse(List.of());
        write(index, entryId, documents);
        refresh(index);
        events.publishEvent(
                new DeliveryIndexChanged(entryId, entry.map(Entry::type).orElse(type)));
    }

    /** Re-reads the content types, and the entries of {@code typeKey}, whose fields may have changed. */
    public synchronized void typeChanged(String typeKey) {
        if (current == null) {
            return;
        }
        catalog = types.catalog();
        String after = null;
        while (true) {
            List<Entry> page = entries.search(new Entries.Query(typeKey, null, List.of(), null), after, SCAN_PAGE);
            page.forEach(e -> write(current, e.id(), documents(e, catalog)));
            if (page.size() < SCAN_PAGE) {
                break;
            }
            after = page.get(page.size() - 1).id();
        }
        refresh(current);
        events.publishEvent(new DeliveryIndexChanged(null, typeKey));
    }

    /** Whether the index has been built since start. */
    public boolean isReady() {
        return current != null;
    }

    /** The content types as of the last rebuild or type change. */
    TypeCatalog catalog() {
        ready();
        return catalog;
    }

    /** Runs {@code read} on a searcher of the current index. */
    <T> T read(Read<T> read) {
        SearcherManager searchers = ready().searchers();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return read.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A read of the index. */
    interface Read<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private Generation ready() {
        Generation index = current;
        if (index == null) {
            throw new UnavailableException(
                    "delivery.index-building", "The delivery index is being built; retry in a few seconds.");
        }
        return index;
    }

    private TypeCatalog catalogFor(String typeKey) {
        if (catalog.find(typeKey).isEmpty()) {
            catalog = types.catalog();
        }
        return catalog;
    }

    private List<Document> documents(Entry entry, TypeCatalog catalog) {
        Optional<ContentType> type = catalog.find(entry.type()).filter(t -> !t.component());
        if (type.isEmpty()) {
            return List.of();
        }
        try {
            return IndexDocuments.of(entry, type.get(), catalog, locales.tags(), locales::chain);
        } catch (RuntimeException e) {
            log.warn("entry {} not indexed: {}", entry.id(), e.toString());
            return List.of();
        }
    }

    private static void write(Generation index, String entryId, List<Document> documents) {
        try {
            Term term = new Term(IndexDocuments.ENTRY, entryId);
            if (documents.isEmpty()) {
                index.writer().deleteDocuments(term);
            } else {
                index.writer().updateDocuments(term, documents);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void refresh(Generation index) {
        try {
            index.searchers().maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

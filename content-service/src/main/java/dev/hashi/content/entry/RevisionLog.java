package dev.hashi.content.entry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import dev.hashi.content.common.Documents;

/**
 * The revisions, in {@code revisions} only; an entry document holds just the id of its newest one
 * ({@link Entry#revisionId()}), so it does not grow with its history.
 *
 * <p>Without transactions a revision is written in three steps: {@link #stage} stores it marked {@code committed:
 * false} under an id no other write uses, the entry's compare-and-set then points at it, and {@link #confirm} marks it
 * committed. A revision counts when it is committed or when its entry points at it, so a crash between the steps loses
 * nothing (and the next write of the entry confirms it), while the revision of a write that lost the compare-and-set
 * is never shown (and removed when the loss is certain).
 */
@Component
public class RevisionLog {

    static final String COMMITTED = "committed";
    static final String CHANGED = "changed";

    private final MongoCollection<Document> collection;

    RevisionLog(MongoDatabase database) {
        this.collection = database.getCollection("revisions");
        collection.createIndex(Indexes.ascending("entryId", "revision"), new IndexOptions().name("entry_revision"));
    }

    /** Stores a revision that is about to be committed by its entry's write. */
    void stage(Revision revision) {
        collection.insertOne(document(revision).append(COMMITTED, false));
    }

    /** Marks a revision committed; its entry's write succeeded. Idempotent. */
    void confirm(String revisionId) {
        if (revisionId != null) {
            collection.updateOne(Filters.eq("_id", revisionId), Updates.set(COMMITTED, true));
        }
    }

    /** Removes a staged revision whose entry write certainly did not happen. */
    void discard(String revisionId) {
        collection.deleteOne(Filters.and(Filters.eq("_id", revisionId), Filters.eq(COMMITTED, false)));
    }

    /**
     * Makes sure the revisions {@code entry} relies on are committed: the one it points at and, in documents written
     * before revisions moved out of entries, the embedded newest one.
     */
    void settle(Entry entry) {
        keepEmbedded(entry);
        confirm(entry.revisionId());
    }

    /** Stores the revision embedded in an entry written before revisions moved out of entries, if it has one. */
    private void keepEmbedded(Entry entry) {
        if (entry.lastRevision() != null) {
            Revision legacy = entry.lastRevision();
            collection.replaceOne(
                    Filters.eq("_id", legacy.id()),
                    document(legacy).append(COMMITTED, true),
                    new ReplaceOptions().upsert(true));
        }
    }

    /** Up to {@code limit} summaries of {@code entry}'s revisions after version {@code afterVersion}, oldest first. */
    public List<RevisionSummary> page(Entry entry, long afterVersion, int limit) {
        keepEmbedded(entry);
        List<RevisionSummary> page = new ArrayList<>();
        collection
                .find(Filters.and(visible(entry), Filters.gt("revision", afterVersion)))
                .projection(Projections.include(
                        "entryId",
                        "revision",
                        "kind",
                        "locale",
                        "author",
                        "at",
                        CHANGED,
                        "changes.path",
                        "changes.locale"))
                .sort(Sorts.ascending("revision"))
                .limit(limit)
                .forEach(d -> page.add(summary(d)));
        return page;
    }

    /** How many revisions {@code entry} has. */
    public long count(Entry entry) {
        keepEmbedded(entry);
        return collection.countDocuments(visible(entry));
    }

    /** One revision of {@code entry}, with its content. */
    public Optional<Revision> find(Entry entry, long revision) {
        keepEmbedded(entry);
        return Optional.ofNullable(collection
                        .find(Filters.and(visible(entry), Filters.eq("revision", revision)))
                        .first())
                .map(d -> Documents.fromDocument(d, Revision.class));
    }

    private static Bson visible(Entry entry) {
        Bson counted = entry.revisionId() == null
                ? Filters.ne(COMMITTED, false)
                : Filters.or(Filters.ne(COMMITTED, false), Filters.eq("_id", entry.revisionId()));
        return Filters.and(Filters.eq("entryId", entry.id()), counted);
    }

    private static Document document(Revision revision) {
        List<Document> changed = new ArrayList<>();
        if (revision.changes() != null) {
            revision.changes().forEach(c -> changed.add(new Document("path", c.path()).append("locale", c.locale())));
        }
        return Documents.toDocument(revision).append(CHANGED, changed);
    }

    private static RevisionSummary summary(Document document) {
        RevisionSummary summary = Documents.fromDocument(document, RevisionSummary.class);
        if (document.get(CHANGED) == null) {
            // written before summaries were stored: the paths and locales of the changes
            List<RevisionSummary.Changed> changed = new ArrayList<>();
            for (Document change : document.getList("changes", Document.class, List.of())) {
                changed.add(new RevisionSummary.Changed(change.getString("path"), change.getString("locale")));
            }
            return summary.withChanged(changed);
        }
        return summary;
    }
}

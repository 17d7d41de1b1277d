package dev.hashi.content.entry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;

import dev.hashi.content.common.Documents;

/**
 * The revisions, in {@code revisions}. The newest revision also travels inside the entry document, written in the
 * same compare-and-set as the change itself, so history stays complete even if the process dies before the
 * revision document is inserted: readers merge it in and the next write inserts it.
 */
@Component
public class RevisionLog {

    private final MongoCollection<Document> collection;

    RevisionLog(MongoDatabase database) {
        this.collection = database.getCollection("revisions");
        collection.createIndex(Indexes.ascending("entryId", "revision"), new IndexOptions().name("entry_revision"));
    }

    /** Stores a revision; storing the same revision again changes nothing. */
    public void record(Revision revision) {
        if (revision != null) {
            collection.replaceOne(
                    Filters.eq("_id", revision.id()),
                    Documents.toDocument(revision),
                    new ReplaceOptions().upsert(true));
        }
    }

    /** Every revision of {@code entry}, oldest first. */
    public List<Revision> history(Entry entry) {
        List<Revision> revisions = new ArrayList<>();
        collection
                .find(Filters.eq("entryId", entry.id()))
                .sort(Sorts.ascending("revision"))
                .forEach(d -> revisions.add(Documents.fromDocument(d, Revision.class)));
        Revision latest = entry.lastRevision();
        if (latest != null && revisions.stream().noneMatch(r -> r.revision() == latest.revision())) {
            revisions.add(latest);
        }
        return revisions;
    }

    public Optional<Revision> find(Entry entry, long revision) {
        if (entry.lastRevision() != null && entry.lastRevision().revision() == revision) {
            return Optional.of(entry.lastRevision());
        }
        return Optional.ofNullable(collection
                        .find(Filters.eq("_id", Revision.idOf(entry.id(), revision)))
                        .first())
                .map(d -> Documents.fromDocument(d, Revision.class));
    }
}

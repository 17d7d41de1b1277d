package dev.hashi.service.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;

import dev.hashi.events.EventEnvelope;
import dev.hashi.events.outbox.Outbox;
import dev.hashi.service.error.DomainException;
import dev.hashi.service.error.VersionConflictException;

/**
 * The one way to write a versioned document: a compare-and-set on its version field, the change's events appended
 * to the document's outbox in the same single-document write, a duplicate key turned into a conflict, and the
 * outbox relay nudged for the written document. Entries, content types and translation units all write through it.
 *
 * <p>{@code try…} methods answer {@code false} when the document changed meanwhile (for callers that re-read and
 * decide again); the others throw {@link VersionConflictException}.
 */
public final class VersionedDocuments {

    private final MongoCollection<Document> collection;
    private final String resource;
    private final String versionField;
    private final Outbox outbox;
    private final BiConsumer<String, Object> nudge;
    private final Bson liveFilter;
    private Function<MongoWriteException, DomainException> duplicateKey;

    /**
     * @param collection   the collection written
     * @param resource     the resource name used in problems ({@code entry}, {@code type}, {@code unit})
     * @param versionField the document's version field ({@code version}, {@code rev}); a new document has version 1
     * @param outbox       where events go; {@code null} for a scratch collection that publishes nothing
     * @param nudge        told (collection name, document id) after every write that carried events
     */
    public VersionedDocuments(
            MongoCollection<Document> collection,
            String resource,
            String versionField,
            Outbox outbox,
            BiConsumer<String, Object> nudge) {
        this(collection, resource, versionField, outbox, nudge, null, null);
    }

    private VersionedDocuments(
            MongoCollection<Document> collection,
            String resource,
            String versionField,
            Outbox outbox,
            BiConsumer<String, Object> nudge,
            Bson liveFilter,
            Function<MongoWriteException, DomainException> duplicateKey) {
        this.collection = collection;
        this.resource = resource;
        this.versionField = versionField;
        this.outbox = outbox;
        this.nudge = nudge;
        this.liveFilter = liveFilter;
        this.duplicateKey = duplicateKey;
    }

    /** The same writer, also requiring {@code filter} of every updated document (e.g. not marked deleted). */
    public VersionedDocuments onlyWhere(Bson filter) {
        return new VersionedDocuments(collection, resource, versionField, outbox, nudge, filter, duplicateKey);
    }

    /**
     * The same writer, turning a duplicate key on a unique secondary index (not {@code _id}) into the problem
     * {@code toProblem} makes (e.g. {@code slug.taken}). Without it such a failure is rethrown as it is.
     */
    public VersionedDocuments onDuplicateKey(Function<MongoWriteException, DomainException> toProblem) {
        return new VersionedDocuments(collection, resource, versionField, outbox, nudge, liveFilter, toProblem);
    }

    /**
     * Inserts a new document ({@code state} holds {@code _id} and the version field) with {@code events} pending.
     *
     * @return {@code false} when a document with that id exists already
     */
    public boolean tryInsert(Document state, List<? extends EventEnvelope<?>> events) {
        Document document = outbox == null || events.isEmpty() ? state : outbox.withEvents(state, events);
        try {
            collection.insertOne(document);
        } catch (MongoWriteException e) {
            if (isDuplicateId(e)) {
                return false;
            }
            throw translated(e);
        }
        nudged(state.get("_id"), events);
        return true;
    }

    /**
     * Inserts a new document.
     *
     * @throws VersionConflictException when a document with that id exists already
     */
    public void insert(Document state, List<? extends EventEnvelope<?>> events) {
        if (!tryInsert(state, events)) {
            throw conflict(state.get("_id"));
        }
    }

    /**
     * Replaces every field of {@code state} (except {@code _id}) and applies {@code extra} updates on the document
     * {@code id} if its version is still {@code expectedVersion}, with {@code events} pending in the same write.
     * {@code state} carries the new version.
     *
     * @return {@code false} when the document changed meanwhile or is gone
     */
    public boolean tryUpdate(
            Object id,
            long expectedVersion,
            Document state,
            List<Bson> extra,
            List<? extends EventEnvelope<?>> events) {
        List<Bson> updates = new ArrayList<>();
        state.forEach((field, value) -> {
            if (!"_id".equals(field)) {
                updates.add(Updates.set(field, value));
            }
        });
        updates.addAll(extra);
        return tryApply(id, expectedVersion, updates, events);
    }

    /**
     * Like {@link #tryUpdate} but throws.
     *
     * @throws VersionConflictException naming the current version when the document changed meanwhile
     */
    public void update(
            Object id,
            long expectedVersion,
            Document state,
            List<Bson> extra,
            List<? extends EventEnvelope<?>> events) {
        if (!tryUpdate(id, expectedVersion, state, extra, events)) {
            throw conflict(id);
        }
    }

    /**
     * Applies {@code updates} (which must move the version on) to document {@code id} if its version is still
     * {@code expectedVersion}, with {@code events} pending.
     *
     * @throws VersionConflictException when the document changed meanwhile
     */
    public void apply(Object id, long expectedVersion, List<Bson> updates, List<? extends EventEnvelope<?>> events) {
        if (!tryApply(id, expectedVersion, updates, events)) {
            throw conflict(id);
        }
    }

    private boolean tryApply(
            Object id, long expectedVersion, List<Bson> updates, List<? extends EventEnvelope<?>> events) {
        List<Bson> all = new ArrayList<>(updates);
        if (outbox != null && !events.isEmpty()) {
            all.add(outbox.append(events));
        }
        Bson filter = Filters.and(Filters.eq("_id", id), Filters.eq(versionField, expectedVersion));
        if (liveFilter != null) {
            filter = Filters.and(filter, liveFilter);
        }
        long matched;
        try {
            matched = collection.updateOne(filter, Updates.combine(all)).getMatchedCount();
        } catch (MongoWriteException e) {
            throw translated(e);
        }
        if (matched == 0) {
            return false;
        }
        nudged(id, events);
        return true;
    }

    /** The conflict for document {@code id}, naming its current version (-1 when it is gone). */
    public VersionConflictException conflict(Object id) {
        Bson filter = liveFilter == null ? Filters.eq("_id", id) : Filters.and(Filters.eq("_id", id), liveFilter);
        Document current = collection
                .find(filter)
                .projection(Projections.include(versionField))
                .first();
        long version = current == null || current.get(versionField) == null
                ? -1
                : current.get(versionField, Number.class).longValue();
        return new VersionConflictException(resource, id, version);
    }

    private void nudged(Object id, List<? extends EventEnvelope<?>> events) {
        if (outbox != null && !events.isEmpty() && nudge != null) {
            nudge.accept(collection.getNamespace().getCollectionName(), id);
        }
    }

    private RuntimeException translated(MongoWriteException e) {
        if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY && duplicateKey != null && !isDuplicateId(e)) {
            return duplicateKey.apply(e);
        }
        return e;
    }

    private static boolean isDuplicateId(MongoWriteException e) {
        if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
            return false;
        }
        String message = e.getError().getMessage();
        return message.contains("_id_") || message.contains("_id:") || message.contains("index: _id");
    }
}

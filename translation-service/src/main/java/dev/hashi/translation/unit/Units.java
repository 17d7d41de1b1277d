package dev.hashi.translation.unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;

import dev.hashi.events.EventEnvelope;
import dev.hashi.events.EventPayload;
import dev.hashi.events.outbox.Outbox;
import dev.hashi.events.translation.TranslationUnitStateChanged;

/**
 * The translation units, one MongoDB document each, with their history and pending events inside. Every write
 * is a compare-and-set on the unit's revision, and its events travel in the same single-document write.
 */
public final class Units {

    public static final String COLLECTION = "units";
    private static final int MAX_ATTEMPTS = 20;

    private final MongoCollection<Document> collection;
    private final Outbox outbox;
    private final Consumer<String> nudge;
    private final List<Consumer<Unit>> approvalListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Units(MongoCollection<Document> collection, Outbox outbox, Consumer<String> nudge) {
        this.collection = collection;
        this.outbox = outbox;
        this.nudge = nudge;
    }

    /**
     * The service's units, publishing their events through {@code outbox}; {@code nudge} gets the id of each unit
     * written, so its pending events can be relayed at once.
     */
    public static Units live(MongoDatabase database, Outbox outbox, Consumer<String> nudge) {
        MongoCollection<Document> collection = database.getCollection(COLLECTION);
        Outbox.prepare(collection);
        collection.createIndex(Indexes.ascending("entryId"));
        collection.createIndex(Indexes.ascending("targetLocale", "sourceLocale", "state"));
        collection.createIndex(Indexes.ascending("assignee"));
        return new Units(collection, outbox, nudge);
    }

    /** Units in a scratch collection that publishes nothing, for rebuilding state. */
    public static Units scratch(MongoCollection<Document> collection) {
        collection.createIndex(Indexes.ascending("entryId"));
        return new Units(collection, null, id -> {});
    }

    /** Calls {@code listener} after every write that leaves a unit approved with a new approved text. */
    public void onApproved(Consumer<Unit> listener) {
        approvalListeners.add(listener);
    }

    public Optional<Unit> find(String id) {
        Document doc = collection
                .find(Filters.eq("_id", id))
                .projection(withoutHistory())
                .first();
        return Optional.ofNullable(doc).map(UnitDocuments::toUnit);
    }

    public List<HistoryEntry> history(String id) {
        Document doc = collection
                .find(Filters.eq("_id", id))
                .projection(Projections.include("history"))
                .first();
        return doc == null ? List.of() : UnitDocuments.history(doc);
    }

    /** Units matching {@code filter} (see {@link UnitFields}), in {@code sort} order, without their history. */
    public List<Unit> query(Bson filter, Bson sort, int skip, int limit) {
        List<Unit> units = new ArrayList<>();
        collection
                .find(filter)
                .projection(withoutHistory())
                .sort(sort)
                .skip(skip)
                .limit(limit)
                .forEach(doc -> units.add(UnitDocuments.toUnit(doc)));
        return units;
    }

    /** Visits every unit matching {@code filter}, without history. */
    public void forEach(Bson filter, Consumer<Unit> visitor) {
        collection.find(filter).projection(withoutHistory()).forEach(doc -> visitor.accept(UnitDocuments.toUnit(doc)));
    }

    /** Runs an aggregation over the units (for statistics); the result documents stay inside the service. */
    public List<Document> aggregate(List<Bson> pipeline) {
        return collection.aggregate(pipeline).into(new ArrayList<>());
    }

    public long count(Bson filter) {
        return collection.countDocuments(filter);
    }

    /** Sets the titles of every unit of an entry whose titles are older than {@code version}. */
    public void updateTitles(String entryId, Map<String, String> titles, String contentType, long version) {
        collection.updateMany(
                Filters.and(Filters.eq("entryId", entryId), Filters.lt("versions.titles", version)),
                Updates.combine(
                        Updates.set("titles", new Document(titles)),
                        Updates.set("contentType", contentType),
                        Updates.set("versions.titles", version)));
    }

    /**
     * Reads the unit, lets {@code decide} choose a change (empty for none) and writes it if the unit did not
     * change meanwhile; otherwise reads again and decides again.
     *
     * @return the unit as it is after the call, empty if it does not exist
     */
    public Optional<Unit> modify(String id, Function<Optional<Unit>, Optional<UnitChange>> decide) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Unit> current = find(id);
            Optional<UnitChange> change = decide.apply(current);
            if (change.isEmpty()) {
                return current;
            }
            Optional<Unit> written = write(current.orElse(null), change.get());
            if (written.isPresent()) {
                nudge.accept(id);
                Unit after = written.get();
                String before = current.map(Unit::approvedText).orElse(null);
                if (after.approvedText() != null && !after.approvedText().equals(before)) {
                    approvalListeners.forEach(listener -> listener.accept(after));
                }
                return written;
            }
        }
        throw new IllegalStateException("unit " + id + " kept changing; gave up after " + MAX_ATTEMPTS + " attempts");
    }

    private Optional<Unit> write(Unit before, UnitChange change) {
        Unit after = change.after().settled().withRev(before == null ? 1 : before.rev() + 1);
        HistoryEntry line = new HistoryEntry(
                change.by().at(),
                change.by().subject(),
                change.action(),
                before == null ? null : before.state().wireName(),
                after.state().wireName(),
                change.oldText(),
                change.newText(),
                change.comment());
        List<EventEnvelope<?>> events = events(before, after, change);
        Document doc = UnitDocuments.toDocument(after);
        if (before == null) {
            doc.append("history", List.of(UnitDocuments.history(line)));
            try {
                collection.insertOne(outbox == null || events.isEmpty() ? doc : outbox.withEvents(doc, events));
                return Optional.of(after);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return Optional.empty();
                }
                throw e;
            }
        }
        List<Bson> updates = new ArrayList<>();
        doc.forEach((field, value) -> {
            if (!"_id".equals(field)) {
                updates.add(Updates.set(field, value));
            }
        });
        updates.add(Updates.push("history", UnitDocuments.history(line)));
        if (outbox != null && !events.isEmpty()) {
            updates.add(outbox.append(events));
        }
        long matched = collection
                .updateOne(
                        Filters.and(Filters.eq("_id", after.id()), Filters.eq("rev", before.rev())),
                        Updates.combine(updates))
                .getMatchedCount();
        return matched == 1 ? Optional.of(after) : Optional.empty();
    }

    private static List<EventEnvelope<?>> events(Unit before, Unit after, UnitChange change) {
        List<EventPayload> payloads = new ArrayList<>();
        if (before == null || before.state() != after.state()) {
            payloads.add(new TranslationUnitStateChanged(
                    after.id(),
                    after.entryId(),
                    after.path(),
                    after.source().locale(),
                    after.targetLocale(),
                    before == null ? null : before.state().wireName(),
                    after.state().wireName(),
                    after.source().hash()));
        }
        payloads.addAll(change.events());
        UnitChange.Actor by = change.by();
        return payloads.stream()
                .<EventEnvelope<?>>map(payload ->
                        EventEnvelope.of(payload, after.id(), after.rev(), by.traceId(), by.subject(), by.at()))
                .toList();
    }

    private static Bson withoutHistory() {
        List<String> hidden = new ArrayList<>(Outbox.fields());
        hidden.add("history");
        return Projections.exclude(hidden);
    }
}

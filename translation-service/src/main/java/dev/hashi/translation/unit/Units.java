package dev.hashi.translation.unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;

import dev.hashi.events.EventEnvelope;
import dev.hashi.events.EventPayload;
import dev.hashi.events.outbox.Outbox;
import dev.hashi.events.translation.TranslationUnitStateChanged;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.error.VersionConflictException;
import dev.hashi.service.mongo.VersionedDocuments;
import dev.hashi.service.paging.Page;
import dev.hashi.service.paging.PageRequest;

/**
 * The translation units, one MongoDB document each with its pending events inside, and their history, one document
 * per line in {@value #HISTORY_COLLECTION} (so a unit document does not grow with its history); the only class that
 * touches these collections. Reads are named queries; every write goes through {@link VersionedDocuments}: a
 * compare-and-set on the unit's {@code rev}, its events in the same single-document write.
 */
public final class Units {

    public static final String COLLECTION = "units";
    /** One document per history line (see {@link UnitHistory}). */
    public static final String HISTORY_COLLECTION = "unit_history";

    private static final String RESOURCE = UnitProblems.RESOURCE;
    private static final int MAX_ATTEMPTS = 20;

    private final MongoDatabase database;
    private final MongoCollection<Document> collection;
    private final VersionedDocuments writer;
    private final UnitHistory history;
    private final List<Consumer<Unit>> approvalListeners = new CopyOnWriteArrayList<>();

    private Units(
            MongoDatabase database,
            MongoCollection<Document> collection,
            VersionedDocuments writer,
            UnitHistory history) {
        this.database = database;
        this.collection = collection;
        this.writer = writer;
        this.history = history;
    }

    /**
     * The service's units, publishing their events through {@code outbox}; {@code nudge} is told (collection,
     * unit id) after each write that carried events, so they can be relayed at once.
     */
    public static Units live(MongoDatabase database, Outbox outbox, BiConsumer<String, Object> nudge) {
        MongoCollection<Document> collection = database.getCollection(COLLECTION);
        Outbox.prepare(collection);
        collection.createIndex(Indexes.ascending(UnitFields.ENTRY));
        collection.createIndex(Indexes.ascending(UnitFields.ASSIGNEE));
        UnitQueries.indexes().forEach(collection::createIndex);
        UnitHistory history = UnitHistory.live(database.getCollection(HISTORY_COLLECTION), collection);
        return new Units(
                database,
                collection,
                new VersionedDocuments(collection, RESOURCE, UnitFields.REV, outbox, nudge),
                history);
    }

    /** Empty units in the scratch collection {@code name} of the same database, publishing nothing. */
    public Units scratch(String name) {
        MongoCollection<Document> scratch = database.getCollection(name);
        scratch.drop();
        scratch.createIndex(Indexes.ascending(UnitFields.ENTRY));
        return new Units(
                database, scratch, new VersionedDocuments(scratch, RESOURCE, UnitFields.REV, null, null), null);
    }

    /** Drops these units' collection (for scratch units). */
    public void drop() {
        collection.drop();
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

    /** A page of the unit's history, oldest first, with the total; empty when there is no such unit. */
    public Page<HistoryEntry> history(String id, PageRequest page) {
        return history == null ? Page.offset(List.of(), page, 0L) : history.page(id, page);
    }

    /** A page of the live units matching {@code filter} in {@code order} (offset paging; no total). */
    public Page<Unit> queue(UnitFilter filter, UnitOrder order, PageRequest page) {
        List<Unit> units = new ArrayList<>();
        collection
                .find(UnitQueries.filter(filter))
                .projection(withoutHistory())
                .sort(UnitQueries.sort(order))
                .skip(page.offset())
                .limit(page.fetchSize())
                .forEach(doc -> units.add(UnitDocuments.toUnit(doc)));
        return Page.offset(units, page, null);
    }

    /** Every unit of an entry, removed ones included. */
    public List<Unit> ofEntry(String entryId) {
        List<Unit> units = new ArrayList<>();
        visit(UnitQueries.ofEntry(entryId), units::add);
        return units;
    }

    /** Live units of one field path ({@link FieldPaths#fieldPath}) across a type, into one target locale. */
    public List<Unit> ofFieldPath(String type, String fieldPath, String targetLocale) {
        List<Unit> units = new ArrayList<>();
        visit(UnitQueries.ofFieldPath(type, fieldPath, targetLocale), units::add);
        return units;
    }

    /** The units whose source-only decision comes from the rule {@code ruleId}. */
    public List<Unit> decidedByRule(String ruleId) {
        List<Unit> units = new ArrayList<>();
        visit(Filters.eq(UnitFields.RULE, ruleId), units::add);
        return units;
    }

    /** Visits every unit, removed ones included. */
    public void forEach(Consumer<Unit> visitor) {
        visit(Filters.empty(), visitor);
    }

    /** Visits every live (not removed) unit. */
    public void forEachLive(Consumer<Unit> visitor) {
        visit(UnitQueries.live(), visitor);
    }

    /** Live units per locale pair, state and size unit, of one entry or ({@code entryId} null) of all. */
    public List<StateTotal> stateTotals(String entryId) {
        Bson match =
                entryId == null ? UnitQueries.live() : Filters.and(UnitQueries.live(), UnitQueries.ofEntry(entryId));
        List<StateTotal> totals = new ArrayList<>();
        collection
                .aggregate(UnitQueries.stateTotals(match))
                .forEach(group -> totals.add(UnitQueries.stateTotal(group)));
        return totals;
    }

    /** Sets the entry's titles and type on each of its units whose titles are older than {@code version}. */
    public void updateTitles(String entryId, Map<String, String> titles, String type, long version, CommandContext by) {
        for (Unit unit : ofEntry(entryId)) {
            modify(
                    unit.id(),
                    current -> current.filter(found -> found.versions().titles() < version)
                            .map(found -> UnitChange.unrecorded(
                                    found.toBuilder()
                                            .titles(titles)
                                            .type(type)
                                            .versions(new Unit.Versions(
                                                    found.versions().source(),
                                                    found.versions().target(),
                                                    version))
                                            .build(),
                                    by)));
        }
    }

    /**
     * Reads the unit, lets {@code decide} choose a change (empty for none) and writes it if the unit did not
     * change meanwhile; otherwise reads again and decides again.
     *
     * @return the unit as it is after the call, empty if it does not exist
     */
    public Optional<Unit> modify(String id, Function<Optional<Unit>, Optional<UnitChange>> decide) {
        return modify(id, null, decide);
    }

    /**
     * {@link #modify(String, Function)} for a caller who read version {@code expectedVersion} of the unit
     * ({@code null}: any version).
     *
     * @throws VersionConflictException when the unit is at another version
     */
    public Optional<Unit> modify(
            String id, Long expectedVersion, Function<Optional<Unit>, Optional<UnitChange>> decide) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Unit> current = find(id);
            if (expectedVersion != null && current.isPresent() && current.get().rev() != expectedVersion) {
                throw new VersionConflictException(
                        UnitProblems.RESOURCE, id, current.get().rev());
            }
            Optional<UnitChange> change = decide.apply(current);
            if (change.isEmpty()) {
                return current;
            }
            Optional<Unit> written = write(current.orElse(null), change.get());
            if (written.isPresent()) {
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
        Unit after = change.after().settled().toBuilder()
                .rev(before == null ? 1 : before.rev() + 1)
                .build();
        List<EventEnvelope<?>> events = events(before, after, change);
        Document state = UnitDocuments.toDocument(after);
        boolean written = before == null
                ? writer.tryInsert(state, events)
                : writer.tryUpdate(after.id(), before.rev(), state, List.of(), events);
        if (!written) {
            return Optional.empty();
        }
        if (change.recorded() && history != null) {
            history.insert(after.id(), after.rev(), line(before, after, change));
        }
        return Optional.of(after);
    }

    private static HistoryEntry line(Unit before, Unit after, UnitChange change) {
        return new HistoryEntry(
                change.by().at(),
                change.by().actor(),
                change.action(),
                before == null ? null : before.state().wireName(),
                after.state().wireName(),
                change.oldText(),
                change.newText(),
                change.comment(),
                change.diff());
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
        CommandContext by = change.by();
        return payloads.stream()
                .<EventEnvelope<?>>map(payload ->
                        EventEnvelope.of(payload, after.id(), after.rev(), by.traceId(), by.actor(), by.at()))
                .toList();
    }

    private void visit(Bson filter, Consumer<Unit> visitor) {
        collection.find(filter).projection(withoutHistory()).forEach(doc -> visitor.accept(UnitDocuments.toUnit(doc)));
    }

    private static Bson withoutHistory() {
        List<String> hidden = new ArrayList<>(Outbox.fields());
        hidden.add(UnitFields.HISTORY);
        return Projections.exclude(hidden);
    }
}

package dev.hashi.events.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import dev.hashi.events.EventCodec;
import dev.hashi.events.EventEnvelope;

/**
 * A transactional outbox that needs no multi-document transaction: pending events travel inside the very
 * document whose change they describe, in the same single-document write. {@link OutboxRelay} later publishes
 * them in order and removes them.
 *
 * <p>A document with pending events carries {@value #EVENTS} (the events, oldest first) and {@value #SINCE}
 * (when the oldest was added). To delete a document without losing its last events, mark it with
 * {@link #deleteWhenRelayed()} instead; the relay removes it after publishing.
 */
public final class Outbox {

    static final String EVENTS = "_outbox";
    static final String SINCE = "_outboxSince";
    static final String LEASE = "_outboxLease";
    static final String DELETE_WHEN_RELAYED = "_deleteWhenRelayed";

    private final EventCodec codec;
    private final Clock clock;

    public Outbox(EventCodec codec, Clock clock) {
        this.codec = codec;
        this.clock = clock;
    }

    /** Creates the index the relay uses to find pending documents. Idempotent. */
    public static void prepare(MongoCollection<Document> collection) {
        collection.createIndex(
                Indexes.ascending(SINCE),
                new IndexOptions().name("outbox_pending").sparse(true));
    }

    /** An update that appends {@code events} to a document's outbox; combine it with the state change. */
    public Bson append(List<? extends EventEnvelope<?>> events) {
        return Updates.combine(
                Updates.pushEach(EVENTS, records(events)), Updates.min(SINCE, Date.from(clock.instant())));
    }

    /** {@code document} (a new one, about to be inserted) with {@code events} pending in its outbox. */
    public Document withEvents(Document document, List<? extends EventEnvelope<?>> events) {
        return document.append(EVENTS, records(events)).append(SINCE, Date.from(clock.instant()));
    }

    /** An update that marks a document for deletion once its pending events are published. */
    public static Bson deleteWhenRelayed() {
        return Updates.set(DELETE_WHEN_RELAYED, true);
    }

    /** The field names the outbox uses inside documents; exclude them from projections shown to users. */
    public static List<String> fields() {
        return List.of(EVENTS, SINCE, LEASE, DELETE_WHEN_RELAYED);
    }

    private List<Document> records(List<? extends EventEnvelope<?>> events) {
        List<Document> records = new ArrayList<>(events.size());
        for (EventEnvelope<?> event : events) {
            records.add(new Document("eventId", event.eventId().toString())
                    .append("topic", event.topic())
                    .append("key", event.aggregateId())
                    .append("type", event.type())
                    .append("traceId", event.traceId())
                    .append("value", new String(codec.encode(event), java.nio.charset.StandardCharsets.UTF_8)));
        }
        return records;
    }
}

package dev.hashi.events.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

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
    static final String QUARANTINE = "_outboxQuarantine";
    static final String FAILURE = "_outboxFailure";
    /** Field of a pending event holding the W3C trace context it was written under. */
    static final String TRACEPARENT = "traceparent";

    /** The default maximum size of one encoded event (512 KiB), well below Kafka's default 1 MiB request limit. */
    public static final int DEFAULT_MAX_EVENT_BYTES = 512 * 1024;

    private final EventCodec codec;
    private final Clock clock;
    private final int maxEventBytes;
    private final Supplier<String> traceContext;

    public Outbox(EventCodec codec, Clock clock) {
        this(codec, clock, DEFAULT_MAX_EVENT_BYTES);
    }

    /** @param maxEventBytes the largest encoded event a change may produce; larger ones are refused */
    public Outbox(EventCodec codec, Clock clock, int maxEventBytes) {
        this(codec, clock, maxEventBytes, () -> null);
    }

    /**
     * @param maxEventBytes the largest encoded event a change may produce; larger ones are refused
     * @param traceContext  the W3C {@code traceparent} of the work writing the events, or {@code null} when none;
     *                      stored with each event so the relay can put it on the record ({@link
     *                      dev.hashi.events.EventHeaders#TRACEPARENT})
     */
    public Outbox(EventCodec codec, Clock clock, int maxEventBytes, Supplier<String> traceContext) {
        this.codec = codec;
        this.clock = clock;
        this.maxEventBytes = maxEventBytes;
        this.traceContext = traceContext;
    }

    /** Creates the indexes the relay and its health check use to find pending and quarantined documents. Idempotent. */
    public static void prepare(MongoCollection<Document> collection) {
        collection.createIndex(
                Indexes.ascending(SINCE),
                new IndexOptions().name("outbox_pending").sparse(true));
        collection.createIndex(
                Indexes.ascending(QUARANTINE),
                new IndexOptions().name("outbox_quarantined").sparse(true));
    }

    /**
     * An update that appends {@code events} to a document's outbox; combine it with the state change.
     *
     * @throws EventTooLargeException when an event is larger than the maximum; nothing should then be written
     */
    public Bson append(List<? extends EventEnvelope<?>> events) {
        return Updates.combine(
                Updates.pushEach(EVENTS, records(events)), Updates.min(SINCE, Date.from(clock.instant())));
    }

    /**
     * {@code document} (a new one, about to be inserted) with {@code events} pending in its outbox.
     *
     * @throws EventTooLargeException when an event is larger than the maximum
     */
    public Document withEvents(Document document, List<? extends EventEnvelope<?>> events) {
        return document.append(EVENTS, records(events)).append(SINCE, Date.from(clock.instant()));
    }

    /** An update that marks a document for deletion once its pending events are published. */
    public static Bson deleteWhenRelayed() {
        return Updates.set(DELETE_WHEN_RELAYED, true);
    }

    /** The field names the outbox uses inside documents; exclude them from projections shown to users. */
    public static List<String> fields() {
        return List.of(EVENTS, SINCE, LEASE, DELETE_WHEN_RELAYED, QUARANTINE, FAILURE);
    }

    private List<Document> records(List<? extends EventEnvelope<?>> events) {
        List<Document> records = new ArrayList<>(events.size());
        String traceparent = traceContext.get();
        for (EventEnvelope<?> event : events) {
            byte[] encoded = codec.encode(event);
            if (encoded.length > maxEventBytes) {
                throw new EventTooLargeException(event.type(), encoded.length, maxEventBytes);
            }
            records.add(new Document("eventId", event.eventId().toString())
                    .append("topic", event.topic())
                    .append("key", event.aggregateId())
                    .append("type", event.type())
                    .append("traceId", event.traceId())
                    .append("value", new String(encoded, java.nio.charset.StandardCharsets.UTF_8)));
            if (traceparent != null) {
                records.get(records.size() - 1).append(TRACEPARENT, traceparent);
            }
        }
        return records;
    }
}

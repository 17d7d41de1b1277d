package dev.hashi.events.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import dev.hashi.events.EventHeaders;

/**
 * Publishes the events pending in one collection's documents (see {@link Outbox}) to Kafka and removes them.
 *
 * <p>Safe with several replicas: a relay first leases a document (a compare-and-set on the document itself), so
 * only one relay publishes a given document's events at a time and their order is kept. A relay that dies after
 * sending but before removing leaves the events in place; once the lease expires another relay sends them again.
 * Delivery is therefore at-least-once and consumers deduplicate on {@code eventId}.
 *
 * <p>A document whose events fail is set aside without holding up the others: retried with back-off, and
 * quarantined ({@code _outboxQuarantine} with the error) when Kafka can never accept its event or after
 * {@value #MAX_ATTEMPTS} attempts. Quarantined documents show in health and metrics until {@link #release}d.
 */
public final class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Failed attempts (with back-off) before a document is quarantined. */
    static final int MAX_ATTEMPTS = 10;

    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final MongoCollection<Document> collection;
    private final Producer<String, byte[]> producer;
    private final String owner;
    private final Duration lease;
    private final Clock clock;
    private final RecordTracing tracing;

    /**
     * @param producer an idempotent producer ({@code enable.idempotence=true}, {@code acks=all})
     * @param owner    a name unique to this relay instance (host and process)
     * @param lease    how long a claimed document stays reserved for this relay
     */
    public OutboxRelay(
            MongoCollection<Document> collection,
            Producer<String, byte[]> producer,
            String owner,
            Duration lease,
            Clock clock) {
        this(collection, producer, owner, lease, clock, RecordTracing.PASS_THROUGH);
    }

    /** @param tracing puts each event's stored trace context on its record (see {@link RecordTracing}) */
    public OutboxRelay(
            MongoCollection<Document> collection,
            Producer<String, byte[]> producer,
            String owner,
            Duration lease,
            Clock clock,
            RecordTracing tracing) {
        this.collection = collection;
        this.producer = producer;
        this.owner = owner;
        this.lease = lease;
        this.clock = clock;
        this.tracing = tracing;
    }

    /**
     * Publishes the pending events of up to {@code maxDocuments} documents. A document whose events fail is set
     * aside (retried later with back-off, or quarantined when Kafka can never take its event) and the pass goes on
     * with the next one, so one bad document never holds up the others.
     *
     * @return the number of events published
     */
    public int relayOnce(int maxDocuments) {
        int published = 0;
        for (int i = 0; i < maxDocuments; i++) {
            Document claimed = claim();
            if (claimed == null) {
                break;
            }
            published += publish(claimed);
        }
        return published;
    }

    /**
     * Publishes the pending events of one document, found by its id (a cheap lookup), e.g. right after writing it.
     *
     * @return the number of events published; 0 when it has none, another relay holds it, or it is set aside
     */
    public int relayDocument(Object id) {
        Document claimed = claim(Filters.eq("_id", id));
        return claimed == null ? 0 : publish(claimed);
    }

    /** How many documents of this collection are quarantined (their events cannot be published). */
    public long quarantined() {
        return collection.countDocuments(Filters.exists(Outbox.QUARANTINE));
    }

    /** The quarantined documents' ids with the error that set each aside, oldest first, at most {@code limit}. */
    public List<Document> quarantine(int limit) {
        return collection
                .find(Filters.exists(Outbox.QUARANTINE))
                .projection(new Document("_id", 1).append(Outbox.QUARANTINE, 1))
                .sort(Sorts.ascending(Outbox.SINCE))
                .limit(limit)
                .into(new ArrayList<>());
    }

    /** Puts a quarantined document back in line (after the cause was fixed, e.g. the broker's limit raised). */
    public boolean release(Object id) {
        return collection
                        .updateOne(
                                Filters.eq("_id", id),
                                Updates.combine(Updates.unset(Outbox.QUARANTINE), Updates.unset(Outbox.FAILURE)))
                        .getModifiedCount()
                > 0;
    }

    private Document claim() {
        return claim(Filters.exists(Outbox.SINCE));
    }

    private Document claim(Bson which) {
        Date now = Date.from(clock.instant());
        Bson claimable = Filters.and(
                which,
                Filters.exists(Outbox.SINCE),
                Filters.exists(Outbox.QUARANTINE, false),
                Filters.or(Filters.exists(Outbox.FAILURE, false), Filters.lt(Outbox.FAILURE + ".retryAt", now)),
                Filters.or(Filters.exists(Outbox.LEASE, false), Filters.lt(Outbox.LEASE + ".until", now)));
        Bson take = Updates.set(
                Outbox.LEASE,
                new Document("owner", owner)
                        .append("until", Date.from(clock.instant().plus(lease))));
        return collection.findOneAndUpdate(
                claimable,
                take,
                new FindOneAndUpdateOptions()
                        .sort(Sorts.ascending(Outbox.SINCE))
                        .returnDocument(ReturnDocument.AFTER));
    }

    /**
     * Sends the document's events one at a time, each only after Kafka acknowledged the one before, so their order
     * holds and a failure leaves exactly the unacknowledged ones pending: what Kafka acknowledged is removed and
     * never sent again.
     */
    private int publish(Document document) {
        Object id = document.get("_id");
        List<Document> events = document.getList(Outbox.EVENTS, Document.class, List.of());
        List<String> acknowledged = new ArrayList<>(events.size());
        Throwable failure = null;
        for (Document event : events) {
            ProducerRecord<String, byte[]> record = record(event);
            RecordTracing.Sent sent = tracing.sending(record, event.getString(Outbox.TRACEPARENT));
            try {
                producer.send(record).get();
                acknowledged.add(event.getString("eventId"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
            } catch (ExecutionException e) {
                failure = e.getCause() == null ? e : e.getCause();
            } catch (RuntimeException e) {
                failure = e;
            }
            sent.done(failure);
            if (failure != null) {
                break;
            }
        }
        Bson mine = Filters.and(Filters.eq("_id", id), Filters.eq(Outbox.LEASE + ".owner", owner));
        List<Bson> updates = new ArrayList<>();
        if (!acknowledged.isEmpty()) {
            updates.add(new Document(
                    "$pull", new Document(Outbox.EVENTS, new Document("eventId", new Document("$in", acknowledged)))));
        }
        updates.add(Updates.unset(Outbox.LEASE));
        if (failure == null) {
            updates.add(Updates.unset(Outbox.FAILURE));
        } else {
            updates.add(setAside(document, failure));
        }
        collection.updateOne(mine, Updates.combine(updates));
        if (failure != null) {
            log.warn(
                    "outbox of {} set aside after {} of {} event(s): {}",
                    id,
                    acknowledged.size(),
                    events.size(),
                    failure.toString());
            return acknowledged.size();
        }
        Bson drained = Filters.and(Filters.eq("_id", id), Filters.size(Outbox.EVENTS, 0));
        collection.updateOne(drained, Updates.combine(Updates.unset(Outbox.SINCE), Updates.unset(Outbox.EVENTS)));
        collection.deleteOne(Filters.and(
                Filters.eq("_id", id),
                Filters.exists(Outbox.EVENTS, false),
                Filters.eq(Outbox.DELETE_WHEN_RELAYED, true)));
        log.debug("relayed {} event(s) of {}", acknowledged.size(), id);
        return acknowledged.size();
    }

    /**
     * Quarantine for failures Kafka will never accept (a record too large, an invalid topic, an unserializable
     * record) or after {@link #MAX_ATTEMPTS}; otherwise a retry after an exponential back-off.
     */
    private Bson setAside(Document document, Throwable failure) {
        Document previous = document.get(Outbox.FAILURE, Document.class);
        int attempts = (previous == null ? 0 : previous.getInteger("attempts", 0)) + 1;
        String error = failure.getClass().getName() + ": " + failure.getMessage();
        Date now = Date.from(clock.instant());
        if (isPermanent(failure) || attempts >= MAX_ATTEMPTS) {
            return Updates.combine(
                    Updates.set(
                            Outbox.QUARANTINE,
                            new Document("error", error).append("at", now).append("attempts", attempts)),
                    Updates.unset(Outbox.FAILURE));
        }
        long backoff = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(attempts - 1, 16));
        return Updates.set(
                Outbox.FAILURE,
                new Document("attempts", attempts)
                        .append("error", error)
                        .append("at", now)
                        .append("retryAt", Date.from(clock.instant().plusMillis(backoff))));
    }

    private static boolean isPermanent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordTooLargeException
                    || cause instanceof InvalidTopicException
                    || cause instanceof SerializationException) {
                return true;
            }
        }
        return false;
    }

    private static ProducerRecord<String, byte[]> record(Document event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                event.getString("topic"),
                event.getString("key"),
                event.getString("value").getBytes(StandardCharsets.UTF_8));
        record.headers().add(new RecordHeader(EventHeaders.EVENT_ID, bytes(event.getString("eventId"))));
        record.headers().add(new RecordHeader(EventHeaders.EVENT_TYPE, bytes(event.getString("type"))));
        String traceId = event.getString("traceId");
        if (traceId != null) {
            record.headers().add(new RecordHeader(EventHeaders.REQUEST_ID, bytes(traceId)));
        }
        return record;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

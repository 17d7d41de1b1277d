package dev.hashi.events.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
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

/**
 * Publishes the events pending in one collection's documents (see {@link Outbox}) to Kafka and removes them.
 *
 * <p>Safe with several replicas: a relay first leases a document (a compare-and-set on the document itself), so
 * only one relay publishes a given document's events at a time and their order is kept. A relay that dies after
 * sending but before removing leaves the events in place; once the lease expires another relay sends them again.
 * Delivery is therefore at-least-once and consumers deduplicate on {@code eventId}.
 */
public final class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoCollection<Document> collection;
    private final Producer<String, byte[]> producer;
    private final String owner;
    private final Duration lease;
    private final Clock clock;

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
        this.collection = collection;
        this.producer = producer;
        this.owner = owner;
        this.lease = lease;
        this.clock = clock;
    }

    /**
     * Publishes the pending events of up to {@code maxDocuments} documents.
     *
     * @return the number of events published
     * @throws OutboxRelayException when Kafka refuses or times out; the events stay pending
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
     * @return the number of events published; 0 when it has none or another relay holds it
     * @throws OutboxRelayException when Kafka refuses or times out; the events stay pending
     */
    public int relayDocument(Object id) {
        Document claimed = claim(Filters.eq("_id", id));
        return claimed == null ? 0 : publish(claimed);
    }

    private Document claim() {
        return claim(Filters.exists(Outbox.SINCE));
    }

    private Document claim(Bson which) {
        Date now = Date.from(clock.instant());
        Bson claimable = Filters.and(
                which,
                Filters.exists(Outbox.SINCE),
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

    private int publish(Document document) {
        Object id = document.get("_id");
        List<Document> events = document.getList(Outbox.EVENTS, Document.class, List.of());
        List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
        List<String> eventIds = new ArrayList<>(events.size());
        try {
            for (Document event : events) {
                sent.add(producer.send(record(event)));
                eventIds.add(event.getString("eventId"));
            }
            for (Future<RecordMetadata> future : sent) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            release(id);
            throw new OutboxRelayException("interrupted while publishing outbox of " + id, e);
        } catch (ExecutionException | RuntimeException e) {
            release(id);
            throw new OutboxRelayException("publishing outbox of " + id + " failed", e);
        }
        Bson mine = Filters.and(Filters.eq("_id", id), Filters.eq(Outbox.LEASE + ".owner", owner));
        collection.updateOne(
                mine,
                Updates.combine(
                        new Document(
                                "$pull",
                                new Document(Outbox.EVENTS, new Document("eventId", new Document("$in", eventIds)))),
                        Updates.unset(Outbox.LEASE)));
        Bson drained = Filters.and(Filters.eq("_id", id), Filters.size(Outbox.EVENTS, 0));
        collection.updateOne(drained, Updates.combine(Updates.unset(Outbox.SINCE), Updates.unset(Outbox.EVENTS)));
        collection.deleteOne(Filters.and(
                Filters.eq("_id", id),
                Filters.exists(Outbox.EVENTS, false),
                Filters.eq(Outbox.DELETE_WHEN_RELAYED, true)));
        log.debug("relayed {} event(s) of {}", eventIds.size(), id);
        return eventIds.size();
    }

    private void release(Object id) {
        collection.updateOne(
                Filters.and(Filters.eq("_id", id), Filters.eq(Outbox.LEASE + ".owner", owner)),
                Updates.unset(Outbox.LEASE));
    }

    private static ProducerRecord<String, byte[]> record(Document event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                event.getString("topic"),
                event.getString("key"),
                event.getString("value").getBytes(StandardCharsets.UTF_8));
        record.headers().add(new RecordHeader("eventId", bytes(event.getString("eventId"))));
        record.headers().add(new RecordHeader("eventType", bytes(event.getString("type"))));
        String traceId = event.getString("traceId");
        if (traceId != null) {
            record.headers().add(new RecordHeader("traceId", bytes(traceId)));
        }
        return record;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

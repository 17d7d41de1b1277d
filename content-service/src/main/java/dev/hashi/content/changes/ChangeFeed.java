package dev.hashi.content.changes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import dev.hashi.events.EventCodec;
import dev.hashi.events.EventEnvelope;
import dev.hashi.events.PoisonEventException;
import dev.hashi.events.content.ContentEntryDeleted;
import dev.hashi.events.content.ContentEntryPublished;
import dev.hashi.events.content.ContentEntryUnpublished;
import dev.hashi.problem.ProblemCodes;
import dev.hashi.service.error.UnavailableException;

/**
 * Reads the change feed from the content topic by offsets, with one long-lived Kafka consumer per process that
 * calls take turns on: each call assigns every partition (no consumer group, nothing committed), seeks to the
 * cursor, merges the partitions up to their end offsets as the call began, and stops at {@code limit} changes.
 */
final class ChangeFeed implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final String topic;
    private final EventCodec codec;
    private final ChangesProperties settings;
    private final ReentrantLock lock = new ReentrantLock();

    private Consumer<String, byte[]> consumer;
    private List<TopicPartition> assigned = List.of();

    ChangeFeed(
            Supplier<Consumer<String, byte[]>> consumers, String topic, EventCodec codec, ChangesProperties settings) {
        this.consumers = consumers;
        this.topic = topic;
        this.codec = codec;
        this.settings = settings;
    }

    /**
     * The changes after {@code since}, at most {@code limit}.
     *
     * @throws dev.hashi.service.error.InvalidInputException naming {@code since} (code {@code range}) when the
     *     cursor names a partition the topic does not have or an offset past a partition's end
     * @throws UnavailableException {@code downstream.unavailable} when the broker does not answer in time
     */
    ChangePage read(ChangeCursor since, int limit) {
        try {
            if (!lock.tryLock(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw unavailable("The change feed is busy; try again.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("The change feed was interrupted; try again.");
        }
        try {
            return readLocked(since, limit);
        } catch (KafkaException e) {
            closeConsumer();
            throw unavailable("The event log could not be read: " + e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    private ChangePage readLocked(ChangeCursor since, int limit) {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        Consumer<String, byte[]> kafka = consumer();
        List<TopicPartition> partitions = partitions(kafka);
        if (!partitions.equals(assigned)) {
            kafka.assign(partitions);
            assigned = partitions;
        }
        Map<TopicPartition, Long> begin = kafka.beginningOffsets(partitions, settings.timeout());
        Map<TopicPartition, Long> ends = kafka.endOffsets(partitions, settings.timeout());
        Map<Integer, Long> start = new TreeMap<>();
        Map<Integer, Long> end = new TreeMap<>();
        for (TopicPartition p : partitions) {
            long first = begin.get(p);
            long last = ends.get(p);
            long from = Math.max(first, since.offsets().getOrDefault(p.partition(), first));
            if (from > last) {
                throw ChangeCursor.invalid(
                        ProblemCodes.FIELD_RANGE,
                        "The cursor is past the end of the event log; start again without it.",
                        null);
            }
            start.put(p.partition(), from);
            end.put(p.partition(), last);
        }
        Set<Integer> unknown = new HashSet<>(since.offsets().keySet());
        unknown.removeAll(start.keySet());
        if (!unknown.isEmpty()) {
            throw ChangeCursor.invalid(
                    ProblemCodes.FIELD_RANGE,
                    "The cursor names partitions the event log does not have; start again without it.",
                    null);
        }
        kafka.resume(kafka.paused());
        partitions.forEach(p -> kafka.seek(p, start.get(p.partition())));

        Scan scan = new Scan(start, end);
        List<Change> items = new ArrayList<>();
        int scanned = 0;
        while (!scan.advance(items, limit) && scanned < settings.maxScan() && System.nanoTime() < deadline) {
            Set<Integer> starving = scan.starving();
            List<TopicPartition> pause = new ArrayList<>();
            List<TopicPartition> resume = new ArrayList<>();
            partitions.forEach(p -> (starving.contains(p.partition()) ? resume : pause).add(p));
            kafka.pause(pause);
            kafka.resume(resume);
            for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
                scan.add(read(record));
                scanned++;
            }
            for (TopicPartition p : resume) {
                scan.fetchedUpTo(p.partition(), kafka.position(p, settings.timeout()));
            }
        }
        return new ChangePage(items, scan.cursor().encode(), scan.hasMore());
    }

    private Scan.Read read(ConsumerRecord<String, byte[]> record) {
        Change change = null;
        try {
            change = change(codec.decode(record.value()));
        } catch (PoisonEventException e) {
            // not an event this feed can read: skipped, and the cursor moves past it
        }
        return new Scan.Read(
                record.partition(),
                record.offset(),
                change == null ? java.time.Instant.ofEpochMilli(record.timestamp()) : change.at(),
                change);
    }

    /** The change an event states, {@code null} for events that change no delivered content. */
    static Change change(EventEnvelope<?> event) {
        long version = event.aggregateVersion();
        if (event.payload() instanceof ContentEntryPublished p) {
            return new Change(
                    Change.PUBLISHED, p.entryId(), p.contentType(), p.locale(), p.slug(), version, event.occurredAt());
        }
        if (event.payload() instanceof ContentEntryUnpublished u) {
            return new Change(
                    Change.UNPUBLISHED, u.entryId(), u.contentType(), u.locale(), null, version, event.occurredAt());
        }
        if (event.payload() instanceof ContentEntryDeleted d) {
            return new Change(Change.DELETED, d.entryId(), d.contentType(), null, null, version, event.occurredAt());
        }
        return null;
    }

    private List<TopicPartition> partitions(Consumer<String, byte[]> kafka) {
        List<PartitionInfo> infos = kafka.partitionsFor(topic, settings.timeout());
        if (infos == null || infos.isEmpty()) {
            throw unavailable("The event log " + topic + " has no partitions yet.");
        }
        return infos.stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .sorted(java.util.Comparator.comparingInt(TopicPartition::partition))
                .toList();
    }

    private Consumer<String, byte[]> consumer() {
        if (consumer == null) {
            consumer = consumers.get();
            assigned = List.of();
        }
        return consumer;
    }

    private void closeConsumer() {
        if (consumer != null) {
            try {
                consumer.close(Duration.ZERO);
            } catch (KafkaException e) {
                // already broken; a new one is made on the next call
            }
            consumer = null;
        }
    }

    private static UnavailableException unavailable(String detail) {
        return new UnavailableException(ProblemCodes.DOWNSTREAM_UNAVAILABLE, detail);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closeConsumer();
        } finally {
            lock.unlock();
        }
    }
}

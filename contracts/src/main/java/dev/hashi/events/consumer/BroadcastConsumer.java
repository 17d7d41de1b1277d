package dev.hashi.events.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.hashi.events.EventCodec;
import dev.hashi.events.EventEnvelope;
import dev.hashi.events.PoisonEventException;

/**
 * Reads every partition of some topics in every process that runs one, without a consumer group: each replica of a
 * service sees every event, which is what in-memory caches need to stay current (a group would hand each event to
 * one replica only).
 *
 * <p>It starts at the end of the log and calls {@code onReset} before reading, and again whenever it starts over
 * after a failure: events written while it was not reading are not replayed, so whoever keeps state from them must
 * drop it on a reset. Undecodable records are skipped. It commits nothing.
 */
public final class BroadcastConsumer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BroadcastConsumer.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RETRY = Duration.ofSeconds(2);
    private static final Duration PARTITION_CHECK = Duration.ofSeconds(30);

    private final String name;
    private final Supplier<org.apache.kafka.clients.consumer.Consumer<String, byte[]>> consumers;
    private final List<String> topics;
    private final EventCodec codec;
    private final Consumer<EventEnvelope<?>> listener;
    private final Runnable onReset;

    private volatile boolean running;
    private volatile boolean reading;
    private volatile org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer;
    private Thread thread;

    /**
     * @param name      names the reading thread and the log lines
     * @param consumers makes a Kafka consumer (no group needed); {@link #consumerProperties} gives the settings
     * @param topics    the topics read, every partition
     * @param codec     decodes record values
     * @param listener  told each event, on the reading thread, in partition order
     * @param onReset   told before reading starts (again); state built from earlier events must be dropped
     */
    public BroadcastConsumer(
            String name,
            Supplier<org.apache.kafka.clients.consumer.Consumer<String, byte[]>> consumers,
            Collection<String> topics,
            EventCodec codec,
            Consumer<EventEnvelope<?>> listener,
            Runnable onReset) {
        this.name = Objects.requireNonNull(name);
        this.consumers = Objects.requireNonNull(consumers);
        this.topics = List.copyOf(topics);
        this.codec = Objects.requireNonNull(codec);
        this.listener = Objects.requireNonNull(listener);
        this.onReset = Objects.requireNonNull(onReset);
    }

    /** A consumer for {@code bootstrapServers} reading without a group and committing nothing. */
    public static org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer(String bootstrapServers) {
        return new KafkaConsumer<>(
                consumerProperties(bootstrapServers), new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Settings for a consumer without a group that commits nothing. */
    public static Properties consumerProperties(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        return props;
    }

    /** Starts reading on a daemon thread. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::readForever, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether it is reading: every partition assigned and positioned. */
    public boolean isReading() {
        return reading;
    }

    private void readForever() {
        while (running) {
            try {
                read();
            } catch (WakeupException stopping) {
                log.debug("{} woken up", name);
            } catch (RuntimeException e) {
                log.warn("{} failed; starting over in {} ms: {}", name, RETRY.toMillis(), e.toString());
            } finally {
                reading = false;
            }
            if (running) {
                sleep(RETRY);
            }
        }
    }

    private void read() {
        try (org.apache.kafka.clients.consumer.Consumer<String, byte[]> kafka = consumers.get()) {
            consumer = kafka;
            List<TopicPartition> partitions = partitions(kafka);
            while (running && partitions.isEmpty()) {
                sleep(RETRY);
                partitions = partitions(kafka);
            }
            kafka.assign(partitions);
            kafka.seekToEnd(partitions);
            partitions.forEach(kafka::position);
            onReset.run();
            reading = true;
            long checked = System.nanoTime();
            while (running) {
                for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
                    deliver(record);
                }
                if (System.nanoTime() - checked > PARTITION_CHECK.toNanos()) {
                    checked = System.nanoTime();
                    if (!partitions(kafka).equals(partitions)) {
                        log.info("{}: partitions changed; starting over", name);
                        return;
                    }
                }
            }
        } finally {
            consumer = null;
        }
    }

    private List<TopicPartition> partitions(org.apache.kafka.clients.consumer.Consumer<String, byte[]> kafka) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = kafka.partitionsFor(topic, Duration.ofSeconds(5));
            if (infos == null || infos.isEmpty()) {
                return List.of();
            }
            infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        partitions.sort((a, b) -> a.topic().equals(b.topic())
                ? Integer.compare(a.partition(), b.partition())
                : a.topic().compareTo(b.topic()));
        return partitions;
    }

    private void deliver(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<?> event;
        try {
            event = codec.decode(record.value());
        } catch (PoisonEventException | NullPointerException e) {
            log.debug(
                    "{} skips an undecodable record at {}-{}@{}",
                    name,
                    record.topic(),
                    record.partition(),
                    record.offset());
            return;
        }
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            log.error("{}: listener failed on {} {}", name, event.type(), event.aggregateId(), e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        org.apache.kafka.clients.consumer.Consumer<String, byte[]> reading = consumer;
        if (reading != null) {
            reading.wakeup();
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

package dev.hashi.service.observability;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The lag of each consumer group of this service's listeners, per partition: the partition's end offset minus the
 * group's committed offset, as the gauge {@code hashi.kafka.consumer.lag} tagged with group, topic and partition. A
 * background thread reads it from the broker every {@code cms.observability.lag-interval}; a scrape reads the last
 * value. While the broker cannot be asked the lag is unknown and every gauge reads NaN.
 */
final class ConsumerLag implements SmartLifecycle {

    static final String METRIC = "hashi.kafka.consumer.lag";
    private static final Logger log = LoggerFactory.getLogger(ConsumerLag.class);

    private final Admin admin;
    private final Supplier<Set<String>> groups;
    private final MeterRegistry registry;
    private final Duration interval;
    private final long timeoutMillis;
    private final Map<Key, Value> values = new ConcurrentHashMap<>();
    private volatile boolean reachable = true;
    private ScheduledExecutorService executor;

    private record Key(String group, TopicPartition partition) {}

    private static final class Value {
        private volatile double lag = Double.NaN;
    }

    /**
     * @param groups  the consumer groups to watch, asked again at every refresh
     * @param timeout longest wait for each answer of the broker; past it the lag is unknown
     */
    ConsumerLag(
            Admin admin, Supplier<Set<String>> groups, MeterRegistry registry, Duration interval, Duration timeout) {
        this.admin = admin;
        this.groups = groups;
        this.registry = registry;
        this.interval = interval;
        this.timeoutMillis = timeout.toMillis();
    }

    /** Reads the lag of every group now; on failure every known partition's lag becomes unknown (NaN). */
    void refresh() {
        try {
            for (String group : groups.get()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get(timeoutMillis, TimeUnit.MILLISECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                        admin.listOffsets(latest).all().get(timeoutMillis, TimeUnit.MILLISECONDS);
                committed.forEach((partition, offset) -> {
                    ListOffsetsResult.ListOffsetsResultInfo end = ends.get(partition);
                    if (offset != null && end != null) {
                        value(group, partition).lag = Math.max(0, end.offset() - offset.offset());
                    }
                });
            }
            reachable = true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (reachable) {
                log.warn("consumer lag unknown, the broker did not answer: {}", e.toString());
            }
            reachable = false;
            values.values().forEach(value -> value.lag = Double.NaN);
        }
    }

    /** The group ids of the listener containers in {@code listeners}. */
    static Set<String> groupsOf(KafkaListenerEndpointRegistry listeners) {
        Set<String> groups = new LinkedHashSet<>();
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            if (container.getGroupId() != null) {
                groups.add(container.getGroupId());
            }
        }
        return groups;
    }

    private Value value(String group, TopicPartition partition) {
        return values.computeIfAbsent(new Key(group, partition), key -> {
            Value value = new Value();
            Gauge.builder(METRIC, value, v -> v.lag)
                    .tag("group", group)
                    .tag("topic", partition.topic())
                    .tag("partition", String.valueOf(partition.partition()))
                    .description("records in the partition the group has not committed yet; NaN while unknown")
                    .register(registry);
            return value;
        });
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "consumer-lag");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
        admin.close(Duration.ofSeconds(2));
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}

package dev.hashi.translation.rebuild;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.hashi.events.EventCodec;
import dev.hashi.events.EventEnvelope;
import dev.hashi.events.PoisonEventException;
import dev.hashi.events.Topics;
import dev.hashi.service.error.ConflictException;

/** Reads the content topic from its beginning up to the end offsets seen when the replay starts. */
final class TopicReplay {

    private static final Logger log = LoggerFactory.getLogger(TopicReplay.class);

    private TopicReplay() {}

    /** Feeds every decodable event to {@code sink}; returns how many were fed. Poison records are skipped. */
    static long replay(String bootstrapServers, EventCodec codec, Duration idle, Consumer<EventEnvelope<?>> sink) {
        return replay(bootstrapServers, Topics.CONTENT, codec, idle, sink);
    }

    /**
     * Replays {@code topic}.
     *
     * @throws ConflictException {@code rebuild.history-incomplete} before anything is fed when a partition no longer
     *     starts at offset 0 (retention or deletion dropped its first records), naming the first offsets
     */
    static long replay(
            String bootstrapServers, String topic, EventCodec codec, Duration idle, Consumer<EventEnvelope<?>> sink) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "translation-rebuild-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
        long fed = 0;
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> first = consumer.beginningOffsets(partitions);
            if (first.values().stream().anyMatch(offset -> offset > 0)) {
                throw new ConflictException(
                                "rebuild.history-incomplete",
                                "The topic " + topic + " no longer holds its whole history; rebuild from the snapshot.")
                        .with(
                                "firstOffsets",
                                first.entrySet().stream()
                                        .collect(java.util.stream.Collectors.toMap(
                                                e -> String.valueOf(e.getKey().partition()), Map.Entry::getValue)));
            }
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant lastProgress = Instant.now();
            while (!reached(consumer, end)) {
                boolean progressed = false;
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    progressed = true;
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    try {
                        sink.accept(codec.decode(record.value()));
                        fed++;
                    } catch (PoisonEventException e) {
                        log.warn(
                                "rebuild skips undecodable record {}@{}: {}",
                                record.partition(),
                                record.offset(),
                                e.getMessage());
                    }
                }
                if (progressed) {
                    lastProgress = Instant.now();
                } else if (Duration.between(lastProgress, Instant.now()).compareTo(idle) > 0) {
                    throw new IllegalStateException("content topic replay stalled before its end");
                }
            }
        }
        return fed;
    }

    private static boolean reached(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}

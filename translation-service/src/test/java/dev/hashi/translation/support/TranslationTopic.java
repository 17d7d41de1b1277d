package dev.hashi.translation.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.hashi.embedded.SharedInfra;
import dev.hashi.events.EventCodec;
import dev.hashi.events.EventEnvelope;
import dev.hashi.events.Topics;

/** Reads the translation topic from the beginning, as another service would. */
public final class TranslationTopic {

    private TranslationTopic() {}

    /** Every event with key {@code unitId} seen within {@code wait}, once one matching {@code until} arrived. */
    public static List<EventEnvelope<?>> await(
            EventCodec codec, String unitId, Predicate<EventEnvelope<?>> until, Duration wait) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<EventEnvelope<?>> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.TRANSLATION));
            Instant deadline = Instant.now().plus(wait);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (unitId.equals(record.key())) {
                        EventEnvelope<?> event = codec.decode(record.value());
                        seen.add(event);
                        if (until.test(event)) {
                            return seen;
                        }
                    }
                }
            }
        }
        throw new AssertionError("no matching event for " + unitId + " within " + wait + "; saw " + seen);
    }
}

package dev.hashi.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.hashi.embedded.SharedInfra;
import dev.hashi.events.EventCodec;
import dev.hashi.events.EventEnvelope;

/** Raw access to the tests' real broker: send an envelope as another service would, read a topic's envelopes for one key. */
public final class KafkaProbe {

    public static final EventCodec CODEC = EventCodec.standard();

    private KafkaProbe() {}

    /** Publishes {@code event} to its topic, keyed by its aggregate id, and waits for the broker's acknowledgement. */
    public static void send(EventEnvelope<?> event) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(event.topic(), event.aggregateId(), CODEC.encode(event)))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The envelopes with {@code key} on {@code topic}, read from the start until {@code done} holds for the list
     * read so far or {@code wait} passes (then the list as it is).
     */
    public static List<EventEnvelope<?>> read(
            String topic, String key, Predicate<List<EventEnvelope<?>>> done, Duration wait) {
        List<EventEnvelope<?>> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfra.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            Instant until = Instant.now().plus(wait);
            while (Instant.now().isBefore(until) && !done.test(events)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        events.add(CODEC.decode(record.value()));
                    }
                }
            }
        }
        return events;
    }

    /** {@link #read(String, String, Predicate, Duration)} waiting up to 20 s. */
    public static List<EventEnvelope<?>> read(String topic, String key, Predicate<List<EventEnvelope<?>>> done) {
        return read(topic, key, done, Duration.ofSeconds(20));
    }

    /** Waits for the first envelope with {@code key} on {@code topic} matching {@code until}; fails after {@code wait}. */
    public static List<EventEnvelope<?>> await(
            String topic, String key, Predicate<EventEnvelope<?>> until, Duration wait) {
        List<EventEnvelope<?>> seen = read(topic, key, events -> events.stream().anyMatch(until), wait);
        if (seen.stream().noneMatch(until)) {
            throw new AssertionError(
                    "no matching event for " + key + " on " + topic + " within " + wait + "; saw " + seen);
        }
        return seen;
    }
}

package dev.hashi.events.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import dev.hashi.embedded.SharedInfra;
import dev.hashi.events.EventCodec;
import dev.hashi.events.EventEnvelope;
import dev.hashi.events.content.ContentEntryPublished;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two readers of one topic each see every event, from the end of the log, skipping what they cannot decode. */
class BroadcastConsumerTest {

    private final EventCodec codec = EventCodec.standard();

    @Test
    void everyReaderSeesEveryEventWrittenAfterItStarted() throws Exception {
        String bootstrap = SharedInfra.kafka().bootstrapServers();
        String topic = "broadcast-test-" + System.nanoTime();
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (AdminClient client = AdminClient.create(admin)) {
            client.createTopics(List.of(new NewTopic(topic, 3, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "e-old", codec.encode(published("e-old", 1))))
                    .get();
            List<String> first = new CopyOnWriteArrayList<>();
            List<String> second = new CopyOnWriteArrayList<>();
            AtomicInteger resets = new AtomicInteger();
            try (BroadcastConsumer a = reader(bootstrap, topic, first, resets);
                    BroadcastConsumer b = reader(bootstrap, topic, second, resets)) {
                a.start();
                b.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> a.isReading() && b.isReading());
                producer.send(new ProducerRecord<>(topic, "junk", "not an event".getBytes()))
                        .get();
                for (int i = 1; i <= 5; i++) {
                    producer.send(new ProducerRecord<>(topic, "e-" + i, codec.encode(published("e-" + i, i))))
                            .get();
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> first.size() == 5 && second.size() == 5);
                assertThat(first).containsExactlyInAnyOrder("e-1", "e-2", "e-3", "e-4", "e-5");
                assertThat(second).containsExactlyInAnyOrderElementsOf(first);
                assertThat(resets).hasValue(2);
            }
        }
    }

    private BroadcastConsumer reader(String bootstrap, String topic, List<String> seen, AtomicInteger resets) {
        return new BroadcastConsumer(
                "test-" + topic,
                () -> BroadcastConsumer.consumer(bootstrap),
                List.of(topic),
                codec,
                event -> seen.add(event.aggregateId()),
                resets::incrementAndGet);
    }

    private static EventEnvelope<ContentEntryPublished> published(String id, long version) {
        return EventEnvelope.of(
                new ContentEntryPublished(id, "event-page", "en", version, "slug-" + id),
                id,
                version,
                null,
                "system",
                Instant.parse("2003-10-28T01:00:00Z"));
    }
}

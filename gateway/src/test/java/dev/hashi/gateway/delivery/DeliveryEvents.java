package dev.hashi.gateway.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.hashi.embedded.SharedInfra;
import dev.hashi.events.EventCodec;
import dev.hashi.events.EventEnvelope;
import dev.hashi.events.EventPayload;
import dev.hashi.events.Topics;
import dev.hashi.events.content.ContentEntryPublished;

/** Produces delivery events to the shared broker, as content-service's outbox relay does. */
final class DeliveryEvents {

    private static final EventCodec CODEC = EventCodec.standard();

    private DeliveryEvents() {}

    /** Creates the content and media topics if they do not exist yet. */
    static void createTopics() throws Exception {
        Properties props = new Properties();
        props.put(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.kafka().bootstrapServers());
        try (AdminClient admin = AdminClient.create(props)) {
            for (String topic : List.of(Topics.CONTENT, Topics.MEDIA)) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1)))
                            .all()
                            .get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    /** {@code content.entry.published} of {@code entryId} at {@code version}. */
    static void published(String entryId, String contentType, long version) throws Exception {
        send(new ContentEntryPublished(entryId, contentType, "en", version, "slug-" + entryId), entryId, version);
    }

    static void send(EventPayload payload, String aggregateId, long version) throws Exception {
        EventEnvelope<?> event = EventEnvelope.of(payload, aggregateId, version, null, "system", Instant.now());
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfra.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all");
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(event.topic(), aggregateId, CODEC.encode(event)))
                    .get(10, TimeUnit.SECONDS);
        }
    }
}

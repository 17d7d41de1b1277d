package dev.hashi.service.observability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import dev.hashi.embedded.SharedInfra;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerLagTest {

    private final String bootstrap = SharedInfra.kafka().bootstrapServers();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void lagIsTheRecordsAfterTheGroupsCommittedOffsetPerPartitionAndUnknownWhenTheBrokerDoesNotAnswer()
            throws Exception {
        String topic = "lag-" + UUID.randomUUID();
        String group = "translation-" + UUID.randomUUID();
        Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                // the group coordinator's first answer took over 3 s at load average 77
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 30000));
        admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(topic, 0, "k", "北九州 " + i)).get();
            }
            producer.send(new ProducerRecord<>(topic, 1, "k", "小倉")).get();
        }
        admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(2)))
                .all()
                .get();
        ConsumerLag lag =
                new ConsumerLag(admin, () -> Set.of(group), registry, Duration.ofSeconds(5), Duration.ofSeconds(60));

        lag.refresh();

        assertThat(gauge(group, topic, 0).value()).isEqualTo(3.0);
        assertThat(registry.find(ConsumerLag.METRIC).tag("partition", "1").gauge())
                .as("a partition the group never committed has no lag gauge")
                .isNull();

        admin.close(Duration.ofSeconds(2));
        lag.refresh();

        assertThat(gauge(group, topic, 0).value()).isNaN();
    }

    private Gauge gauge(String group, String topic, int partition) {
        return registry.get(ConsumerLag.METRIC)
                .tag("group", group)
                .tag("topic", topic)
                .tag("partition", String.valueOf(partition))
                .gauge();
    }
}

package dev.hashi.content.changes;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.hashi.events.EventCodec;
import dev.hashi.service.kafka.EventsProperties;

@Configuration
@EnableConfigurationProperties(ChangesProperties.class)
class ChangesConfiguration {

    /** Reads the topic this service publishes, with the service's Kafka settings but no group and no commits. */
    @Bean(destroyMethod = "close")
    ChangeFeed changeFeed(
            KafkaProperties kafka, EventsProperties events, EventCodec codec, ChangesProperties settings) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "content-changes");
        return new ChangeFeed(
                () -> new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer()),
                events.publishes(),
                codec,
                settings);
    }
}

package dev.hashi.service.kafka;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import com.mongodb.client.MongoDatabase;

import dev.hashi.events.EventCodec;
import dev.hashi.events.PoisonEventException;
import dev.hashi.events.Topics;
import dev.hashi.events.outbox.Outbox;
import dev.hashi.service.observability.TraceContext;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Kafka wiring for a domain service: the event codec, its topics and their dead-letter topics, bounded retries
 * that end in the dead-letter topic, the outbox and its relay, and a health check. Topics are created with the
 * configs of {@link TopicConfigs}, and existing topics are brought in line with them when the service starts.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@EnableConfigurationProperties(EventsProperties.class)
public class KafkaSupport {

    @Bean
    EventCodec eventCodec() {
        return EventCodec.standard();
    }

    @Bean
    Outbox outbox(EventCodec codec, EventsProperties events, ObjectProvider<TraceContext> traces) {
        TraceContext trace = traces.getIfAvailable(() -> TraceContext.OFF);
        return new Outbox(codec, Clock.systemUTC(), (int) events.maxEventSize().toBytes(), trace.supplier());
    }

    @Bean
    OutboxHealthIndicator outboxHealthIndicator(
            MongoDatabase database, EventsProperties events, ObjectProvider<MeterRegistry> meters) {
        OutboxHealthIndicator indicator =
                new OutboxHealthIndicator(database, events.outbox().collections(), Clock.systemUTC());
        meters.ifAvailable(indicator::bindTo);
        return indicator;
    }

    /**
     * The configs every topic a domain service creates carries. Compose's {@code kafka-init} and the Kubernetes
     * topic Job declare the same ({@code KubernetesManifestsTest} in {@code devstack} compares them).
     */
    public static final class TopicConfigs {

        /**
         * Event topics keep their whole history: translation-service rebuilds its units by replaying the content
         * topic from offset 0, and any consumer added later starts from the beginning. Deleting, not compacting:
         * an aggregate's events are a history of changes, not a latest value, so compaction by key would lose
         * all but its last event.
         */
        public static final Map<String, String> EVENTS = Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, "-1",
                TopicConfig.RETENTION_BYTES_CONFIG, "-1");

        /**
         * Dead-letter topics keep a record 30 days: time to see it in the logs and metrics, fix the cause and
         * replay it; nothing replays a dead-letter topic from its beginning.
         */
        public static final Map<String, String> DEAD_LETTERS = Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG,
                String.valueOf(java.time.Duration.ofDays(30).toMillis()),
                TopicConfig.RETENTION_BYTES_CONFIG,
                "-1");

        private TopicConfigs() {}
    }

    @Bean
    KafkaAdmin.NewTopics hashiTopics(EventsProperties events) {
        List<NewTopic> topics = new ArrayList<>();
        if (events.publishes() != null && !events.publishes().isBlank()) {
            topics.add(eventTopic(events.publishes(), events, TopicConfigs.EVENTS));
        }
        for (String consumed : events.consumes()) {
            topics.add(eventTopic(consumed, events, TopicConfigs.EVENTS));
            topics.add(eventTopic(Topics.deadLetter(consumed), events, TopicConfigs.DEAD_LETTERS));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    private static NewTopic eventTopic(String name, EventsProperties events, Map<String, String> configs) {
        return new NewTopic(name, events.partitions(), events.replicationFactor()).configs(configs);
    }

    /**
     * Lets the admin bring topics that already exist (created before their configs were declared, or by a
     * broker's automatic creation) in line with {@link TopicConfigs}, not only create missing ones.
     */
    @Bean
    static BeanPostProcessor hashiTopicConfigsKeptInLine() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof KafkaAdmin admin) {
                    admin.setModifyTopicConfigs(true);
                }
                return bean;
            }
        };
    }

    /**
     * Retries, then the dead-letter topic; every dead-lettered record counts in {@code hashi.events.dead.letters},
     * tagged with the topic it came from.
     */
    @Bean
    DefaultErrorHandler hashiErrorHandler(
            KafkaOperations<Object, Object> template, EventsProperties events, ObjectProvider<MeterRegistry> meters) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(
                template,
                (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            events.consumes().forEach(topic -> deadLettersOf(topic, registry));
        }
        ConsumerRecordRecoverer recoverer = registry == null
                ? deadLetters
                : (record, failure) -> {
                    deadLetters.accept(record, failure);
                    deadLettersOf(record.topic(), registry).increment();
                };
        FixedBackOff backOff = new FixedBackOff(
                events.retry().backoff().toMillis(), Math.max(0, events.retry().attempts() - 1));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(PoisonEventException.class);
        return handler;
    }

    private static Counter deadLettersOf(String topic, MeterRegistry registry) {
        return Counter.builder("hashi.events.dead.letters")
                .tag("topic", topic)
                .description("records sent to the topic's dead-letter topic")
                .register(registry);
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin.getConfigurationProperties());
    }

    @Bean
    OutboxRelayScheduler outboxRelayScheduler(
            MongoDatabase database,
            ProducerFactory<Object, Object> producers,
            EventsProperties events,
            ObjectProvider<TraceContext> traces,
            ObjectProvider<MeterRegistry> meters) {
        return new OutboxRelayScheduler(
                database,
                producers,
                events.outbox(),
                traces.getIfAvailable(() -> TraceContext.OFF).relayTracing(),
                meters.getIfAvailable());
    }
}

package dev.hashi.service.kafka;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import com.mongodb.client.MongoDatabase;

import dev.hashi.events.EventCodec;
import dev.hashi.events.PoisonEventException;
import dev.hashi.events.Topics;
import dev.hashi.events.outbox.Outbox;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Kafka wiring for a domain service: the event codec, its topics and their dead-letter topics, bounded retries
 * that end in the dead-letter topic, the outbox and its relay, and a health check.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@EnableConfigurationProperties(EventsProperties.class)
public class KafkaSupport {

    @Bean
    EventCodec eventCodec() {
        return EventCodec.standard();
    }

    @Bean
    Outbox outbox(EventCodec codec, EventsProperties events) {
        return new Outbox(codec, Clock.systemUTC(), (int) events.maxEventSize().toBytes());
    }

    @Bean
    OutboxHealthIndicator outboxHealthIndicator(
            MongoDatabase database, EventsProperties events, ObjectProvider<MeterRegistry> meters) {
        OutboxHealthIndicator indicator =
                new OutboxHealthIndicator(database, events.outbox().collections(), Clock.systemUTC());
        meters.ifAvailable(indicator::bindTo);
        return indicator;
    }

    @Bean
    KafkaAdmin.NewTopics hashiTopics(EventsProperties events) {
        List<NewTopic> topics = new ArrayList<>();
        if (events.publishes() != null && !events.publishes().isBlank()) {
            topics.add(new NewTopic(events.publishes(), events.partitions(), events.replicationFactor()));
        }
        for (String consumed : events.consumes()) {
            topics.add(new NewTopic(consumed, events.partitions(), events.replicationFactor()));
            topics.add(new NewTopic(Topics.deadLetter(consumed), events.partitions(), events.replicationFactor()));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    DefaultErrorHandler hashiErrorHandler(KafkaOperations<Object, Object> template, EventsProperties events) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(
                template,
                (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
        FixedBackOff backOff = new FixedBackOff(
                events.retry().backoff().toMillis(), Math.max(0, events.retry().attempts() - 1));
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
        handler.addNotRetryableExceptions(PoisonEventException.class);
        return handler;
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin.getConfigurationProperties());
    }

    @Bean
    OutboxRelayScheduler outboxRelayScheduler(
            MongoDatabase database, ProducerFactory<Object, Object> producers, EventsProperties events) {
        return new OutboxRelayScheduler(database, producers, events.outbox());
    }
}

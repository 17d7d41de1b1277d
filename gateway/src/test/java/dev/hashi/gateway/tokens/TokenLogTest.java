package dev.hashi.gateway.tokens;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.hashi.embedded.SharedInfra;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The token log's reader: signed records only, restarts after failures, and tells when its view is stale. */
class TokenLogTest {

    static final byte[] KEY = "a-signing-key-of-at-least-32-bytes-long".getBytes(StandardCharsets.UTF_8);

    final String topic = "test.tokens." + UUID.randomUUID();
    final TopicPartition partition = new TopicPartition(topic, 0);
    final List<MockConsumer<String, byte[]>> consumers = new CopyOnWriteArrayList<>();
    final Map<String, ApiToken> applied = new ConcurrentHashMap<>();
    TokenLog log;

    @AfterEach
    void stop() {
        if (log != null) {
            log.stop();
        }
    }

    @Test
    void unsignedAndForgedRecordsAreIgnored() {
        AtomicInteger offset = new AtomicInteger();
        start(Duration.ofSeconds(30), consumer -> {});
        await().atMost(Duration.ofSeconds(20)).until(log::caughtUp);
        MockConsumer<String, byte[]> consumer = consumers.get(0);

        ApiToken forged = token("forged");
        byte[] value = JsonMapper.builder().build().writeValueAsBytes(forged);
        consumer.schedulePollTask(() -> consumer.addRecord(record(offset.getAndIncrement(), forged.id(), value, null)));
        byte[] wrongKey = new TokenRecordSigner(
                        "another-key-of-at-least-32-bytes-long!!".getBytes(StandardCharsets.UTF_8))
                .sign(forged.id(), value);
        consumer.schedulePollTask(
                () -> consumer.addRecord(record(offset.getAndIncrement(), forged.id(), value, wrongKey)));
        ApiToken genuine = token("genuine");
        byte[] genuineValue = JsonMapper.builder().build().writeValueAsBytes(genuine);
        byte[] signature = new TokenRecordSigner(KEY).sign(genuine.id(), genuineValue);
        consumer.schedulePollTask(
                () -> consumer.addRecord(record(offset.getAndIncrement(), genuine.id(), genuineValue, signature)));

        await().atMost(Duration.ofSeconds(10)).until(() -> applied.containsKey(genuine.id()));
        assertThat(applied).doesNotContainKey(forged.id());
    }

    @Test
    void theReaderStartsAgainAfterAFailure() {
        start(Duration.ofSeconds(30), consumer -> {
            if (consumers.size() == 1) {
                consumer.setPollException(new KafkaException("broker said no"));
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> consumers.size() >= 2);
        await().atMost(Duration.ofSeconds(10)).until(log::current);
    }

    @Test
    void theViewIsStaleWhileTheReaderKeepsFailing() {
        MutableClock clock = new MutableClock();
        start(Duration.ofSeconds(30), clock, consumer -> {
            if (consumers.size() > 1) {
                consumer.setPollException(new KafkaException("broker said no"));
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(log::current);
        consumers.get(0).setPollException(new KafkaException("broker said no"));
        await().atMost(Duration.ofSeconds(10)).until(() -> consumers.size() >= 2);
        clock.advance(Duration.ofSeconds(31));
        assertThat(log.current()).isFalse();
    }

    private void start(Duration staleAfter, java.util.function.Consumer<MockConsumer<String, byte[]>> prepare) {
        start(staleAfter, Clock.systemUTC(), prepare);
    }

    private void start(
            Duration staleAfter, Clock clock, java.util.function.Consumer<MockConsumer<String, byte[]>> prepare) {
        TokenSettings settings = new TokenSettings(
                SharedInfra.kafka().bootstrapServers(), topic, (short) 1, Duration.ofDays(365), null, staleAfter);
        log = new TokenLog(
                settings,
                KEY,
                () -> {
                    MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
                    consumer.updateBeginningOffsets(Map.of(partition, 0L));
                    consumer.updateEndOffsets(Map.of(partition, 0L));
                    consumers.add(consumer);
                    prepare.accept(consumer);
                    return consumer;
                },
                clock);
        log.onRecord((id, token) -> applied.put(id, token));
        log.start();
    }

    private ConsumerRecord<String, byte[]> record(long offset, String key, byte[] value, byte[] signature) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(topic, 0, offset, key, value);
        if (signature != null) {
            record.headers().add(TokenRecordSigner.HEADER, signature);
        }
        return record;
    }

    private static ApiToken token(String name) {
        Instant now = Instant.now();
        return new ApiToken(
                UUID.randomUUID().toString(),
                name,
                "0".repeat(64),
                List.of("admin"),
                List.of(),
                now.plus(Duration.ofDays(1)),
                now,
                "root",
                null);
    }

    /** A clock tests move forward. */
    static final class MutableClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public long millis() {
            return now.toEpochMilli();
        }
    }
}

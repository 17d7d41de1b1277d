package dev.hashi.gateway.tokens;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import tools.jackson.databind.json.JsonMapper;

/**
 * The compacted Kafka topic that holds API token records (key = token id). A background thread reads it from the
 * beginning and keeps reading, so every replica sees every creation and revocation; {@link #caughtUp()} is true
 * once it has read what was there at start. Writes wait for the broker's acknowledgement ({@code acks=all}).
 *
 * <p>Every record carries an HMAC signature ({@link TokenRecordSigner}) made with a key only the gateway holds;
 * records without a valid one are skipped, so whoever can produce to the topic still cannot mint a token. When
 * reading fails, the reader starts again (with a growing pause, up to 30 s) from the next unread offset;
 * {@link #current()} turns false once the last successful poll is older than {@code stale-after}.
 */
public class TokenLog implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TokenLog.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);

    private final TokenSettings settings;
    private final TokenRecordSigner signer;
    private final Supplier<Consumer<String, byte[]>> consumers;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile BiConsumer<String, ApiToken> listener = (id, token) -> {};
    private volatile boolean caughtUp;
    private volatile boolean running;
    private volatile long lastPolledMillis = Long.MIN_VALUE;
    private volatile Consumer<String, byte[]> consumer;
    private volatile long nextOffset;
    private final Object progress = new Object();
    private KafkaProducer<String, byte[]> producer;
    private Thread reader;

    public TokenLog(TokenSettings settings, byte[] signingKey) {
        this(settings, signingKey, null, Clock.systemUTC());
    }

    /** With a source of consumers other than the configured brokers (tests). */
    TokenLog(TokenSettings settings, byte[] signingKey, Supplier<Consumer<String, byte[]>> consumers, Clock clock) {
        this.settings = settings;
        this.signer = new TokenRecordSigner(signingKey);
        this.consumers = consumers != null ? consumers : this::kafkaConsumer;
        this.clock = clock;
    }

    void onRecord(BiConsumer<String, ApiToken> listener) {
        this.listener = listener;
    }

    /** Whether the store has read every record that existed when it started. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /**
     * Whether the in-memory view can be trusted now: the store has caught up and its reader polled the topic
     * successfully within {@code stale-after}, so a revocation made elsewhere has had the chance to arrive.
     */
    public boolean current() {
        long polled = lastPolledMillis;
        return caughtUp
                && polled != Long.MIN_VALUE
                && clock.millis() - polled <= settings.staleAfter().toMillis();
    }

    /** Writes a token's record; returns its offset in the topic. */
    long append(ApiToken token) throws InterruptedException, ExecutionException, TimeoutException {
        return write(token.id(), json.writeValueAsBytes(token));
    }

    /** Deletes a token's record (a tombstone); returns its offset in the topic. */
    long remove(String id) throws InterruptedException, ExecutionException, TimeoutException {
        return write(id, null);
    }

    private long write(String id, byte[] value) throws InterruptedException, ExecutionException, TimeoutException {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(settings.topic(), id, value);
        record.headers().add(TokenRecordSigner.HEADER, signer.sign(id, value));
        return producer.send(record).get(10, TimeUnit.SECONDS).offset();
    }

    /**
     * Waits until the reader has applied the record at {@code offset} and every record before it, so this replica's
     * view holds whatever any replica wrote earlier. Returns false when that took longer than {@code timeout}.
     */
    boolean awaitRead(long offset, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (nextOffset <= offset) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
        }
        return true;
    }

    @Override
    public synchronized void start() {
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProps.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        producerProps.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);
        producerProps.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        producer = new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer());
        running = true;
        reader = new Thread(this::readForever, "api-token-log");
        reader.setDaemon(true);
        reader.start();
    }

    private void readForever() {
        Duration pause = FIRST_RETRY;
        while (running) {
            try {
                read();
            } catch (WakeupException stopping) {
                log.debug("API token log reader woken up");
            } catch (RuntimeException e) {
                log.error("API token log reader failed; starting again in {} ms", pause.toMillis(), e);
            }
            if (running) {
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : pause.multipliedBy(2);
            }
        }
        log.debug("API token log reader stopped");
    }

    private void read() {
        while (running && !ensureTopic()) {
            sleep(Duration.ofSeconds(2));
        }
        try (Consumer<String, byte[]> reading = consumers.get()) {
            consumer = reading;
            if (!running) {
                return;
            }
            TopicPartition partition = new TopicPartition(settings.topic(), 0);
            reading.assign(List.of(partition));
            if (nextOffset == 0) {
                reading.seekToBeginning(List.of(partition));
            } else {
                reading.seek(partition, nextOffset);
            }
            long end = reading.endOffsets(List.of(partition)).get(partition);
            if (!caughtUp && nextOffset >= end) {
                caughtUp = true;
            }
            while (running) {
                for (ConsumerRecord<String, byte[]> record : reading.poll(Duration.ofMillis(500))) {
                    apply(record);
                    nextOffset = record.offset() + 1;
                }
                synchronized (progress) {
                    progress.notifyAll();
                }
                lastPolledMillis = clock.millis();
                if (!caughtUp && reading.position(partition) >= end) {
                    caughtUp = true;
                    log.info("API token store loaded from {}", settings.topic());
                }
            }
        }
    }

    private Consumer<String, byte[]> kafkaConsumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        Header signature = record.headers().lastHeader(TokenRecordSigner.HEADER);
        if (!signer.verifies(record.key(), record.value(), signature == null ? null : signature.value())) {
            log.warn(
                    "skipping API token record at offset {}: {}",
                    record.offset(),
                    signature == null ? "unsigned" : "signature does not verify");
            return;
        }
        try {
            ApiToken token = record.value() == null ? null : json.readValue(record.value(), ApiToken.class);
            listener.accept(record.key(), token);
        } catch (RuntimeException e) {
            log.warn("skipping unreadable API token record at offset {}", record.offset());
        }
    }

    private boolean ensureTopic() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        try (AdminClient admin = AdminClient.create(props)) {
            NewTopic topic = new NewTopic(settings.topic(), 1, settings.replicationFactor())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(topic)).all().get(10, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return true;
            }
            log.warn("cannot create {} yet: {}", settings.topic(), e.getCause().toString());
            return false;
        } catch (TimeoutException e) {
            log.warn("Kafka did not answer while creating {}", settings.topic());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        Consumer<String, byte[]> reading = consumer;
        if (reading != null) {
            reading.wakeup();
        }
        if (reader != null) {
            reader.interrupt();
            try {
                reader.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

package dev.hashi.service.observability;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.RecordInterceptor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts the records this service's listeners handled, as {@code hashi.events.consumed} by topic and group. */
final class ConsumedRecords implements RecordInterceptor<Object, Object> {

    static final String METRIC = "hashi.events.consumed";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    ConsumedRecords(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(
            ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        return record;
    }

    @Override
    public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        String group = consumer.groupMetadata().groupId();
        counters.computeIfAbsent(
                        record.topic() + '\n' + group,
                        key -> Counter.builder(METRIC)
                                .tag("topic", record.topic())
                                .tag("group", group)
                                .description(
                                        "records handled by this service's listeners (duplicates skipped included)")
                                .register(registry))
                .increment();
    }
}

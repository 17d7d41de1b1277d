package dev.hashi.events.outbox;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

import dev.hashi.events.EventHeaders;

/**
 * What the relay does about tracing around each record it sends: given the {@code traceparent} stored with the
 * event (or {@code null}), it puts the trace context on the record's headers and may open a span for the send.
 */
@FunctionalInterface
public interface RecordTracing {

    /** Copies the stored {@code traceparent}, if any, onto the record unchanged and records no span. */
    RecordTracing PASS_THROUGH = (record, traceparent) -> {
        if (traceparent != null) {
            record.headers()
                    .add(new RecordHeader(EventHeaders.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8)));
        }
        return failure -> {};
    };

    /**
     * Called just before {@code record} is sent.
     *
     * @return called once Kafka acknowledged ({@code null}) or refused the record
     */
    Sent sending(ProducerRecord<String, byte[]> record, String traceparent);

    /** The end of one send. */
    @FunctionalInterface
    interface Sent {
        void done(Throwable failure);
    }
}

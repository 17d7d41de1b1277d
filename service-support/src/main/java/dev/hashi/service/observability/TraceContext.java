package dev.hashi.service.observability;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

import dev.hashi.events.EventHeaders;
import dev.hashi.events.outbox.RecordTracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * The W3C trace context carried from a request into the outbox and from the outbox onto the Kafka record: the
 * outbox stores the {@code traceparent} of the span writing the events ({@link #current()}), and the relay opens a
 * producer span under it for each record and puts that span's context on the record ({@link #relayTracing()}), where
 * the consuming service's listener observation continues the trace.
 */
public final class TraceContext {

    /** Tracing off: nothing is stored and nothing is put on records. */
    public static final TraceContext OFF = new TraceContext(null, null);

    private final Tracer tracer;
    private final Propagator propagator;

    private TraceContext(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The trace context of {@code tracer}; {@link #OFF} when either is missing or the tracer is Micrometer's no-op. */
    public static TraceContext of(Tracer tracer, Propagator propagator) {
        if (tracer == null || propagator == null || tracer == Tracer.NOOP || propagator == Propagator.NOOP) {
            return OFF;
        }
        return new TraceContext(tracer, propagator);
    }

    /** Whether traces are recorded. */
    public boolean on() {
        return tracer != null;
    }

    /** The {@code traceparent} of the current span, or {@code null} when there is none or tracing is off. */
    public String current() {
        if (tracer == null) {
            return null;
        }
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(4);
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(EventHeaders.TRACEPARENT);
    }

    /** {@link #current()} as the outbox's supplier. */
    public Supplier<String> supplier() {
        return tracer == null ? () -> null : this::current;
    }

    /** What the outbox relay does around each record: {@link RecordTracing#PASS_THROUGH} when tracing is off. */
    public RecordTracing relayTracing() {
        if (tracer == null) {
            return RecordTracing.PASS_THROUGH;
        }
        return this::sending;
    }

    private RecordTracing.Sent sending(ProducerRecord<String, byte[]> record, String traceparent) {
        if (traceparent == null) {
            return RecordTracing.PASS_THROUGH.sending(record, null);
        }
        Span span = propagator
                .extract(Map.of(EventHeaders.TRACEPARENT, traceparent), Map::get)
                .kind(Span.Kind.PRODUCER)
                .name(record.topic() + " send")
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", record.topic())
                .start();
        Headers headers = record.headers();
        headers.remove(EventHeaders.TRACEPARENT);
        propagator.inject(
                span.context(),
                headers,
                (carrier, key, value) -> carrier.add(new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8))));
        return failure -> {
            if (failure != null) {
                span.error(failure);
            }
            span.end();
        };
    }
}

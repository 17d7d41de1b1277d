package dev.hashi.service.observability;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import dev.hashi.embedded.SharedInfra;
import dev.hashi.events.EventCodec;
import dev.hashi.events.EventEnvelope;
import dev.hashi.events.EventHeaders;
import dev.hashi.events.content.ContentEntryDeleted;
import dev.hashi.events.outbox.Outbox;
import dev.hashi.events.outbox.OutboxRelay;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import static org.assertj.core.api.Assertions.assertThat;

class TraceContextTest {

    private static MongoClient client;
    private final List<SpanData> finished = new CopyOnWriteArrayList<>();
    private final TraceContext tracing = tracing();

    @BeforeAll
    static void connect() {
        client = MongoClients.create(SharedInfra.mongo().connectionString());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void theRequestsTraceTravelsFromTheOutboxOntoTheRecordUnderAProducerSpan() {
        MongoCollection<Document> entries = collection();
        Tracer tracer = tracer();
        Span request = tracer.nextSpan().name("PUT /api/content/entries/{id}").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            Outbox outbox = new Outbox(EventCodec.standard(), Clock.systemUTC(), 512 * 1024, tracing.supplier());
            entries.insertOne(outbox.withEvents(new Document("_id", "e-小倉"), List.of(event("e-小倉"))));
        } finally {
            request.end();
        }
        MockProducer<String, byte[]> producer = producer();

        relay(entries, producer, tracing).relayOnce(10);

        ProducerRecord<String, byte[]> record = producer.history().get(0);
        String traceparent = header(record, EventHeaders.TRACEPARENT);
        String traceId = request.context().traceId();
        assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01");
        SpanData send = finished.stream()
                .filter(span -> span.getKind() == SpanKind.PRODUCER)
                .findFirst()
                .orElseThrow();
        assertThat(send.getName()).isEqualTo("cms.content.events send");
        assertThat(send.getTraceId()).isEqualTo(traceId);
        assertThat(send.getParentSpanId()).isEqualTo(request.context().spanId());
        assertThat(traceparent).contains("-" + send.getSpanId() + "-");
        assertThat(header(record, EventHeaders.REQUEST_ID)).isEqualTo("req-1");
    }

    @Test
    void withTracingOffNothingIsStoredAndTheRecordCarriesNoTraceparent() {
        MongoCollection<Document> entries = collection();
        Tracer tracer = tracer();
        Span request = tracer.nextSpan().start();
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            Outbox outbox =
                    new Outbox(EventCodec.standard(), Clock.systemUTC(), 512 * 1024, TraceContext.OFF.supplier());
            entries.insertOne(outbox.withEvents(new Document("_id", "e-門司"), List.of(event("e-門司"))));
        } finally {
            request.end();
        }
        MockProducer<String, byte[]> producer = producer();

        relay(entries, producer, TraceContext.OFF).relayOnce(10);

        assertThat(producer.history().get(0).headers().lastHeader(EventHeaders.TRACEPARENT))
                .isNull();
        assertThat(finished).noneMatch(span -> span.getKind() == SpanKind.PRODUCER);
    }

    @Test
    void anEventWrittenOutsideAnySpanIsSentWithoutTraceparent() {
        MongoCollection<Document> entries = collection();
        Outbox outbox = new Outbox(EventCodec.standard(), Clock.systemUTC(), 512 * 1024, tracing.supplier());
        entries.insertOne(outbox.withEvents(new Document("_id", "e-八幡"), List.of(event("e-八幡"))));
        MockProducer<String, byte[]> producer = producer();

        relay(entries, producer, tracing).relayOnce(10);

        assertThat(producer.history().get(0).headers().lastHeader(EventHeaders.TRACEPARENT))
                .isNull();
    }

    @Test
    void tracingIsOffWithMicrometersNoopTracer() {
        assertThat(TraceContext.of(Tracer.NOOP, null).on()).isFalse();
        assertThat(TraceContext.OFF.current()).isNull();
        assertThat(tracing.on()).isTrue();
        assertThat(tracing.current()).isNull();
    }

    private MongoCollection<Document> collection() {
        return client.getDatabase("trace_" + UUID.randomUUID().toString().substring(0, 8))
                .getCollection("entries");
    }

    private static OutboxRelay relay(
            MongoCollection<Document> entries, MockProducer<String, byte[]> producer, TraceContext trace) {
        return new OutboxRelay(
                entries, producer, "test", Duration.ofSeconds(30), Clock.systemUTC(), trace.relayTracing());
    }

    private static MockProducer<String, byte[]> producer() {
        return new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    }

    private static EventEnvelope<?> event(String id) {
        return EventEnvelope.of(new ContentEntryDeleted(id, "page"), id, 1, "req-1", "editor", Instant.now());
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private io.opentelemetry.api.trace.Tracer otel;
    private Tracer micrometer;

    private Tracer tracer() {
        return micrometer;
    }

    private TraceContext tracing() {
        SpanExporter exporter = new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                finished.addAll(spans);
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
        otel = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                .build()
                .get("test");
        micrometer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> {});
        return TraceContext.of(
                micrometer,
                new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel));
    }
}

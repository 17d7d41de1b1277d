import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.hashi.embedded.SharedInfra;
import dev.hashi.events.EventCodec;
import dev.hashi.events.EventEnvelope;
import dev.hashi.events.Topics;
import dev.hashi.events.content.ContentEntryChanged;
import dev.hashi.events.content.FieldValueChange;
import dev.hashi.identity.Identity;
import dev.hashi.identity.IdentityHeaders;
import dev.hashi.identity.LocalePair;
import dev.hashi.identity.Role;
import dev.hashi.locale.Texts;
import dev.hashi.translation.TranslationServiceApplication;
import dev.hashi.translation.unit.ContentTracking;
import dev.hashi.translation.unit.UnitIds;
import dev.hashi.translation.unit.Units;

/** Prints queue query and event-to-state latencies of translation-service; see bench/translation/run.sh. */
public class TranslationBench {

    static final String SECRET = "bench-gateway-secret-0123456789-abcdefghij";

    public static void main(String[] args) throws Exception {
        int units = Integer.parseInt(args.length > 0 ? args[0] : "100000");
        int samples = Integer.parseInt(args.length > 1 ? args[1] : "200");
        Map.of("spring.mongodb.uri", SharedInfra.mongo().connectionString(),
                "spring.mongodb.database", "translation_bench",
                "spring.kafka.bootstrap-servers", SharedInfra.kafka().bootstrapServers(),
                "cms.security.gateway-secret", SECRET, "server.port", "0",
                "logging.level.root", "WARN").forEach(System::setProperty);
        ConfigurableApplicationContext app = null;
        try {
            app = new SpringApplicationBuilder(TranslationServiceApplication.class).run();
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            ContentTracking tracking = app.getBean(ContentTracking.class);
            Units store = app.getBean(Units.class);
            EventCodec codec = app.getBean(EventCodec.class);

            long loadStart = System.nanoTime();
            int perEntry = 50;
            int trackedEntries = Math.min(units / perEntry, 20);
            for (int e = 0; e < trackedEntries; e++) {
                List<FieldValueChange> changes = new ArrayList<>();
                for (int f = 0; f < perEntry; f++) {
                    boolean japanese = (e + f) % 2 == 0;
                    String text = japanese ? "福岡市における環境国際協力の取組み その" + e + "の" + f
                            : "Pollution Control Programmes and Cooperation with Japan, part " + e + "." + f;
                    String locale = japanese ? "ja" : "en";
                    changes.add(new FieldValueChange("items[i-" + f + "].title", locale, locale, text,
                            Texts.sourceHash(text), FieldValueChange.WriteKind.SOURCE, false, false, null));
                }
                tracking.apply(EventEnvelope.of(new ContentEntryChanged("e-bench-" + e, "event-page",
                        Map.of("en", "Bench page " + e), changes), "e-bench-" + e, 1, null, "bench", Instant.now()));
            }
            var collection = app.getBean(com.mongodb.client.MongoDatabase.class).getCollection(Units.COLLECTION);
            long tracked = unitCount(collection);
            System.out.printf("tracked %d units from content events in %.1f s%n", tracked,
                    (System.nanoTime() - loadStart) / 1e9);
            // The dev MongoDB server scans for every non-_id lookup, so tracking 100,000 units one event at a time
            // grows quadratically. The rest of the set is therefore copied from the tracked units' stored documents
            // (same shape, new ids and entries, no pending events), written with insertMany.
            List<org.bson.Document> templates = collection.find().into(new ArrayList<>());
            long copyStart = System.nanoTime();
            int copy = 1;
            while (unitCount(collection) < units) {
                List<org.bson.Document> batch = new ArrayList<>();
                for (org.bson.Document template : templates) {
                    org.bson.Document clone = org.bson.Document.parse(template.toJson());
                    dev.hashi.events.outbox.Outbox.fields().forEach(clone::remove);
                    clone.put("_id", template.getString("_id") + "-c" + copy);
                    clone.put("entryId", template.getString("entryId") + "-c" + copy);
                    batch.add(clone);
                }
                collection.insertMany(batch);
                copy++;
            }
            System.out.printf("loaded %d units (%d tracked, the rest copied in %.1f s)%n",
                    unitCount(collection), tracked, (System.nanoTime() - copyStart) / 1e9);

            HttpClient http = HttpClient.newHttpClient();
            IdentityHeaders signer = new IdentityHeaders(SECRET, Duration.ofSeconds(60));
            Identity translator = new Identity("tr-bench", Set.of(Role.TRANSLATOR), Set.of(LocalePair.parse("ja:en")));
            List<Long> queue = new ArrayList<>();
            String cursor = null;
            for (int i = 0; i < samples + 10; i++) {
                String path = "/api/translations/queue";
                if (i % 10 == 0) {
                    cursor = null; // pages 0–9, walked by the cursor each page hands out
                }
                String query = "?source=ja&target=en&state=untranslated,outdated&limit=50"
                        + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor,
                                java.nio.charset.StandardCharsets.UTF_8));
                String requestId = UUID.randomUUID().toString();
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path + query))
                        .header("X-Request-Id", requestId);
                signer.sign(translator, "GET", path, requestId, Instant.now()).forEach(request::header);
                long start = System.nanoTime();
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                long took = System.nanoTime() - start;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("queue answered " + response.statusCode() + ": " + response.body());
                }
                if (i >= 10) {
                    queue.add(took);
                }
                java.util.regex.Matcher next = NEXT.matcher(response.body());
                cursor = next.find() ? next.group(1) : null;
            }
            report("queue query (ja→en, untranslated+outdated, 50 per page, HTTP)", queue);

            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.kafka().bootstrapServers());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            List<Long> latency = new ArrayList<>();
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                    new ByteArraySerializer())) {
                for (int i = 0; i < samples + 5; i++) {
                    String entry = "e-latency-" + i;
                    String text = "北九州イニシアチブ " + i;
                    EventEnvelope<ContentEntryChanged> event = EventEnvelope.of(new ContentEntryChanged(entry,
                            "event-page", Map.of(), List.of(new FieldValueChange("title", "ja", "ja", text,
                                    Texts.sourceHash(text), FieldValueChange.WriteKind.SOURCE, false, false, null))),
                            entry, 1, null, "bench", Instant.now());
                    String id = UnitIds.of(entry, "title", "en");
                    long start = System.nanoTime();
                    producer.send(new ProducerRecord<>(Topics.CONTENT, entry, codec.encode(event)));
                    producer.flush();
                    while (store.find(id).isEmpty()) {
                        Thread.onSpinWait();
                    }
                    if (i >= 5) {
                        latency.add(System.nanoTime() - start);
                    }
                }
            }
            report("event published → unit state stored", latency);
        } finally {
            if (app != null) {
                app.close();
            }
            Runtime.getRuntime().halt(0);
        }
    }

    private static final java.util.regex.Pattern NEXT = java.util.regex.Pattern.compile("\"next\"\\s*:\\s*\"([^\"]+)\"");

    /** Units stored in the collection, removed ones included: the bench's own count (Units has named queries only). */
    static long unitCount(com.mongodb.client.MongoCollection<org.bson.Document> collection) {
        return collection.countDocuments();
    }

    static void report(String what, List<Long> nanos) {
        Collections.sort(nanos);
        System.out.printf("%s: n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms%n", what, nanos.size(),
                nanos.get(nanos.size() / 2) / 1e6, nanos.get((int) Math.ceil(nanos.size() * 0.99) - 1) / 1e6,
                nanos.get(nanos.size() - 1) / 1e6);
    }
}

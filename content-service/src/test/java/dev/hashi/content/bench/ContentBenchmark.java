package dev.hashi.content.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.hashi.content.ContentServiceApplication;
import dev.hashi.content.Pages;
import dev.hashi.content.Users;
import dev.hashi.content.type.SeedTypes;
import dev.hashi.embedded.SharedInfra;
import dev.hashi.service.command.CommandContext;
import dev.hashi.testsupport.Reply;
import dev.hashi.testsupport.ServiceClient;

/**
 * Save and publish latency over HTTP with many entries stored: starts the service against the embedded Kafka broker
 * and MongoDB-wire server, stores {@code entries} organisation entries, then times single-client saves (PATCH with
 * If-Match) and publishes of entries picked across the whole set. Arguments: entries (default 10000), samples (500).
 */
public final class ContentBenchmark {

    private ContentBenchmark() {}

    public static void main(String[] args) {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ContentServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--cms.security.gateway-secret=" + Users.SECRET,
                        "--spring.mongodb.uri=" + SharedInfra.mongo().connectionString(),
                        "--spring.mongodb.database=bench_"
                                + UUID.randomUUID().toString().substring(0, 8),
                        "--spring.kafka.bootstrap-servers="
                                + SharedInfra.kafka().bootstrapServers(),
                        "--cms.content.types.install-seed=false",
                        "--logging.level.root=WARN");
        try {
            context.getBean(SeedTypes.class).install(CommandContext.system(Users.ADMIN, null, java.time.Instant.now()));
            ServiceClient api = new ServiceClient(
                    ((WebServerApplicationContext) context).getWebServer().getPort(), Users.SECRET);
            List<String> ids = new ArrayList<>(entries);
            List<String> etags = new ArrayList<>(entries);
            long fillStart = System.nanoTime();
            for (int i = 0; i < entries; i++) {
                Reply created = api.post(
                        Users.EDITOR,
                        "/api/content/entries",
                        Pages.create(
                                "organisation",
                                i % 2 == 0 ? "en" : "ja",
                                Map.of(
                                        "name",
                                        (i % 2 == 0 ? "Organisation " : "組織 ") + i,
                                        "unit",
                                        "Environment Section " + i)));
                ids.add(created.body().path("entryId").asString());
                etags.add(created.etag());
            }
            double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
            System.out.printf(
                    "stored %d entries in %.1f s (%.0f creates/s)%n", entries, fillSeconds, entries / fillSeconds);

            List<Double> saves = new ArrayList<>();
            List<Double> publishes = new ArrayList<>();
            int step = Math.max(1, entries / samples);
            for (int s = 0; s < samples; s++) {
                int i = (s * step) % entries;
                long t0 = System.nanoTime();
                Reply saved = api.patch(
                        Users.EDITOR,
                        "/api/content/entries/" + ids.get(i),
                        Pages.patch("en", Map.of("unit", "Environment and Sustainable Development Division " + s)),
                        "If-Match",
                        etags.get(i));
                saves.add((System.nanoTime() - t0) / 1e6);
                require(saved, 200);
                long t1 = System.nanoTime();
                Reply published = api.post(
                        Users.EDITOR,
                        "/api/content/entries/" + ids.get(i) + "/locales/en/publish",
                        null,
                        "If-Match",
                        saved.etag());
                publishes.add((System.nanoTime() - t1) / 1e6);
                require(published, 200);
                etags.set(i, published.etag());
            }
            report("save", saves);
            report("publish", publishes);
        } finally {
            context.close();
            System.exit(0);
        }
    }

    private static void require(Reply reply, int status) {
        if (reply.status() != status) {
            throw new IllegalStateException("unexpected " + reply.status() + ": " + reply.raw());
        }
    }

    private static void report(String name, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf(
                "%-8s n=%d  p50=%.1f ms  p99=%.1f ms  max=%.1f ms%n",
                name, sorted.size(), percentile(sorted, 50), percentile(sorted, 99), sorted.get(sorted.size() - 1));
    }

    private static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}

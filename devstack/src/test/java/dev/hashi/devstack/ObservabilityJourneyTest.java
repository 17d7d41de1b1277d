package dev.hashi.devstack;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import dev.hashi.devstack.OtlpReceiver.ReceivedSpan;
import dev.hashi.embedded.EmbeddedKafka;
import dev.hashi.embedded.Ports;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Operating the dev stack without reading code: one launch with tracing on (the services export to an OTLP receiver
 * in this JVM) and a Kafka broker this test owns, so it can stop the broker and start it again on the same ports and
 * data (the launcher uses an external broker when {@code KAFKA_BOOTSTRAP_SERVERS} is set).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObservabilityJourneyTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final List<String> SERVICE_PORTS =
            List.of("GATEWAY_PORT", "CONTENT_SERVICE_PORT", "TRANSLATION_SERVICE_PORT", "MEDIA_SERVICE_PORT");

    @TempDir
    static Path data;

    static OtlpReceiver receiver;
    static EmbeddedKafka kafka;
    static LaunchedStack stack;
    static String admin;
    static String editor;

    @BeforeAll
    static void startStackWithTracingAndItsOwnBroker() throws Exception {
        receiver = OtlpReceiver.start();
        kafka = new EmbeddedKafka(data.resolve("kafka"), Ports.free(), Ports.free()).start();
        stack = LaunchedStack.onFreePorts(data.resolve("stack"))
                .withEnvironment("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers())
                .withEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint())
                // spans leave every 500 ms instead of 5 s, and lag is read every second
                .withEnvironment("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULEDELAY", "500ms")
                // an export took over the default 10 s at load average 50 and its spans were dropped
                .withEnvironment("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_TIMEOUT", "30s")
                // at load average 50 the services took 225 s to start and the gateway missed the launcher's 300 s;
                // LaunchedStack itself waits 360 s for the banner
                .withEnvironment("HASHI_READY_TIMEOUT", "350")
                .withEnvironment("CMS_OBSERVABILITY_LAGINTERVAL", "1s")
                .withEnvironment("GATEWAY_RESPONSE_TIMEOUT", "60s")
                .start();
        admin = stack.devToken("{\"subject\":\"admin-obs\",\"roles\":[\"admin\"]}");
        editor = stack.devToken("{\"subject\":\"editor-obs\",\"roles\":[\"editor\"]}");
        HttpResponse<String> seeded = stack.send("POST", "/api/content/types/seed", admin, "{}");
        assertThat(seeded.statusCode()).as(seeded.body()).isBetween(200, 201);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    @Order(1)
    void aContentEditIsOneTraceFromTheGatewayThroughContentServiceAndKafkaIntoTranslationService() throws Exception {
        String id = createEntry("obs-trace");
        HttpResponse<String> edited = edit(id, "Kitakyushu Initiative for a Clean Environment", "obs-edit-1");
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);

        // spans arrive in batches, each service's on its own schedule: wait for the whole trace, not its first part
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    List<ReceivedSpan> trace = editTrace(receiver.spans());
                    assertThat(trace)
                            .as("a trace with the gateway, content-service's PATCH and translation consuming")
                            .isNotEmpty();
                    Set<String> ids = trace.stream().map(ReceivedSpan::spanId).collect(Collectors.toSet());
                    assertThat(trace.stream().filter(span -> !ids.contains(span.parentId())))
                            .as(
                                    "one connected trace: only the gateway's request span has no parent in it%n%s",
                                    describe(trace))
                            .singleElement()
                            .satisfies(root -> assertThat(root.service()).isEqualTo("gateway"));
                    ReceivedSpan send = trace.stream()
                            .filter(span -> span.kind().equals("SPAN_KIND_PRODUCER"))
                            .findFirst()
                            .orElseThrow();
                    assertThat(send.service()).isEqualTo("content-service");
                    assertThat(send.name()).isEqualTo("cms.content.events send");
                    assertThat(trace)
                            .as(
                                    "translation-service continues the trace from the record's traceparent%n%s",
                                    describe(trace))
                            .anyMatch(span -> span.service().equals("translation-service")
                                    && span.kind().equals("SPAN_KIND_CONSUMER")
                                    && span.parentId().equals(send.spanId()));
                });
    }

    @Test
    @Order(2)
    void everyMetricTheDashboardAndTheAlertRulesUseIsServedOnTheDevStack() throws Exception {
        Set<String> used = new TreeSet<>();
        used.addAll(metricNames(dashboardQueries()));
        used.addAll(metricNames(alertQueries()));
        assertThat(used).contains("hashi_outbox_oldest_age_seconds", "hashi_kafka_consumer_lag");

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    Set<String> served = new TreeSet<>();
                    for (String port : SERVICE_PORTS) {
                        served.addAll(sampleNames(scrape(port)));
                    }
                    assertThat(served).containsAll(used);
                });
    }

    @Test
    @Order(3)
    void outboxBacklogAndConsumerLagShowAStoppedBrokerAndRecoverWhenItReturns() throws Exception {
        String id = createEntry("obs-broker");
        awaitContentSettled();

        kafka.close();
        HttpResponse<String> edited = edit(id, "Kitakyushu while the broker is away", "obs-edit-2");
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Double> content = samples(scrape("CONTENT_SERVICE_PORT"));
            assertThat(content.get("hashi_outbox_pending{collection=entries}")).isGreaterThanOrEqualTo(1);
            assertThat(content.get("hashi_outbox_oldest_age_seconds{collection=entries}"))
                    .isGreaterThan(0);
            assertThat(lag(samples(scrape("TRANSLATION_SERVICE_PORT"))))
                    .as("lag unknown")
                    .isNaN();
        });

        kafka = new EmbeddedKafka(data.resolve("kafka"), kafka.brokerPort(), kafka.controllerPort()).start();

        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Map<String, Double> content = samples(scrape("CONTENT_SERVICE_PORT"));
                    assertThat(content.get("hashi_outbox_pending{collection=entries}"))
                            .isZero();
                    assertThat(lag(samples(scrape("TRANSLATION_SERVICE_PORT")))).isZero();
                });
        System.out.println(FlowStatus.line(
                StackConfig.fromEnvironment(
                        Map.of(
                                "GATEWAY_PORT", stack.port("GATEWAY_PORT"),
                                "CONTENT_SERVICE_PORT", stack.port("CONTENT_SERVICE_PORT"),
                                "TRANSLATION_SERVICE_PORT", stack.port("TRANSLATION_SERVICE_PORT"),
                                "MEDIA_SERVICE_PORT", stack.port("MEDIA_SERVICE_PORT")),
                        LaunchedStack.repositoryRoot()),
                HTTP));
    }

    @Test
    @Order(4)
    void theJourneysLogsAreHumanReadableCarryServiceAndRequestIdAndNeverAToken() throws IOException {
        Path logs = data.resolve("stack").resolve("logs");
        List<Path> files;
        try (Stream<Path> listed = Files.list(logs)) {
            files = listed.filter(Files::isRegularFile).toList();
        }
        // one log per JVM: services.log for the default one JVM, one file per service with HASHI_DEV_JVM=per-service
        assertThat(files).isNotEmpty();
        StringBuilder all = new StringBuilder();
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(text).as("%s", file.getFileName()).doesNotContain(admin, editor);
            assertThat(text).as("%s", file.getFileName()).doesNotContain(admin.substring(admin.lastIndexOf('.') + 1));
            all.append(text);
        }
        assertThat(all.toString()
                        .lines()
                        .filter(line -> line.contains("obs-edit-1") && line.contains("dev.hashi.gateway.access")))
                .as("the access line of the traced edit, in the dev stack's text format")
                .isNotEmpty()
                .allMatch(line -> line.contains("[gateway,") && line.contains(",obs-edit-1]"))
                .noneMatch(line -> line.startsWith("{"));
    }

    /** The trace of the edit: the one with a content-service PATCH span, a record sent and translation consuming it. */
    private static List<ReceivedSpan> editTrace(List<ReceivedSpan> spans) {
        Map<String, List<ReceivedSpan>> traces = spans.stream().collect(Collectors.groupingBy(ReceivedSpan::traceId));
        for (List<ReceivedSpan> trace : traces.values()) {
            boolean patch = trace.stream()
                    .anyMatch(span -> span.service().equals("content-service")
                            && span.kind().equals("SPAN_KIND_SERVER")
                            && span.name().toLowerCase().contains("patch"));
            boolean gateway = trace.stream().anyMatch(span -> span.service().equals("gateway"));
            boolean consumed = trace.stream()
                    .anyMatch(span -> span.service().equals("translation-service")
                            && span.kind().equals("SPAN_KIND_CONSUMER"));
            if (patch && gateway && consumed) {
                return trace;
            }
        }
        return List.of();
    }

    private static String describe(List<ReceivedSpan> trace) {
        return trace.stream().map(ReceivedSpan::toString).collect(Collectors.joining("\n"));
    }

    private static String createEntry(String slug) throws Exception {
        Map<String, Object> fields = Map.of(
                "title", "World Partnership Conference (" + slug + ")",
                "summary", "北九州市で開催された持続可能な開発のための世界パートナーシップ会議。",
                "date", "2003-10-28");
        HttpResponse<String> created = stack.send(
                "POST",
                "/api/content/entries",
                editor,
                JSON.writeValueAsString(Map.of("type", "event-page", "locale", "en", "slug", slug, "fields", fields)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("entryId").asString();
    }

    private static HttpResponse<String> edit(String id, String title, String requestId) throws Exception {
        HttpResponse<String> current = stack.send("GET", "/api/content/entries/" + id, editor, null);
        return stack.send(
                "PATCH",
                "/api/content/entries/" + id,
                editor,
                JSON.writeValueAsString(Map.of("locale", "en", "fields", Map.of("title", title))),
                "If-Match",
                current.headers().firstValue("ETag").orElseThrow(),
                "X-Request-Id",
                requestId);
    }

    private static void awaitContentSettled() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(samples(scrape("CONTENT_SERVICE_PORT")).get("hashi_outbox_pending{collection=entries}"))
                    .isZero();
            assertThat(lag(samples(scrape("TRANSLATION_SERVICE_PORT")))).isZero();
        });
    }

    /** translation-service's lag on the content topic, summed over partitions. */
    private static double lag(Map<String, Double> samples) {
        return samples.entrySet().stream()
                .filter(sample -> sample.getKey().startsWith("hashi_kafka_consumer_lag{")
                        && sample.getKey().contains("topic=cms.content.events"))
                .mapToDouble(Map.Entry::getValue)
                .reduce(0, Double::sum);
    }

    private static String scrape(String portVariable) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + stack.port(portVariable) + "/actuator/prometheus"))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(portVariable).isEqualTo(200);
        return response.body();
    }

    /** Metric names with samples in a Prometheus text exposition. */
    static Set<String> sampleNames(String text) {
        return text.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Samples keyed {@code name{label=value,...}} with only the labels that matter here (collection, topic, group),
     * values summed over the others.
     */
    static Map<String, Double> samples(String text) {
        Pattern label = Pattern.compile("(collection|topic|group)=\"([^\"]*)\"");
        Map<String, Double> samples = new java.util.HashMap<>();
        text.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(line -> {
            String name = line.split("[{ ]", 2)[0];
            List<String> kept = new ArrayList<>();
            Matcher labels = label.matcher(line);
            while (labels.find()) {
                kept.add(labels.group(1) + "=" + labels.group(2));
            }
            String key = kept.isEmpty() ? name : name + "{" + String.join(",", kept) + "}";
            samples.merge(key, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
        });
        return samples;
    }

    private static List<String> dashboardQueries() throws IOException {
        Path dashboard = LaunchedStack.repositoryRoot().resolve("deploy/observability/grafana/dashboards/hashi.json");
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : JSON.readTree(dashboard.toFile()).path("panels")) {
            panel.path("targets")
                    .forEach(target -> queries.add(target.path("expr").asString()));
        }
        assertThat(queries).isNotEmpty();
        return queries;
    }

    @SuppressWarnings("unchecked")
    private static List<String> alertQueries() throws IOException {
        Path rules = LaunchedStack.repositoryRoot().resolve("deploy/observability/alerts.yml");
        List<String> queries = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(rules)) {
            Map<String, Object> document = new Yaml().load(in);
            for (Object group : (List<Object>) document.get("groups")) {
                for (Object rule : (List<Object>) ((Map<String, Object>) group).get("rules")) {
                    queries.add(String.valueOf(((Map<String, Object>) rule).get("expr")));
                }
            }
        }
        assertThat(queries).isNotEmpty();
        return queries;
    }

    /**
     * The metric names a PromQL expression reads: label matchers, grouping clauses, ranges, strings and numbers
     * removed, every remaining identifier not followed by a parenthesis (a function) and not a keyword.
     */
    static Set<String> metricNames(List<String> queries) {
        Set<String> keywords = Set.of(
                "by",
                "without",
                "on",
                "ignoring",
                "group_left",
                "group_right",
                "and",
                "or",
                "unless",
                "bool",
                "offset");
        Set<String> names = new TreeSet<>();
        Pattern identifier = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(?!\\s*\\()");
        for (String query : queries) {
            String stripped = query.replaceAll("\"[^\"]*\"", "")
                    .replaceAll("\\{[^}]*}", "")
                    .replaceAll("\\[[^\\]]*]", "")
                    .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "");
            Matcher found = identifier.matcher(stripped);
            while (found.find()) {
                String name = found.group();
                if (!keywords.contains(name)
                        && !stripped.substring(found.end()).matches("(?s)^[a-zA-Z0-9_:]*\\s*\\(.*")) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}

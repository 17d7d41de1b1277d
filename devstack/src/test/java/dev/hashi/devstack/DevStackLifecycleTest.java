package dev.hashi.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import dev.hashi.embedded.Ports;

/**
 * Runs the dev stack launcher as a user would (a separate process on its own ports and data folder) and checks
 * the foundation's promises: all services healthy through the gateway, a stopped service answers a problem while
 * the others keep working, Ctrl-C leaves no process or port behind, and data survives a restart.
 */
class DevStackLifecycleTest {

    private static final Pattern PID = Pattern.compile("^ (\\S+)\\s+http://127\\.0\\.0\\.1:(\\d+).*\\(pid (\\d+)\\)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path data;

    private final Map<String, String> ports = new HashMap<>();
    private Launched running;

    @AfterEach
    void killLeftovers() {
        if (running != null) {
            running.children.values().forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            running.process.destroyForcibly();
        }
    }

    @Test
    void stackServesThroughTheGatewaySurvivesAStoppedServiceStopsCleanlyAndKeepsData() throws Exception {
        for (String name : List.of("GATEWAY_PORT", "CONTENT_SERVICE_PORT", "TRANSLATION_SERVICE_PORT",
                "MEDIA_SERVICE_PORT", "HASHI_MONGO_PORT", "HASHI_KAFKA_PORT", "HASHI_KAFKA_CONTROLLER_PORT")) {
            ports.put(name, String.valueOf(Ports.free()));
        }
        running = launch();
        String gateway = "http://127.0.0.1:" + ports.get("GATEWAY_PORT");

        HttpResponse<String> health = get(gateway + "/api/health");
        assertThat(health.statusCode()).isEqualTo(200);
        for (String service : List.of("content", "translation", "media")) {
            assertThat(health.body()).containsPattern("\"" + service + "\"\\s*:\\s*\\{\\s*\"status\"\\s*:\\s*\"UP\"");
        }
        assertThat(health.body()).contains("\"mongo\"").contains("\"kafka\"").doesNotContain("DOWN");

        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + ports.get("HASHI_MONGO_PORT"))) {
            client.getDatabase("hashi_content").getCollection("restart_probe")
                    .insertOne(new Document("_id", "probe").append("title", "北九州イニシアチブ"));
        }

        ProcessHandle content = ProcessHandle.of(running.children.get("content-service")).orElseThrow();
        content.destroy();
        content.onExit().get(30, TimeUnit.SECONDS);
        Instant asked = Instant.now();
        HttpResponse<String> down = get(gateway + "/api/content/info");
        assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(15));
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(get(gateway + "/api/media/info").statusCode()).isEqualTo(200);

        interruptAndAwaitExit(running);
        assertNothingLeft(running);

        running = launch();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + ports.get("HASHI_MONGO_PORT"))) {
            Document probe = client.getDatabase("hashi_content").getCollection("restart_probe")
                    .find(new Document("_id", "probe")).first();
            assertThat(probe).isNotNull();
            assertThat(probe.getString("title")).isEqualTo("北九州イニシアチブ");
        }
        assertThat(get(gateway + "/api/content/info").statusCode()).isEqualTo(200);
        interruptAndAwaitExit(running);
        assertNothingLeft(running);
        running = null;
    }

    @Test
    void portAlreadyInUseGivesAOneLineErrorNamingIt() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            for (String name : List.of("GATEWAY_PORT", "CONTENT_SERVICE_PORT", "TRANSLATION_SERVICE_PORT",
                    "MEDIA_SERVICE_PORT", "HASHI_MONGO_PORT", "HASHI_KAFKA_PORT", "HASHI_KAFKA_CONTROLLER_PORT")) {
                ports.put(name, String.valueOf(Ports.free()));
            }
            ports.put("MEDIA_SERVICE_PORT", String.valueOf(taken.getLocalPort()));
            Process process = builder().redirectErrorStream(true).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(process.exitValue()).isEqualTo(3);
            assertThat(output).contains("port " + taken.getLocalPort() + " (media-service) is already in use");
            assertThat(output).doesNotContain("\tat ").doesNotContain("Exception");
        }
    }

    private Launched launch() throws IOException, InterruptedException {
        Process process = builder().redirectErrorStream(true).start();
        Map<String, Long> children = new ConcurrentHashMap<>();
        List<String> output = new CopyOnWriteArrayList<>();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.add(line);
                    Matcher pid = PID.matcher(line);
                    if (pid.find()) {
                        children.put(pid.group(1), Long.parseLong(pid.group(3)));
                    }
                    if (line.contains("Stop with Ctrl-C")) {
                        ready.countDown();
                    }
                }
            } catch (IOException closed) {
                // the launcher exited
            }
        }, "launcher-output");
        reader.setDaemon(true);
        reader.start();
        boolean started = ready.await(240, TimeUnit.SECONDS);
        if (!started) {
            process.destroyForcibly();
        }
        assertThat(started).as("launcher output:%n%s", String.join("\n", output)).isTrue();
        assertThat(children).containsKeys("gateway", "content-service", "translation-service", "media-service");
        return new Launched(process, children);
    }

    private ProcessBuilder builder() {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder("env", "--default-signal=INT", java, "-cp",
                System.getProperty("java.class.path"),
                "-Dhashi.root=" + repositoryRoot(), DevStack.class.getName());
        builder.environment().remove("MONGODB_URI");
        builder.environment().remove("KAFKA_BOOTSTRAP_SERVERS");
        builder.environment().putAll(ports);
        builder.environment().put("HASHI_DATA_DIR", data.toString());
        return builder;
    }

    private static void interruptAndAwaitExit(Launched launched) throws Exception {
        new ProcessBuilder("kill", "-INT", String.valueOf(launched.process.pid())).start().waitFor();
        assertThat(launched.process.waitFor(60, TimeUnit.SECONDS)).as("launcher exits after SIGINT").isTrue();
    }

    private void assertNothingLeft(Launched launched) {
        launched.children.forEach((name, pid) ->
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as(name + " alive").isFalse());
        ports.forEach((name, port) -> Ports.requireFree(Integer.parseInt(port), name));
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root").isNotNull();
        return dir;
    }

    private record Launched(Process process, Map<String, Long> children) {
    }
}

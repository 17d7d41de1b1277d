package dev.hashi.devstack;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the dev stack launcher as a user would and checks the foundation's promises: all services healthy through
 * the gateway (readiness including MongoDB and Kafka), a stopped service answers a problem while the others keep
 * working (one JVM per service, {@code HASHI_DEV_JVM=per-service}, since stopping one service's JVM is what that
 * takes), the default one JVM for every service, Ctrl-C leaves no process or port behind, and data survives a
 * restart.
 */
class DevStackLifecycleTest {

    @TempDir
    Path data;

    @Test
    void stackServesThroughTheGatewaySurvivesAStoppedServiceStopsCleanlyAndKeepsData() throws Exception {
        try (LaunchedStack stack = LaunchedStack.onFreePorts(data)
                .withEnvironment("HASHI_DEV_JVM", "per-service")
                .start()) {
            assertThat(Set.of(
                            stack.pidOf("gateway"),
                            stack.pidOf("content-service"),
                            stack.pidOf("translation-service"),
                            stack.pidOf("media-service"),
                            stack.pidOf("console")))
                    .as("one JVM per service")
                    .hasSize(5);
            HttpResponse<String> health = stack.get("/api/health");
            assertThat(health.statusCode()).isEqualTo(200);
            for (String service : List.of("content", "translation", "media")) {
                assertThat(health.body())
                        .containsPattern("\"" + service + "\"\\s*:\\s*\\{\\s*\"status\"\\s*:\\s*\"UP\"");
            }
            assertThat(health.body()).containsPattern("\"gateway\"\\s*:\\s*\\{\\s*\"status\"\\s*:\\s*\"UP\"");
            assertThat(health.body())
                    .contains("\"mongo\"")
                    .contains("\"kafka\"")
                    .doesNotContain("DOWN");

            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + stack.port("HASHI_MONGO_PORT"))) {
                client.getDatabase("hashi_content")
                        .getCollection("restart_probe")
                        .insertOne(new Document("_id", "probe").append("title", "北九州イニシアチブ"));
            }

            ProcessHandle content =
                    ProcessHandle.of(stack.pidOf("content-service")).orElseThrow();
            content.destroy();
            content.onExit().get(30, TimeUnit.SECONDS);
            Instant asked = Instant.now();
            HttpResponse<String> down = stack.get("/api/content/info");
            assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(15));
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(stack.get("/api/media/info").statusCode()).isEqualTo(200);

            stack.interrupt();
            stack.assertNothingLeft();

            stack.start();
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + stack.port("HASHI_MONGO_PORT"))) {
                Document probe = client.getDatabase("hashi_content")
                        .getCollection("restart_probe")
                        .find(new Document("_id", "probe"))
                        .first();
                assertThat(probe).isNotNull();
                assertThat(probe.getString("title")).isEqualTo("北九州イニシアチブ");
            }
            assertThat(stack.get("/api/content/info").statusCode()).isEqualTo(200);
            stack.interrupt();
            stack.assertNothingLeft();
        }
    }

    @Test
    void byDefaultEveryServiceRunsInOneJvmReadyWithMongoAndKafkaAndCtrlCStopsIt() throws Exception {
        try (LaunchedStack stack = LaunchedStack.onFreePorts(data).start()) {
            List<String> services =
                    List.of("gateway", "content-service", "translation-service", "media-service", "console");
            assertThat(services.stream().map(stack::pidOf).distinct().toList())
                    .as("the services' pid in the banner")
                    .hasSize(1);
            assertThat(stack.output())
                    .anyMatch(line -> line.contains("every service in one (pid " + stack.pidOf("gateway")));
            HttpResponse<String> health = stack.get("/api/health");
            assertThat(health.statusCode()).isEqualTo(200);
            for (String service : List.of("content", "translation", "media")) {
                assertThat(health.body())
                        .containsPattern("\"" + service + "\"\\s*:\\s*\\{\\s*\"status\"\\s*:\\s*\"UP\"");
            }
            assertThat(health.body())
                    .contains("\"mongo\"")
                    .contains("\"kafka\"")
                    .doesNotContain("DOWN");
            // each service reads its own configuration: its own name and port, its own database
            for (String service : List.of("content", "media")) {
                assertThat(stack.get("/api/" + service + "/info").body()).contains("\"service\":\"" + service + "\"");
            }
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + stack.port("HASHI_MONGO_PORT"))) {
                assertThat(client.listDatabaseNames().into(new java.util.ArrayList<>()))
                        .contains("hashi_content", "hashi_translation", "hashi_media");
            }
            // one log, every line naming the service whose thread wrote it
            String log = Files.readString(data.resolve("logs/services.log"));
            for (String service : services) {
                assertThat(log).as(service + " in services.log").contains(" [" + service + ",");
            }
            stack.interrupt();
            stack.assertNothingLeft();
        }
    }

    @Test
    void portAlreadyInUseGivesAOneLineErrorNamingIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LaunchedStack stack = LaunchedStack.onFreePorts(data);
            stack.usePort("MEDIA_SERVICE_PORT", taken.getLocalPort());
            Process process = stack.builder().redirectErrorStream(true).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(process.exitValue()).isEqualTo(3);
            assertThat(output).contains("port " + taken.getLocalPort() + " (media-service) is already in use");
            assertThat(output).doesNotContain("\tat ").doesNotContain("Exception");
        }
    }
}

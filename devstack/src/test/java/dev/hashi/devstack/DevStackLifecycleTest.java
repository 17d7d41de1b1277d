package dev.hashi.devstack;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the dev stack launcher as a user would and checks the foundation's promises: all services healthy through
 * the gateway, a stopped service answers a problem while the others keep working, Ctrl-C leaves no process or port
 * behind, and data survives a restart.
 */
class DevStackLifecycleTest {

    @TempDir
    Path data;

    @Test
    void stackServesThroughTheGatewaySurvivesAStoppedServiceStopsCleanlyAndKeepsData() throws Exception {
        try (LaunchedStack stack = LaunchedStack.onFreePorts(data).start()) {
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

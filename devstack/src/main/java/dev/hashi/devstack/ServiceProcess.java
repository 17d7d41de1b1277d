package dev.hashi.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service running as a child JVM, its output going to a log file. */
final class ServiceProcess {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final StackConfig.Service service;
    private final Process process;
    private final Path log;

    private ServiceProcess(StackConfig.Service service, Process process, Path log) {
        this.service = service;
        this.process = process;
        this.log = log;
    }

    static ServiceProcess start(StackConfig.Service service, Path jar, Path logDir, Map<String, String> env)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw -DskipTests install");
        }
        Files.createDirectories(logDir);
        Path log = logDir.resolve(service.label().replace('#', '-') + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jitFlags(System.getenv("HASHI_DEV_JIT")));
        command.addAll(List.of(
                "-XX:+UseSerialGC",
                "-Xss512k",
                "-Dhashi.devstack.parent=" + ProcessHandle.current().pid(),
                "-jar",
                jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(env);
        return new ServiceProcess(service, builder.start(), log);
    }

    /**
     * The JIT of the service JVMs. By default they stop at the C1 compiler: the four JVMs starting at once on two
     * cores were ready in about half the time the full tiered JIT needed (median 37.5 s against 67.7 s), and under
     * load C1 code measured 1.0-2.2 times slower, not more. {@code HASHI_DEV_JIT=full} gives the JVM's full tiered
     * JIT, as in production, for trying the dev stack under load. Measurements: docs/performance.md.
     */
    static List<String> jitFlags(String choice) {
        return "full".equalsIgnoreCase(choice == null ? "" : choice.trim())
                ? List.of()
                : List.of("-XX:TieredStopAtLevel=1");
    }

    /** Waits until the service reports ready, or fails naming the service and its log. */
    void awaitReady(Instant deadline) throws InterruptedException {
        URI readiness = URI.create(service.url() + "/actuator/health/readiness");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        service.label() + " exited with code " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = HTTP.send(
                        HttpRequest.newBuilder(readiness)
                                .timeout(Duration.ofSeconds(2))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(service.label() + " was not ready in time; see " + log);
    }

    /** Asks the process to stop (SIGTERM), then kills it if it has not exited within the grace period. */
    void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    StackConfig.Service service() {
        return service;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }
}

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
import java.util.HashMap;
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
    private final Training training;

    /** What building this service's start-up cache needs; {@code cache} is {@code null} when caching is off. */
    record Training(StartupCache cache, String java, List<String> options, Map<String, String> env, Path log) {}

    private ServiceProcess(StackConfig.Service service, Process process, Path log, Training training) {
        this.service = service;
        this.process = process;
        this.log = log;
        this.training = training;
    }

    static ServiceProcess start(StackConfig.Service service, Path jar, Path logDir, Map<String, String> env)
            throws IOException {
        String label = service.label().replace('#', '-');
        Launched launched = launch(
                jar,
                logDir,
                label,
                env,
                JvmOptions.service(System.getenv(), Runtime.version().feature()));
        return new ServiceProcess(service, launched.process(), launched.log(), launched.training());
    }

    /**
     * Starts every service in one JVM ({@code devstack-host}): one process, one log ({@code services.log}), one
     * start-up cache, one {@code ServiceProcess} per service to wait for and report.
     *
     * @param hostJar the one-JVM host's executable jar
     * @param envs    every service's environment, in start order; each also names the service's own executable jar
     */
    static List<ServiceProcess> startInOneJvm(
            Path hostJar, Path root, Path logDir, Map<StackConfig.Service, Map<String, String>> envs)
            throws IOException {
        Map<String, String> env = Map.of(HostSpec.VARIABLE, HostSpec.text(root, envs));
        Launched launched = launch(
                hostJar,
                logDir,
                "services",
                env,
                JvmOptions.oneJvm(System.getenv(), Runtime.version().feature()));
        List<ServiceProcess> processes = new ArrayList<>();
        for (StackConfig.Service service : envs.keySet()) {
            processes.add(new ServiceProcess(service, launched.process(), launched.log(), launched.training()));
        }
        return processes;
    }

    private record Launched(Process process, Path log, Training training) {}

    private static Launched launch(Path jar, Path logDir, String label, Map<String, String> env, List<String> options)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw -DskipTests install");
        }
        Files.createDirectories(logDir);
        Path log = logDir.resolve(label + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Map<String, String> launcherEnv = System.getenv();
        int feature = Runtime.version().feature();
        StartupCache cache = StartupCache.enabled(launcherEnv.get("HASHI_DEV_CACHE"))
                ? StartupCache.of(jar, java, Runtime.version().toString(), feature)
                : null;
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(options);
        command.add("-Dhashi.devstack.parent=" + ProcessHandle.current().pid());
        command.addAll(cache == null ? List.of("-jar", jar.toString()) : cache.launch());
        Map<String, String> childEnv = new HashMap<>(JvmOptions.environment());
        childEnv.keySet().removeIf(launcherEnv::containsKey);
        childEnv.putAll(env);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(childEnv);
        Training training = new Training(cache, java, options, childEnv, logDir.resolve(label + "-cache.log"));
        return new Launched(builder.start(), log, training);
    }

    Training training() {
        return training;
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

package dev.hashi.devstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.hashi.embedded.Ports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dev stack launcher run as a user runs it: a separate process ({@code java … DevStack}) on its own free ports
 * and data folder, with SIGINT's default handling as in a terminal, so Ctrl-C can be sent with {@code kill -INT}.
 */
public final class LaunchedStack implements AutoCloseable {

    private static final Pattern PID = Pattern.compile("^ (\\S+)\\s+http://127\\.0\\.0\\.1:(\\d+).*\\(pid (\\d+)\\)");
    static final List<String> PORT_VARIABLES = List.of(
            "GATEWAY_PORT",
            "CONTENT_SERVICE_PORT",
            "TRANSLATION_SERVICE_PORT",
            "MEDIA_SERVICE_PORT",
            "CONSOLE_PORT",
            "HASHI_MONGO_PORT",
            "HASHI_KAFKA_PORT",
            "HASHI_KAFKA_CONTROLLER_PORT");

    /**
     * Per replica, how long the services may take to be ready: the launcher's default 120 s was too short on a
     * two-core machine shared with other builds (load average above 20), where the stacks of these tests are
     * started side by side with other JVMs.
     */
    static final int READY_TIMEOUT_SECONDS = 300;

    /** The port variables of a second replica of each service. */
    static final List<String> SECOND_REPLICA_PORT_VARIABLES =
            List.of("GATEWAY_PORT_2", "CONTENT_SERVICE_PORT_2", "TRANSLATION_SERVICE_PORT_2", "MEDIA_SERVICE_PORT_2");

    private final Path data;
    private final Map<String, String> ports;
    private final int replicas;
    private final Map<String, String> environment = new HashMap<>();
    private Process process;
    private final Map<String, Long> children = new ConcurrentHashMap<>();
    private final List<String> output = new CopyOnWriteArrayList<>();

    private LaunchedStack(Path data, Map<String, String> ports, int replicas) {
        this.data = data;
        this.ports = ports;
        this.replicas = replicas;
    }

    /** A stack on fresh free ports, not started yet. */
    public static LaunchedStack onFreePorts(Path data) {
        return onFreePorts(data, 1);
    }

    /** A stack with {@code replicas} JVMs of every service ({@code HASHI_REPLICAS}) on fresh free ports. */
    static LaunchedStack onFreePorts(Path data, int replicas) {
        Map<String, String> ports = new HashMap<>();
        PORT_VARIABLES.forEach(name -> ports.put(name, String.valueOf(Ports.free())));
        if (replicas == 2) {
            SECOND_REPLICA_PORT_VARIABLES.forEach(name -> ports.put(name, String.valueOf(Ports.free())));
        }
        return new LaunchedStack(data, ports, replicas);
    }

    /** Sets a variable for the launcher and so for every service it starts (they inherit its environment). */
    public LaunchedStack withEnvironment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Starts the launcher and waits for its ready banner. */
    public LaunchedStack start() throws IOException, InterruptedException {
        children.clear();
        output.clear();
        process = builder().redirectErrorStream(true).start();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(
                () -> {
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
                },
                "launcher-output");
        reader.setDaemon(true);
        reader.start();
        boolean started = ready.await((READY_TIMEOUT_SECONDS + 60L) * replicas, TimeUnit.SECONDS);
        if (!started) {
            process.destroyForcibly();
        }
        assertThat(started)
                .as("launcher output:%n%s", String.join("\n", output))
                .isTrue();
        assertThat(children)
                .containsKeys("gateway", "content-service", "translation-service", "media-service", "console");
        if (replicas == 2) {
            assertThat(children)
                    .containsKeys("gateway#2", "content-service#2", "translation-service#2", "media-service#2");
        }
        return this;
    }

    ProcessBuilder builder() {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(
                "env",
                "--default-signal=INT",
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "-Dhashi.root=" + repositoryRoot(),
                DevStack.class.getName());
        builder.environment().remove("MONGODB_URI");
        builder.environment().remove("KAFKA_BOOTSTRAP_SERVERS");
        builder.environment().putAll(ports);
        builder.environment().put("HASHI_DATA_DIR", data.toString());
        builder.environment().put("HASHI_REPLICAS", String.valueOf(replicas));
        builder.environment().put("HASHI_READY_TIMEOUT", String.valueOf(READY_TIMEOUT_SECONDS));
        // no first-start seeding unless a test asks for it (withEnvironment("HASHI_SEED", "wpc-2003"))
        builder.environment().put("HASHI_SEED", "off");
        // no start-up cache training runs in the background of a test stack (they compete for the cores)
        builder.environment().put("HASHI_DEV_CACHE", "off");
        builder.environment().putAll(environment);
        return builder;
    }

    /** Sends SIGINT, as Ctrl-C does, and waits for the launcher to exit. */
    void interrupt() throws Exception {
        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid()))
                .start()
                .waitFor();
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("launcher exits after SIGINT")
                .isTrue();
    }

    /** Fails unless every child process has exited and every port is free again. */
    void assertNothingLeft() {
        children.forEach((name, pid) -> assertThat(
                        ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .as(name + " alive")
                .isFalse());
        ports.forEach((name, port) -> Ports.requireFree(Integer.parseInt(port), name));
    }

    /** The launcher's output so far, line by line. */
    List<String> output() {
        return List.copyOf(output);
    }

    long pidOf(String service) {
        return children.get(service);
    }

    String port(String variable) {
        return ports.get(variable);
    }

    void usePort(String variable, int port) {
        ports.put(variable, String.valueOf(port));
    }

    public String gateway() {
        return "http://127.0.0.1:" + ports.get("GATEWAY_PORT");
    }

    /** The second gateway of a two-replica stack. */
    String secondGateway() {
        return "http://127.0.0.1:" + ports.get("GATEWAY_PORT_2");
    }

    /** The API of this stack through its (first) gateway. */
    public StackApi api() {
        return new StackApi(gateway());
    }

    /** A dev JWT from the gateway's dev token endpoint. */
    public String devToken(String json) throws IOException, InterruptedException {
        return api().devToken(json);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return api().get(path);
    }

    /** Sends a request through the gateway; {@code token} and {@code json} may be null. */
    public HttpResponse<String> send(String method, String path, String token, String json, String... headers)
            throws IOException, InterruptedException {
        return api().send(method, path, token, json, headers);
    }

    /** Sends a request to {@code base} (a gateway's URL); {@code token} and {@code json} may be null. */
    HttpResponse<String> sendTo(String base, String method, String path, String token, String json, String... headers)
            throws IOException, InterruptedException {
        return new StackApi(base).send(method, path, token, json, headers);
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            try {
                interrupt();
            } catch (Exception | AssertionError e) {
                process.destroyForcibly();
            }
        }
        children.values().forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root").isNotNull();
        return dir;
    }
}

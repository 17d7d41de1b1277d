package dev.hashi.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the dev stack starts and where, read from environment variables.
 *
 * @param root           repository root (where the service modules' {@code target/} folders are)
 * @param dataDir        where the embedded MongoDB file and Kafka logs live ({@code HASHI_DATA_DIR}, default ./data)
 * @param mongoUri       external MongoDB ({@code MONGODB_URI}); {@code null} starts the embedded server
 * @param kafkaBootstrap external Kafka ({@code KAFKA_BOOTSTRAP_SERVERS}); {@code null} starts the embedded broker
 * @param mongoPort      embedded MongoDB port ({@code HASHI_MONGO_PORT}, default 27017)
 * @param kafkaPort      embedded Kafka broker port ({@code HASHI_KAFKA_PORT}, default 9092)
 * @param controllerPort embedded Kafka controller port ({@code HASHI_KAFKA_CONTROLLER_PORT}, default 9093)
 * @param replicas       JVMs per service ({@code --replicas} or {@code HASHI_REPLICAS}, default 1, at most 3)
 * @param readyTimeout   how long one replica of each service may take to be ready ({@code HASHI_READY_TIMEOUT} in
 *                       seconds, default 120); the launcher allows this much per replica
 * @param oneJvm         whether every service runs in one JVM ({@code HASHI_DEV_JVM=one}, the default with one
 *                       replica) or each in its own ({@code HASHI_DEV_JVM=per-service}, and always with replicas)
 * @param services       every service process in start order, replicas of a service together, gateways last
 */
record StackConfig(
        Path root,
        Path dataDir,
        String mongoUri,
        String kafkaBootstrap,
        int mongoPort,
        int kafkaPort,
        int controllerPort,
        int replicas,
        Duration readyTimeout,
        boolean oneJvm,
        List<Service> services) {

    /** At most as many replicas as the event topics have partitions: a further one would consume nothing. */
    static final int MAX_REPLICAS = 3;
    /** A second replica listens this far above the first unless {@code <PORT VARIABLE>_2} says otherwise. */
    static final int REPLICA_PORT_OFFSET = 1000;

    /**
     * A service module, its port variable and default port, its database ({@code null}: none) and whether it runs
     * as many replicas as the others (the console does not: the gateway routes to one console URL).
     */
    private record Module(String name, String portVariable, int defaultPort, String database, boolean replicated) {}

    /** In start order, the gateway last: it answers only once the services behind it do. */
    private static final List<Module> MODULES = List.of(
            new Module("content-service", "CONTENT_SERVICE_PORT", 8081, "hashi_content", true),
            new Module("translation-service", "TRANSLATION_SERVICE_PORT", 8082, "hashi_translation", true),
            new Module("media-service", "MEDIA_SERVICE_PORT", 8083, "hashi_media", true),
            new Module("console", "CONSOLE_PORT", 8084, null, false),
            new Module("gateway", "GATEWAY_PORT", 8080, null, true));

    /**
     * One service process.
     *
     * @param name     module name, e.g. {@code content-service}
     * @param port     HTTP port ({@code <NAME>_PORT}, e.g. {@code CONTENT_SERVICE_PORT}; the second replica's
     *                 {@code CONTENT_SERVICE_PORT_2}, default the first's + 1000)
     * @param database its MongoDB database, {@code null} for the gateway
     * @param replica  which replica of the service, from 1
     */
    record Service(String name, int port, String database, int replica) {

        Service(String name, int port, String database) {
            this(name, port, database, 1);
        }

        /** The name in the banner and of the log file: the module name, {@code #2} appended for a second replica. */
        String label() {
            return replica == 1 ? name : name + "#" + replica;
        }

        Path jar(Path root) {
            return root.resolve(name).resolve("target").resolve(name + ".jar");
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }
    }

    static StackConfig fromEnvironment(Map<String, String> env, Path root) {
        return fromEnvironment(env, List.of(), root);
    }

    /**
     * @param args the launcher's arguments: {@code --replicas N} (or {@code --replicas=N}) overrides
     *             {@code HASHI_REPLICAS}
     * @throws IllegalArgumentException for a bad port, replica count or argument, naming it
     */
    static StackConfig fromEnvironment(Map<String, String> env, List<String> args, Path root) {
        Path data = Path.of(
                        env.getOrDefault("HASHI_DATA_DIR", root.resolve("data").toString()))
                .toAbsolutePath();
        int replicas = replicas(env.get("HASHI_REPLICAS"), "HASHI_REPLICAS");
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--replicas")) {
                if (i + 1 == args.size()) {
                    throw new IllegalArgumentException("--replicas needs a count, 1 to " + MAX_REPLICAS);
                }
                replicas = replicas(args.get(++i), "--replicas");
            } else if (arg.startsWith("--replicas=")) {
                replicas = replicas(arg.substring("--replicas=".length()), "--replicas");
            } else {
                throw new IllegalArgumentException(
                        "unknown argument " + arg + " (known: --replicas N, 1 to " + MAX_REPLICAS + ")");
            }
        }
        List<Service> services = new ArrayList<>();
        for (Module module : MODULES) {
            int first = port(env, module.portVariable(), module.defaultPort());
            services.add(new Service(module.name(), first, module.database(), 1));
            for (int replica = 2; module.replicated() && replica <= replicas; replica++) {
                int fallback = first + REPLICA_PORT_OFFSET * (replica - 1);
                services.add(new Service(
                        module.name(),
                        port(env, module.portVariable() + "_" + replica, fallback),
                        module.database(),
                        replica));
            }
        }
        return new StackConfig(
                root,
                data,
                blankToNull(env.get("MONGODB_URI")),
                blankToNull(env.get("KAFKA_BOOTSTRAP_SERVERS")),
                port(env, "HASHI_MONGO_PORT", 27017),
                port(env, "HASHI_KAFKA_PORT", 9092),
                port(env, "HASHI_KAFKA_CONTROLLER_PORT", 9093),
                replicas,
                Duration.ofSeconds(seconds(env, "HASHI_READY_TIMEOUT", 120)),
                oneJvm(env.get("HASHI_DEV_JVM"), replicas),
                List.copyOf(services));
    }

    /** The executable jar of the one JVM that runs every service ({@link #oneJvm()}). */
    Path oneJvmJar() {
        return root.resolve("devstack-host").resolve("target").resolve("devstack-host.jar");
    }

    /** The first replica of a service. */
    Service service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** Every replica of a service, in replica order. */
    List<Service> replicasOf(String name) {
        return services.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The base URLs of every replica of a service, comma-separated, as the gateway takes its downstreams. */
    String urls(String name) {
        return String.join(",", replicasOf(name).stream().map(Service::url).toList());
    }

    /**
     * {@code HASHI_DEV_JVM}: {@code one} (default) runs every service in one JVM, {@code per-service} one JVM each,
     * as production does. Replicas always run in JVMs of their own: they stand for separate machines.
     */
    private static boolean oneJvm(String value, int replicas) {
        String choice = value == null || value.isBlank() ? "one" : value.trim().toLowerCase(java.util.Locale.ROOT);
        if (!choice.equals("one") && !choice.equals("per-service")) {
            throw new IllegalArgumentException("HASHI_DEV_JVM=" + value + " is neither one nor per-service");
        }
        return choice.equals("one") && replicas == 1;
    }

    private static int replicas(String value, String name) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            int replicas = Integer.parseInt(value.trim());
            if (replicas < 1 || replicas > MAX_REPLICAS) {
                throw new NumberFormatException();
            }
            return replicas;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    name + "=" + value + " is not a replica count (1 or " + MAX_REPLICAS + ")");
        }
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + value + " is not a port number");
        }
    }

    private static int seconds(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int seconds = Integer.parseInt(value.trim());
            if (seconds < 1) {
                throw new NumberFormatException();
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + value + " is not a number of seconds");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

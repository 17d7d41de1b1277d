package dev.hashi.devstack;

import java.nio.file.Path;
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
 * @param services       the services in start order, gateway last
 */
record StackConfig(
        Path root,
        Path dataDir,
        String mongoUri,
        String kafkaBootstrap,
        int mongoPort,
        int kafkaPort,
        int controllerPort,
        List<Service> services) {

    /**
     * One service process.
     *
     * @param name     module name, e.g. {@code content-service}
     * @param port     HTTP port ({@code <NAME>_PORT}, e.g. {@code CONTENT_SERVICE_PORT})
     * @param database its MongoDB database, {@code null} for the gateway
     */
    record Service(String name, int port, String database) {

        Path jar(Path root) {
            return root.resolve(name).resolve("target").resolve(name + ".jar");
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }
    }

    static StackConfig fromEnvironment(Map<String, String> env, Path root) {
        Path data = Path.of(
                        env.getOrDefault("HASHI_DATA_DIR", root.resolve("data").toString()))
                .toAbsolutePath();
        List<Service> services = List.of(
                new Service("content-service", port(env, "CONTENT_SERVICE_PORT", 8081), "hashi_content"),
                new Service("translation-service", port(env, "TRANSLATION_SERVICE_PORT", 8082), "hashi_translation"),
                new Service("media-service", port(env, "MEDIA_SERVICE_PORT", 8083), "hashi_media"),
                new Service("gateway", port(env, "GATEWAY_PORT", 8080), null));
        return new StackConfig(
                root,
                data,
                blankToNull(env.get("MONGODB_URI")),
                blankToNull(env.get("KAFKA_BOOTSTRAP_SERVERS")),
                port(env, "HASHI_MONGO_PORT", 27017),
                port(env, "HASHI_KAFKA_PORT", 9092),
                port(env, "HASHI_KAFKA_CONTROLLER_PORT", 9093),
                services);
    }

    Service service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

package dev.hashi.devstack;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Checks docker-compose.yml and the Dockerfile it builds from. Compose cannot run on the development
 * machines, so this parse is what verifies the deployment files.
 */
class ComposeFileTest {

    private static final Map<String, String> DATABASES = Map.of(
            "content-service",
            "hashi_content",
            "translation-service",
            "hashi_translation",
            "media-service",
            "hashi_media");
    private static final Map<String, String> PORTS = Map.of(
            "gateway",
            "8080",
            "content-service",
            "8081",
            "translation-service",
            "8082",
            "media-service",
            "8083",
            "console",
            "8084");
    private static final Set<String> COMMON_ENV = Set.of(
            "SERVER_PORT",
            "HASHI_PROFILE",
            "HASHI_GATEWAY_SECRET",
            "JAVA_TOOL_OPTIONS",
            "LOGGING_STRUCTURED_FORMAT_CONSOLE",
            "OTEL_EXPORTER_OTLP_ENDPOINT");
    private static final Set<String> OBSERVABILITY = Set.of("prometheus", "grafana", "otel-collector", "jaeger");
    private static final Set<String> TOPICS =
            Set.of("cms.content.events", "cms.translation.events", "cms.media.events");
    /** Exact version: at least major.minor.patch, an optional suffix (-jre-noble) and an optional digest. */
    private static final Pattern EXACT_IMAGE =
            Pattern.compile("[a-z0-9][a-z0-9._/-]*:v?\\d+\\.\\d+\\.\\d+[A-Za-z0-9._-]*(@sha256:[0-9a-f]{64})?");

    private static Path root;
    private static Map<String, Object> services;
    private static Map<String, Object> volumes;

    @BeforeAll
    static void readComposeFile() throws IOException {
        root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("docker-compose.yml"))) {
            root = root.getParent();
            assertThat(root)
                    .as("no docker-compose.yml above the working directory")
                    .isNotNull();
        }
        try (Reader in = Files.newBufferedReader(root.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(in);
            services = map(compose.get("services"));
            volumes = compose.get("volumes") == null ? Map.of() : map(compose.get("volumes"));
        }
    }

    @Test
    void composeDefinesMongoKafkaTheFourServicesAndTheConsole() {
        assertThat(services)
                .containsKeys(
                        "mongo",
                        "kafka",
                        "gateway",
                        "content-service",
                        "translation-service",
                        "media-service",
                        "console");
    }

    @Test
    void everyImageIsPinnedToAnExactVersionAndNeverLatest() {
        services.forEach((name, service) -> {
            Object image = map(service).get("image");
            if (image != null) {
                assertExactVersion(String.valueOf(image), "image of " + name);
            }
        });
        dockerfiles()
                .forEach(dockerfile ->
                        fromImages(dockerfile).forEach(image -> assertExactVersion(image, "FROM in " + dockerfile)));
    }

    @Test
    void eachApplicationServiceIsBuiltFromAnExistingDockerfileForItsOwnModule() throws IOException {
        String rootPom = Files.readString(root.resolve("pom.xml"));
        for (String name : PORTS.keySet()) {
            assertThat(dockerfile(name)).as("Dockerfile of %s", name).isRegularFile();
            Map<String, Object> args = map(map(service(name).get("build")).getOrDefault("args", Map.of()));
            assertThat(String.valueOf(args.get("MODULE")))
                    .as("MODULE build arg of %s", name)
                    .isEqualTo(name);
            assertThat(String.valueOf(args.get("PORT")))
                    .as("PORT build arg of %s", name)
                    .isEqualTo(PORTS.get(name));
            assertThat(rootPom).as("root pom lists %s", name).contains("<module>" + name + "</module>");
        }
    }

    @Test
    void everyModuleSitsDirectlyUnderTheRootWhereTheDockerfileCollectsThePoms() throws IOException {
        Matcher modules =
                Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(root.resolve("pom.xml")));
        while (modules.find()) {
            assertThat(modules.group(1)).as("module path").doesNotContain("/");
        }
    }

    @Test
    void eachApplicationServiceChecksItsReadinessAndRestarts() {
        for (String name : PORTS.keySet()) {
            assertThat(healthcheck(name)).as("healthcheck of %s", name).contains("/actuator/health/readiness");
            assertThat(service(name).get("restart"))
                    .as("restart policy of %s", name)
                    .isIn("always", "unless-stopped", "on-failure");
        }
        assertThat(healthcheck("mongo")).isNotBlank();
        assertThat(healthcheck("kafka")).isNotBlank();
    }

    @Test
    void domainServicesStartOnlyOnceMongoAndKafkaAreHealthy() {
        for (String name : DATABASES.keySet()) {
            assertThat(dependsOn(name))
                    .as("depends_on of %s", name)
                    .containsEntry("mongo", "service_healthy")
                    .containsEntry("kafka", "service_healthy");
        }
    }

    @Test
    void gatewayStartsOnlyOnceTheThreeDomainServicesAreHealthy() {
        assertThat(dependsOn("gateway"))
                .containsEntry("kafka", "service_healthy")
                .containsEntry("content-service", "service_healthy")
                .containsEntry("translation-service", "service_healthy")
                .containsEntry("media-service", "service_healthy");
    }

    @Test
    void domainServicesGetExactlyTheRequiredEnvironmentWithTheirOwnDatabase() {
        Set<String> expected =
                union(COMMON_ENV, "MONGODB_URI", "MONGODB_DATABASE", "KAFKA_BOOTSTRAP_SERVERS", "HASHI_LOCALES");
        DATABASES.forEach((name, database) -> {
            Map<String, String> env = environment(name);
            Set<String> required = name.equals("translation-service")
                    ? union(expected, "CMS_TRANSLATION_REBUILD_CONTENTURL")
                    : expected;
            assertThat(env.keySet()).as("environment of %s", name).containsExactlyInAnyOrderElementsOf(required);
            assertThat(env)
                    .as("environment of %s", name)
                    .containsEntry("MONGODB_DATABASE", database)
                    .containsEntry("MONGODB_URI", "mongodb://mongo:27017/?replicaSet=rs0")
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
            assertCommonEnvironment(name, env);
        });
        assertThat(environment("translation-service"))
                .as("translation-service reads content's snapshot for a rebuild from content-service, not itself")
                .containsEntry("CMS_TRANSLATION_REBUILD_CONTENTURL", "http://content-service:8081");
    }

    @Test
    void gatewayGetsExactlyTheRequiredEnvironmentWithTheServiceUris() {
        Map<String, String> env = environment("gateway");
        assertThat(env.keySet())
                .containsExactlyInAnyOrderElementsOf(union(
                        COMMON_ENV,
                        "CONTENT_SERVICE_URI",
                        "TRANSLATION_SERVICE_URI",
                        "MEDIA_SERVICE_URI",
                        "CONSOLE_URI",
                        "GATEWAY_CONNECT_TIMEOUT",
                        "GATEWAY_RESPONSE_TIMEOUT",
                        "KAFKA_BOOTSTRAP_SERVERS",
                        "GATEWAY_TOKEN_SIGNING_KEY",
                        "GATEWAY_DELIVERY_CACHE_ENABLED",
                        "GATEWAY_DELIVERY_CACHE_MAX_BYTES",
                        "GATEWAY_DELIVERY_LIST_TTL",
                        "HASHI_LOCALES"));
        assertThat(env)
                .containsEntry("CONTENT_SERVICE_URI", "http://content-service:8081")
                .containsEntry("TRANSLATION_SERVICE_URI", "http://translation-service:8082")
                .containsEntry("MEDIA_SERVICE_URI", "http://media-service:8083")
                .containsEntry("CONSOLE_URI", "http://console:8084")
                .containsEntry("GATEWAY_CONNECT_TIMEOUT", "2s")
                .containsEntry("GATEWAY_RESPONSE_TIMEOUT", "10s")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
        assertThat(env.get("GATEWAY_TOKEN_SIGNING_KEY"))
                .as("required, never defaulted")
                .startsWith("${GATEWAY_TOKEN_SIGNING_KEY:?");
        assertCommonEnvironment("gateway", env);
    }

    @Test
    void theConsoleCallsOnlyTheGatewayWithASecureSessionCookieAndNoSecrets() {
        Map<String, String> env = environment("console");
        assertThat(env.keySet())
                .containsExactlyInAnyOrder(
                        "SERVER_PORT",
                        "HASHI_PROFILE",
                        "JAVA_TOOL_OPTIONS",
                        "CONSOLE_GATEWAY_URL",
                        "MONGODB_URI",
                        "MONGODB_DATABASE",
                        "CONSOLE_COOKIE_SECURE",
                        "CONSOLE_OIDC_ISSUER_URI",
                        "CONSOLE_OIDC_CLIENT_ID",
                        "CONSOLE_OIDC_CLIENT_SECRET",
                        "CONSOLE_OIDC_REDIRECT_URI",
                        "LOGGING_STRUCTURED_FORMAT_CONSOLE",
                        "OTEL_EXPORTER_OTLP_ENDPOINT");
        assertThat(env)
                .containsEntry("SERVER_PORT", "8084")
                .containsEntry("HASHI_PROFILE", "prod")
                .containsEntry("CONSOLE_GATEWAY_URL", "http://gateway:8080")
                .containsEntry("CONSOLE_COOKIE_SECURE", "true");
        assertThat(map(service("console")))
                .as("the console is reached through the gateway")
                .doesNotContainKey("ports");
    }

    @Test
    void theConsoleKeepsItsSessionsInItsOwnDatabaseAndStartsOnceMongoIsHealthy() {
        assertThat(environment("console"))
                .containsEntry("MONGODB_URI", "mongodb://mongo:27017/?replicaSet=rs0")
                .containsEntry("MONGODB_DATABASE", "hashi_console");
        assertThat(dependsOn("console")).containsEntry("mongo", "service_healthy");
    }

    @Test
    void mongoRunsAsReplicaSetRs0ThatItsHealthcheckInitiates() {
        List<String> command = tokens(service("mongo").get("command"));
        assertThat(command).as("mongo command").contains("--replSet");
        assertThat(command.get(command.indexOf("--replSet") + 1)).isEqualTo("rs0");
        assertThat(healthcheck("mongo")).contains("rs.initiate").contains("rs0");
    }

    @Test
    void kafkaRunsInKraftModeAsBrokerAndControllerWithoutZookeeper() {
        Map<String, String> env = environment("kafka");
        assertThat(env.get("KAFKA_PROCESS_ROLES"))
                .as("KAFKA_PROCESS_ROLES")
                .contains("broker")
                .contains("controller");
        assertThat(env)
                .containsKeys("KAFKA_NODE_ID", "KAFKA_CONTROLLER_QUORUM_VOTERS", "KAFKA_CONTROLLER_LISTENER_NAMES");
        assertThat(env.keySet()).noneMatch(key -> key.contains("ZOOKEEPER"));
        assertThat(services.keySet()).noneMatch(name -> name.contains("zookeeper"));
        assertThat(String.valueOf(service("kafka").get("image"))).startsWith("apache/kafka:");
    }

    @Test
    void eventTopicsAndTheirDeadLetterTopicsAreCreatedBeforeTheDomainServicesStart() {
        String creator = services.keySet().stream()
                .filter(name ->
                        String.join(" ", tokens(service(name).get("command"))).contains("kafka-topics.sh"))
                .findFirst()
                .orElseGet(() -> fail("no service runs kafka-topics.sh --create"));
        String script = String.join(" ", tokens(service(creator).get("command")));
        assertThat(script).contains("--create");
        TOPICS.forEach(topic -> assertThat(script)
                .as("topics created")
                .containsPattern("\\s" + Pattern.quote(topic) + "[\\s;]")
                .containsPattern("\\s" + Pattern.quote(topic + ".dlt") + "[\\s;]"));
        assertThat(script)
                .as("the gateway's token topic is compacted")
                .containsPattern("--topic cms\\.gateway\\.tokens [^;]*cleanup\\.policy=compact");
        assertThat(dependsOn(creator)).containsEntry("kafka", "service_healthy");
        DATABASES
                .keySet()
                .forEach(name -> assertThat(dependsOn(name)).containsEntry(creator, "service_completed_successfully"));
    }

    @Test
    void onlyTheGatewayPublishesAPortToTheHost() {
        services.forEach((name, service) -> {
            if (!name.equals("gateway") && !OBSERVABILITY.contains(name)) {
                assertThat(map(service)).as("ports of %s", name).doesNotContainKey("ports");
            }
        });
        assertThat(tokens(service("gateway").get("ports"))).anyMatch(port -> port.endsWith(":8080"));
    }

    @Test
    void prometheusGrafanaAndTheCollectorRunOnlyInTheObservabilityProfileAndAnswerOnLoopbackOnly() {
        OBSERVABILITY.forEach(name -> {
            assertThat(tokens(service(name).get("profiles")))
                    .as("profiles of %s", name)
                    .containsExactly("observability");
            assertThat(tokens(service(name).getOrDefault("ports", List.of())))
                    .as("ports of %s", name)
                    .allMatch(port -> port.startsWith("127.0.0.1:"));
        });
        services.keySet().stream()
                .filter(name -> !OBSERVABILITY.contains(name))
                .forEach(name -> assertThat(service(name)).as(name).doesNotContainKey("profiles"));
        Stream.of("prometheus", "grafana", "otel-collector")
                .flatMap(name -> tokens(service(name).get("volumes")).stream())
                .filter(mount -> mount.startsWith("./"))
                .forEach(mount -> assertThat(root.resolve(mount.substring(2, mount.indexOf(':'))))
                        .as("mounted from the repository")
                        .exists());
        assertThat(String.join(" ", tokens(service("prometheus").get("volumes"))))
                .contains("deploy/observability/prometheus.yml", "deploy/observability/alerts.yml");
    }

    @Test
    void servicesLogJsonAndTraceOnlyWhenAnOtlpEndpointIsGiven() {
        PORTS.keySet()
                .forEach(name -> assertThat(environment(name))
                        .as("environment of %s", name)
                        .containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs")
                        .containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", "${OTEL_EXPORTER_OTLP_ENDPOINT:-}"));
    }

    @Test
    void applicationServicesHaveNoFixedContainerNameSoTheyCanBeScaled() {
        PORTS.keySet().forEach(name -> assertThat(service(name)).as(name).doesNotContainKey("container_name"));
    }

    @Test
    void mongoDataAndKafkaLogsLiveInNamedVolumes() {
        assertThat(tokens(service("mongo").get("volumes")))
                .as("mongo volumes")
                .anyMatch(mount -> isNamedVolumeOn(mount, "/data/db"));
        String logDirs = environment("kafka").get("KAFKA_LOG_DIRS");
        assertThat(logDirs).as("KAFKA_LOG_DIRS").isNotBlank();
        assertThat(tokens(service("kafka").get("volumes")))
                .as("kafka volumes")
                .anyMatch(mount -> isNamedVolumeOn(mount, logDirs));
    }

    @Test
    void eachDockerfileIsMultiStageWithAJre21PlusRuntimeANonRootUserAndAHealthcheck() throws IOException {
        for (Path dockerfile : dockerfiles()) {
            List<String> lines = instructions(dockerfile);
            List<String> froms =
                    lines.stream().filter(line -> line.startsWith("FROM ")).toList();
            assertThat(froms).as("stages of %s", dockerfile).hasSizeGreaterThanOrEqualTo(2);
            List<String> runtime = lines.subList(lines.lastIndexOf(froms.get(froms.size() - 1)), lines.size());
            assertThat(runtime)
                    .as("runtime stage of %s takes the jar from the build stage", dockerfile)
                    .anyMatch(line -> line.startsWith("COPY --from=") && line.contains(".jar"));
            Matcher jre = Pattern.compile("FROM eclipse-temurin:(\\d+)[^\\s]*-jre\\b.*")
                    .matcher(runtime.get(0));
            assertThat(jre.matches())
                    .as("runtime stage of %s is an eclipse-temurin JRE: %s", dockerfile, runtime.get(0))
                    .isTrue();
            assertThat(Integer.parseInt(jre.group(1)))
                    .as("runtime Java version")
                    .isGreaterThanOrEqualTo(21);
            String user = runtime.stream()
                    .filter(line -> line.startsWith("USER "))
                    .reduce((a, b) -> b)
                    .orElseGet(() -> fail("no USER in the runtime stage of " + dockerfile))
                    .substring(5)
                    .split(":")[0]
                    .trim();
            assertThat(user).as("runtime user").isNotIn("root", "0");
            assertThat(runtime).anyMatch(line -> line.startsWith("HEALTHCHECK ") && line.contains("/actuator/health/"));
            assertThat(runtime).contains("ENTRYPOINT [\"java\", \"-jar\", \"/app/app.jar\"]");
            assertDependenciesAreResolvedBeforeTheSourcesAreCopied(dockerfile, lines);
        }
    }

    /** In the stage that packages the jar, only poms (or another stage's output) arrive before go-offline. */
    private static void assertDependenciesAreResolvedBeforeTheSourcesAreCopied(Path dockerfile, List<String> lines) {
        int start = -1;
        int offline = -1;
        int packaging = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("FROM ")) {
                start = i;
            } else if (line.startsWith("RUN ") && line.contains("dependency:go-offline")) {
                offline = i;
            } else if (line.startsWith("RUN ") && line.matches(".*\\bmvn\\b.*\\bpackage\\b.*")) {
                packaging = i;
                break;
            }
        }
        assertThat(packaging).as("a RUN mvn ... package in %s", dockerfile).isNotNegative();
        assertThat(offline)
                .as("dependency:go-offline in the packaging stage of %s", dockerfile)
                .isGreaterThan(start);
        List<String> copiedFirst = lines.subList(start, offline).stream()
                .filter(line -> line.startsWith("COPY "))
                .toList();
        assertThat(copiedFirst)
                .as("copied before go-offline")
                .allMatch(copy -> copy.startsWith("COPY --from=")
                        || Arrays.stream(copy.split("\\s+"))
                                .skip(1)
                                .limit(copy.split("\\s+").length - 2)
                                .allMatch(src -> src.endsWith("pom.xml")));
        assertThat(lines.subList(offline, packaging))
                .as("sources copied after go-offline")
                .anyMatch(line -> line.startsWith("COPY "));
    }

    private static void assertCommonEnvironment(String name, Map<String, String> env) {
        assertThat(env)
                .as("environment of %s", name)
                .containsEntry("SERVER_PORT", PORTS.get(name))
                .containsEntry("HASHI_PROFILE", "prod");
        assertThat(env.get("HASHI_GATEWAY_SECRET"))
                .as("the secret is required, never defaulted")
                .startsWith("${HASHI_GATEWAY_SECRET:?");
        assertThat(env.get("JAVA_TOOL_OPTIONS"))
                .contains("-XX:MaxRAMPercentage=")
                .contains("-Dspring.threads.virtual.enabled=true");
    }

    private static void assertExactVersion(String image, String where) {
        assertThat(image).as(where).matches(EXACT_IMAGE).doesNotContainIgnoringCase("latest");
    }

    private static boolean isNamedVolumeOn(String mount, String target) {
        String[] parts = mount.split(":");
        return parts.length >= 2 && volumes.containsKey(parts[0]) && parts[1].equals(target);
    }

    private static Set<Path> dockerfiles() {
        return PORTS.keySet().stream()
                .map(ComposeFileTest::dockerfile)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Path dockerfile(String name) {
        Object build = service(name).get("build");
        assertThat(build).as("build section of %s", name).isNotNull();
        Map<String, Object> section = build instanceof String context ? Map.of("context", context) : map(build);
        return root.resolve(String.valueOf(section.getOrDefault("context", ".")))
                .resolve(String.valueOf(section.getOrDefault("dockerfile", "Dockerfile")))
                .normalize();
    }

    /** Instructions with line continuations joined and comments dropped. */
    private static List<String> instructions(Path dockerfile) throws IOException {
        String joined =
                Files.readString(dockerfile).replaceAll("(?m)^\\s*#.*\\n", "").replaceAll("\\\\\\n\\s*", " ");
        return Arrays.stream(joined.split("\\n"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
    }

    private static List<String> fromImages(Path dockerfile) {
        try {
            List<String> lines = instructions(dockerfile);
            Set<String> stages = new LinkedHashSet<>();
            List<String> images = new ArrayList<>();
            for (String line : lines.stream().filter(l -> l.startsWith("FROM ")).toList()) {
                String[] words = line.split("\\s+");
                if (!stages.contains(words[1])) {
                    images.add(words[1]);
                }
                if (words.length >= 4 && words[2].equalsIgnoreCase("AS")) {
                    stages.add(words[3]);
                }
            }
            return images;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> service(String name) {
        assertThat(services).as("services").containsKey(name);
        return map(services.get(name));
    }

    private static String healthcheck(String name) {
        Object healthcheck = service(name).get("healthcheck");
        assertThat(healthcheck).as("healthcheck of %s", name).isNotNull();
        return String.join(" ", tokens(map(healthcheck).get("test")));
    }

    private static Map<String, String> dependsOn(String name) {
        Object dependsOn = service(name).get("depends_on");
        assertThat(dependsOn).as("depends_on of %s with conditions", name).isInstanceOf(Map.class);
        Map<String, String> conditions = new LinkedHashMap<>();
        map(dependsOn)
                .forEach((dependency, spec) ->
                        conditions.put(dependency, String.valueOf(map(spec).get("condition"))));
        return conditions;
    }

    private static Map<String, String> environment(String name) {
        Object environment = service(name).get("environment");
        Map<String, String> env = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> env.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
        } else {
            tokens(environment)
                    .forEach(entry ->
                            env.put(entry.split("=", 2)[0], entry.contains("=") ? entry.split("=", 2)[1] : null));
        }
        return env;
    }

    private static List<String> tokens(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value).trim().split("\\s+"));
    }

    private static Set<String> union(Set<String> base, String... more) {
        Set<String> all = new LinkedHashSet<>(base);
        all.addAll(List.of(more));
        return all;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}

package dev.hashi.devstack;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import dev.hashi.service.kafka.KafkaSupport.TopicConfigs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Checks the Kubernetes manifests under deploy/k8s/base against the rules of the deployment and against
 * docker-compose.yml, so that both ways of running Hashi give the services the same environment and the same
 * topics. No cluster runs on the development machines, so this parse is what verifies the manifests.
 */
class KubernetesManifestsTest {

    private static final List<String> SERVICES =
            List.of("gateway", "content-service", "translation-service", "media-service");
    private static final Set<String> DOMAIN_SERVICES =
            Set.of("content-service", "translation-service", "media-service");
    /** Variables whose compose value names compose's own MongoDB, Kafka or secret; a cluster sets its own. */
    private static final Set<String> CLUSTER_SPECIFIC = Set.of(
            "HASHI_GATEWAY_SECRET",
            "GATEWAY_TOKEN_SIGNING_KEY",
            "MONGODB_URI",
            "KAFKA_BOOTSTRAP_SERVERS",
            "OTEL_EXPORTER_OTLP_ENDPOINT");
    /** Variables a cluster adds to compose's: replication factors for a multi-broker Kafka cluster. */
    private static final Map<String, String> EXTRA_ENV =
            Map.of("CMS_EVENTS_REPLICATIONFACTOR", "domain", "CMS_GATEWAY_TOKENS_REPLICATIONFACTOR", "gateway");
    /** Variables that carry credentials: only ever from a Secret. */
    private static final Set<String> SECRET_ENV =
            Set.of("HASHI_GATEWAY_SECRET", "GATEWAY_TOKEN_SIGNING_KEY", "MONGODB_URI");

    private static final String TOKEN_TOPIC = "cms.gateway.tokens";
    private static final String LIVENESS = "/actuator/health/liveness";
    private static final String READINESS = "/actuator/health/readiness";
    /** Exact version: at least major.minor.patch, an optional suffix and an optional digest; as ComposeFileTest. */
    private static final Pattern EXACT_IMAGE =
            Pattern.compile("[a-z0-9][a-z0-9._/-]*:\\d+\\.\\d+\\.\\d+[A-Za-z0-9._-]*(@sha256:[0-9a-f]{64})?");

    private static Path root;
    private static Path base;
    private static Map<String, Object> compose;
    private static Map<String, Object> kustomization;
    /** Every document of every resource file, in order. */
    private static List<Map<String, Object>> documents;
    /** Generated and declared ConfigMaps and Secrets: name to data. */
    private static Map<String, Map<String, String>> configMaps;

    private static Map<String, Map<String, String>> secrets;

    @BeforeAll
    static void readManifests() throws IOException {
        root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("docker-compose.yml"))) {
            root = root.getParent();
            assertThat(root)
                    .as("no docker-compose.yml above the working directory")
                    .isNotNull();
        }
        base = root.resolve("deploy/k8s/base");
        try (Reader in = Files.newBufferedReader(root.resolve("docker-compose.yml"))) {
            compose = new Yaml().load(in);
        }
        kustomization = map(load(base.resolve("kustomization.yaml")).get(0));
        documents = new ArrayList<>();
        for (String resource : strings(kustomization.get("resources"))) {
            Path file = base.resolve(resource).normalize();
            assertThat(file).as("resource %s of the kustomization", resource).isRegularFile();
            documents.addAll(load(file));
        }
        configMaps = new LinkedHashMap<>(generated("configMapGenerator"));
        secrets = new LinkedHashMap<>(generated("secretGenerator"));
        for (Map<String, Object> document : documents) {
            if (kind(document).equals("ConfigMap")) {
                configMaps.put(name(document), stringMap(document.get("data")));
            } else if (kind(document).equals("Secret")) {
                secrets.put(name(document), stringMap(document.get("stringData")));
            }
        }
    }

    @Test
    void everyResourceOfTheKustomizationParsesAndEveryManifestIsListed() throws IOException {
        assertThat(kustomization.get("apiVersion")).isEqualTo("kustomize.config.k8s.io/v1beta1");
        assertThat(kustomization.get("kind")).isEqualTo("Kustomization");
        List<String> resources = strings(kustomization.get("resources"));
        for (String resource : resources) {
            List<Map<String, Object>> docs = load(base.resolve(resource));
            assertThat(docs).as("documents in %s", resource).isNotEmpty();
            for (Map<String, Object> doc : docs) {
                assertThat(doc).as("a document in %s", resource).containsKeys("apiVersion", "kind", "metadata");
                assertThat(map(doc.get("metadata")))
                        .as("metadata in %s", resource)
                        .containsKey("name");
            }
        }
        try (Stream<Path> files = Files.list(base)) {
            List<String> manifests = files.map(file -> file.getFileName().toString())
                    .filter(file -> file.endsWith(".yaml") || file.endsWith(".yml"))
                    .filter(file -> !file.equals("kustomization.yaml"))
                    .toList();
            assertThat(resources).as("resources of the kustomization").containsAll(manifests);
        }
    }

    @Test
    void mongoDbAndKafkaAreManagedServicesNotDeployedHere() {
        assertThat(documents).noneMatch(doc -> kind(doc).equals("StatefulSet"));
        assertThat(documents)
                .filteredOn(doc -> Set.of("Deployment", "Service").contains(kind(doc)))
                .noneMatch(doc -> name(doc).contains("mongo") || name(doc).contains("kafka"));
    }

    @Test
    void eachServiceRunsTwoReplicasOfItsPinnedImage() throws IOException {
        Matcher version = Pattern.compile(
                        "<artifactId>hashi-parent</artifactId>\\s*<version>(\\d+\\.\\d+\\.\\d+)(-SNAPSHOT)?</version>")
                .matcher(Files.readString(root.resolve("pom.xml")));
        assertThat(version.find()).as("project version in the root pom").isTrue();
        for (String service : SERVICES) {
            Map<String, Object> deployment = resource("Deployment", service);
            assertThat(map(deployment.get("spec")).get("replicas"))
                    .as("replicas of %s", service)
                    .isEqualTo(2);
            assertThat(container(service).get("image"))
                    .as("image of %s", service)
                    .isEqualTo("hashi/" + service + ":" + version.group(1));
        }
    }

    @Test
    void probesUseTheActuatorGroupsOnTheContainerPort() {
        for (String service : SERVICES) {
            Map<String, Object> container = container(service);
            Map<String, Object> port = map(list(container.get("ports")).get(0));
            assertThat(String.valueOf(port.get("containerPort")))
                    .as("container port of %s is its SERVER_PORT in compose", service)
                    .isEqualTo(composeEnvironment(service).get("SERVER_PORT"))
                    .isEqualTo(environment(container).get("SERVER_PORT"));
            Map<String, String> paths =
                    Map.of("startupProbe", LIVENESS, "livenessProbe", LIVENESS, "readinessProbe", READINESS);
            paths.forEach((probe, path) -> {
                assertThat(container).as("%s of %s", probe, service).containsKey(probe);
                Map<String, Object> httpGet = map(map(container.get(probe)).get("httpGet"));
                assertThat(httpGet.get("path"))
                        .as("%s path of %s", probe, service)
                        .isEqualTo(path);
                assertThat(String.valueOf(httpGet.get("port")))
                        .as("%s port of %s", probe, service)
                        .isIn(String.valueOf(port.get("name")), String.valueOf(port.get("containerPort")));
            });
            Map<String, Object> startup = map(container.get("startupProbe"));
            assertThat(intValue(startup.get("periodSeconds")) * intValue(startup.get("failureThreshold")))
                    .as("seconds %s may take to start, at least compose's start_period of 90 s", service)
                    .isGreaterThanOrEqualTo(90);
        }
    }

    @Test
    void prometheusScrapesEachPodsMetricsOnItsContainerPort() {
        for (String service : SERVICES) {
            Map<String, Object> template =
                    map(map(resource("Deployment", service).get("spec")).get("template"));
            Map<String, String> annotations =
                    stringMap(map(template.get("metadata")).get("annotations"));
            Map<String, Object> port = map(list(container(service).get("ports")).get(0));
            assertThat(annotations)
                    .as("scrape annotations of %s", service)
                    .containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/path", "/actuator/prometheus")
                    .containsEntry("prometheus.io/port", String.valueOf(port.get("containerPort")));
        }
    }

    @Test
    void resourcesAreRequestedAndTheMemoryLimitIsComposes() {
        for (String service : SERVICES) {
            Map<String, Object> resources = map(container(service).get("resources"));
            Map<String, Object> requests = map(resources.get("requests"));
            Map<String, Object> limits = map(resources.get("limits"));
            assertThat(requests).as("requests of %s", service).containsKeys("cpu", "memory");
            Object composeLimit = map(map(map(composeService(service).get("deploy"))
                                    .get("resources"))
                            .get("limits"))
                    .get("memory");
            assertThat(kubernetesBytes(String.valueOf(limits.get("memory"))))
                    .as("memory limit of %s, which the heap is a percentage of", service)
                    .isEqualTo(composeBytes(String.valueOf(composeLimit)))
                    .isEqualTo(kubernetesBytes(String.valueOf(requests.get("memory"))));
        }
    }

    @Test
    void podsRunAsNonRootOnAReadOnlyRootFilesystemWithAWritableTmp() {
        for (Map<String, Object> workload : workloads()) {
            Map<String, Object> pod = podSpec(workload);
            String what = kind(workload) + " " + name(workload);
            Map<String, Object> podSecurity = map(pod.get("securityContext"));
            assertThat(podSecurity).as("pod securityContext of %s", what).containsEntry("runAsNonRoot", true);
            assertThat(intValue(podSecurity.get("runAsUser")))
                    .as("runAsUser of %s", what)
                    .isPositive();
            assertThat(pod)
                    .as("pod of %s", what)
                    .containsEntry("automountServiceAccountToken", false)
                    .containsEntry("enableServiceLinks", false);
            for (Object each : list(pod.get("containers"))) {
                Map<String, Object> container = map(each);
                Map<String, Object> security = map(container.get("securityContext"));
                assertThat(security)
                        .as("securityContext of %s", what)
                        .containsEntry("readOnlyRootFilesystem", true)
                        .containsEntry("allowPrivilegeEscalation", false);
                assertThat(strings(map(security.get("capabilities")).get("drop")))
                        .as("dropped capabilities of %s", what)
                        .contains("ALL");
                String tmp = list(container.get("volumeMounts")).stream()
                        .map(KubernetesManifestsTest::map)
                        .filter(mount -> "/tmp".equals(mount.get("mountPath")))
                        .map(mount -> String.valueOf(mount.get("name")))
                        .findFirst()
                        .orElseGet(() -> fail("no /tmp mount in " + what));
                assertThat(list(pod.get("volumes")))
                        .as("volumes of %s", what)
                        .anyMatch(volume -> tmp.equals(map(volume).get("name"))
                                && map(volume).containsKey("emptyDir"));
            }
        }
    }

    @Test
    void theTwoReplicasOfAServiceAreSpreadOverNodes() {
        for (String service : SERVICES) {
            assertThat(list(podSpec(resource("Deployment", service)).get("topologySpreadConstraints")))
                    .as("topology spread of %s", service)
                    .anySatisfy(each -> {
                        Map<String, Object> constraint = map(each);
                        assertThat(constraint)
                                .containsEntry("topologyKey", "kubernetes.io/hostname")
                                .containsEntry("whenUnsatisfiable", "DoNotSchedule")
                                .containsEntry("maxSkew", 1);
                        assertThat(selects(map(constraint.get("labelSelector")), podLabels(service)))
                                .isTrue();
                    });
        }
    }

    @Test
    void eachDeploymentHasADisruptionBudgetThatSelectsExactlyItsPods() {
        for (String service : SERVICES) {
            List<Map<String, Object>> budgets = documents.stream()
                    .filter(doc -> kind(doc).equals("PodDisruptionBudget"))
                    .filter(doc -> selects(map(map(doc.get("spec")).get("selector")), podLabels(service)))
                    .toList();
            assertThat(budgets).as("PodDisruptionBudgets of %s", service).hasSize(1);
            Map<String, Object> spec = map(budgets.get(0).get("spec"));
            assertThat(spec.get("minAvailable"))
                    .as("minAvailable of %s", service)
                    .isEqualTo(1);
            SERVICES.stream()
                    .filter(other -> !other.equals(service))
                    .forEach(other -> assertThat(selects(map(spec.get("selector")), podLabels(other)))
                            .as("the budget of %s selects the pods of %s", service, other)
                            .isFalse());
        }
    }

    @Test
    void eachServiceSelectsItsDeploymentsPodsAndOnlyTheGatewayIsExposed() {
        for (String service : SERVICES) {
            Map<String, Object> spec = map(resource("Service", service).get("spec"));
            Map<String, String> selector = stringMap(spec.get("selector"));
            assertThat(selector).as("selector of Service %s", service).isNotEmpty();
            assertThat(podLabels(service))
                    .as("pods selected by Service %s", service)
                    .containsAllEntriesOf(selector);
            SERVICES.stream()
                    .filter(other -> !other.equals(service))
                    .forEach(other -> assertThat(podLabels(other).entrySet().containsAll(selector.entrySet()))
                            .as("Service %s selects the pods of %s", service, other)
                            .isFalse());
            Map<String, Object> port = map(list(spec.get("ports")).get(0));
            Map<String, Object> containerPort =
                    map(list(container(service).get("ports")).get(0));
            assertThat(String.valueOf(port.get("targetPort")))
                    .as("targetPort of Service %s", service)
                    .isIn(
                            String.valueOf(containerPort.get("name")),
                            String.valueOf(containerPort.get("containerPort")));
            String type = String.valueOf(spec.getOrDefault("type", "ClusterIP"));
            if (service.equals("gateway")) {
                assertThat(type).as("the gateway is reachable from outside").isIn("LoadBalancer", "NodePort");
            } else {
                assertThat(type).as("type of Service %s", service).isEqualTo("ClusterIP");
            }
        }
        assertThat(documents)
                .filteredOn(doc -> kind(doc).equals("Ingress"))
                .allSatisfy(ingress -> assertThat(String.valueOf(ingress.get("spec")))
                        .as("an Ingress routes to the gateway only")
                        .doesNotContain(DOMAIN_SERVICES.toArray(String[]::new)));
    }

    @Test
    void theGatewayReachesTheServicesThroughTheirServices() {
        Map<String, String> env = environment(container("gateway"));
        DOMAIN_SERVICES.forEach(service -> {
            String variable = service.replace("-service", "").toUpperCase() + "_SERVICE_URI";
            Object port = map(list(map(resource("Service", service).get("spec")).get("ports"))
                            .get(0))
                    .get("port");
            assertThat(env.get(variable)).as(variable).isEqualTo("http://" + service + ":" + port);
        });
    }

    @Test
    void eachServiceGetsTheEnvironmentComposeGivesIt() {
        for (String service : SERVICES) {
            Map<String, String> composeEnv = composeEnvironment(service);
            Map<String, String> env = environment(container(service));
            assertThat(env.keySet()).as("variables of %s", service).containsAll(composeEnv.keySet());
            composeEnv.forEach((variable, value) -> {
                if (!CLUSTER_SPECIFIC.contains(variable)) {
                    assertThat(env.get(variable))
                            .as("%s of %s, as in docker-compose.yml", variable, service)
                            .isEqualTo(value);
                }
            });
            Set<String> extra = new TreeSet<>(env.keySet());
            extra.removeAll(composeEnv.keySet());
            String group = DOMAIN_SERVICES.contains(service) ? "domain" : "gateway";
            extra.forEach(variable -> assertThat(EXTRA_ENV.get(variable))
                    .as("%s is given to %s but not in docker-compose.yml", variable, service)
                    .isEqualTo(group));
        }
    }

    @Test
    void theConsoleRunsTwiceBehindTheGatewayWithComposesEnvironment() {
        Map<String, Object> deployment = resource("Deployment", "console");
        assertThat(map(deployment.get("spec")).get("replicas"))
                .as("two console replicas: their sessions are shared in MongoDB")
                .isEqualTo(2);
        List<Map<String, Object>> budgets = documents.stream()
                .filter(doc -> kind(doc).equals("PodDisruptionBudget"))
                .filter(doc -> selects(map(map(doc.get("spec")).get("selector")), podLabels("console")))
                .toList();
        assertThat(budgets).as("PodDisruptionBudgets of the console").hasSize(1);
        assertThat(map(budgets.get(0).get("spec")).get("minAvailable")).isEqualTo(1);
        SERVICES.forEach(service -> assertThat(
                        selects(map(map(budgets.get(0).get("spec")).get("selector")), podLabels(service)))
                .as("the console's budget selects the pods of %s", service)
                .isFalse());
        Map<String, Object> container = container("console");
        Map<String, Object> port = map(list(container.get("ports")).get(0));
        assertThat(String.valueOf(port.get("containerPort"))).isEqualTo("8084");
        assertThat(map(map(container.get("readinessProbe")).get("httpGet")).get("path"))
                .isEqualTo(READINESS);
        Map<String, String> env = environment(container);
        composeEnvironment("console").forEach((variable, value) -> {
            if (!value.startsWith("${") && !CLUSTER_SPECIFIC.contains(variable)) {
                assertThat(env.get(variable))
                        .as("%s of the console, as in docker-compose.yml", variable)
                        .isEqualTo(value);
            } else {
                assertThat(env).as("variables of the console").containsKey(variable);
            }
        });
        assertThat(env).as("its sessions' database").containsEntry("MONGODB_DATABASE", "hashi_console");
        assertThat(list(container.get("env")))
                .map(KubernetesManifestsTest::map)
                .as("the MongoDB connection string (with credentials) from the Secret, as for the services")
                .anySatisfy(entry -> assertThat(entry)
                        .containsEntry("name", "MONGODB_URI")
                        .doesNotContainKey("value")
                        .extracting(each -> map(map(each.get("valueFrom")).get("secretKeyRef")))
                        .satisfies(ref -> assertThat(ref).containsEntry("name", "hashi-mongodb")));
        Map<String, Object> spec = map(resource("Service", "console").get("spec"));
        assertThat(String.valueOf(spec.getOrDefault("type", "ClusterIP"))).isEqualTo("ClusterIP");
        assertThat(environment(container("gateway")))
                .containsEntry(
                        "CONSOLE_URI",
                        "http://console:" + map(list(spec.get("ports")).get(0)).get("port"));
    }

    @Test
    void secretsAreReferencedNeverInlined() {
        for (String service : SERVICES) {
            Map<String, Object> container = container(service);
            for (String variable : SECRET_ENV) {
                if (!composeEnvironment(service).containsKey(variable)) {
                    continue;
                }
                Map<String, Object> entry = list(container.get("env")).stream()
                        .map(KubernetesManifestsTest::map)
                        .filter(each -> variable.equals(each.get("name")))
                        .findFirst()
                        .orElseGet(() -> fail(variable + " is not an env entry of " + service));
                assertThat(entry).as("%s of %s", variable, service).doesNotContainKey("value");
                Map<String, Object> ref = map(map(entry.get("valueFrom")).get("secretKeyRef"));
                assertThat(secrets).as("Secrets").containsKey(String.valueOf(ref.get("name")));
                assertThat(secrets.get(String.valueOf(ref.get("name"))))
                        .as("Secret %s", ref.get("name"))
                        .containsKey(String.valueOf(ref.get("key")));
            }
        }
        configMaps.forEach((name, data) ->
                assertThat(data.keySet()).as("ConfigMap %s", name).doesNotContainAnyElementsOf(SECRET_ENV));
        secrets.forEach((name, data) -> data.forEach((key, value) -> assertThat(value)
                .as("%s in Secret %s: empty in the base, so that nothing starts until an overlay sets it", key, name)
                .isEmpty()));
    }

    @Test
    void theTopicJobCreatesExactlyTheTopicsComposeCreates() {
        Map<String, Object> initService = map(map(compose.get("services")).get("kafka-init"));
        Map<String, TopicSpec> composeTopics = topics(String.join("\n", strings(initService.get("command"))));
        assertThat(composeTopics).as("topics compose creates").isNotEmpty();

        Map<String, Object> job = documents.stream()
                .filter(doc -> kind(doc).equals("Job"))
                .findFirst()
                .orElseGet(() -> fail("no topic Job"));
        Map<String, Object> container = map(list(podSpec(job).get("containers")).get(0));
        assertThat(container.get("image")).as("image of the topic Job").isEqualTo(initService.get("image"));
        String script = String.join("\n", strings(container.get("command")))
                + "\n"
                + String.join("\n", strings(container.get("args")));
        assertThat(script).contains("set -euo pipefail", "--if-not-exists");
        Map<String, TopicSpec> jobTopics = topics(script);

        assertThat(jobTopics.keySet()).as("topics the Job creates").isEqualTo(composeTopics.keySet());
        Map<String, String> jobEnv = environment(container);
        composeTopics.forEach((topic, expected) -> {
            TopicSpec actual = jobTopics.get(topic);
            assertThat(actual.partitions()).as("partitions of %s", topic).isEqualTo(expected.partitions());
            assertThat(actual.configs()).as("configs of %s", topic).isEqualTo(expected.configs());
            String variable =
                    topic.equals(TOKEN_TOPIC) ? "CMS_GATEWAY_TOKENS_REPLICATIONFACTOR" : "CMS_EVENTS_REPLICATIONFACTOR";
            assertThat(actual.replicationFactor())
                    .as("replication factor of %s comes from the services' configuration", topic)
                    .isEqualTo("$" + variable);
            List<String> creators = topic.equals(TOKEN_TOPIC) ? List.of("gateway") : List.copyOf(DOMAIN_SERVICES);
            creators.forEach(
                    service -> assertThat(environment(container(service)).get(variable))
                            .as("%s of %s, the factor it creates %s with", variable, service, topic)
                            .isNotBlank()
                            .isEqualTo(jobEnv.get(variable)));
        });
    }

    @Test
    void everyTopicCarriesTheRetentionTheServicesDeclare() {
        Map<String, Object> initService = map(map(compose.get("services")).get("kafka-init"));
        Map<String, TopicSpec> composeTopics = topics(String.join("\n", strings(initService.get("command"))));
        assertThat(composeTopics.keySet()).as("topics compose creates").contains(TOKEN_TOPIC);
        composeTopics.forEach((topic, spec) -> {
            Set<String> declared = topic.equals(TOKEN_TOPIC)
                    ? Set.of("cleanup.policy=compact")
                    : configs(topic.endsWith(".dlt") ? TopicConfigs.DEAD_LETTERS : TopicConfigs.EVENTS);
            assertThat(spec.configs())
                    .as("configs of %s in compose (and so in the Job), against KafkaSupport.TopicConfigs", topic)
                    .isEqualTo(declared);
        });
        assertThat(TopicConfigs.EVENTS)
                .as("event topics keep their whole history: translation-service replays the content topic from 0")
                .containsEntry("retention.ms", "-1")
                .containsEntry("retention.bytes", "-1")
                .containsEntry("cleanup.policy", "delete");
    }

    private static Set<String> configs(Map<String, String> declared) {
        Set<String> configs = new TreeSet<>();
        declared.forEach((key, value) -> configs.add(key + "=" + value));
        return configs;
    }

    @Test
    void noImageIsLatestOrUnpinned() {
        for (Map<String, Object> workload : workloads()) {
            Map<String, Object> pod = podSpec(workload);
            Stream.concat(list(pod.get("containers")).stream(), list(pod.get("initContainers")).stream())
                    .map(container -> String.valueOf(map(container).get("image")))
                    .forEach(image -> assertThat(image)
                            .as("image in %s %s", kind(workload), name(workload))
                            .matches(EXACT_IMAGE)
                            .doesNotContainIgnoringCase("latest"));
        }
        for (Object image : list(kustomization.get("images"))) {
            assertThat(String.valueOf(map(image).get("newTag")))
                    .as("newTag in the kustomization")
                    .matches("\\d+\\.\\d+\\.\\d+.*")
                    .doesNotContainIgnoringCase("latest");
        }
    }

    /** Topic name to partitions, replication factor and configs, from the kafka-topics.sh calls of a script. */
    private static Map<String, TopicSpec> topics(String script) {
        String joined = script.replaceAll("\\\\\\n\\s*", " ");
        Map<String, TopicSpec> topics = new LinkedHashMap<>();
        Matcher loops = Pattern.compile("for\\s+\\w+\\s+in\\s+([^;]+);\\s*do(.*?)\\bdone", Pattern.DOTALL)
                .matcher(joined);
        while (loops.find()) {
            TopicSpec spec = topicSpec(loops.group(2));
            Arrays.stream(loops.group(1).trim().split("\\s+")).forEach(topic -> topics.put(topic, spec));
        }
        for (String line : loops.replaceAll("").split("\\n")) {
            if (line.contains("kafka-topics.sh") && line.contains("--create")) {
                List<String> words = words(line);
                topics.put(words.get(words.indexOf("--topic") + 1), topicSpec(line));
            }
        }
        return topics;
    }

    private static TopicSpec topicSpec(String command) {
        List<String> words = words(command);
        assertThat(words).as("kafka-topics.sh call %s", command).contains("--create", "--partitions");
        Set<String> configs = new TreeSet<>();
        Set<String> altered = new TreeSet<>();
        for (int i = 0; i < words.size() - 1; i++) {
            if (words.get(i).equals("--config")) {
                configs.add(words.get(i + 1));
            } else if (words.get(i).equals("--add-config")) {
                altered.addAll(Arrays.asList(words.get(i + 1).split(",")));
            }
        }
        if (command.contains("kafka-configs.sh")) {
            assertThat(altered)
                    .as(
                            "configs kafka-configs.sh sets on an existing topic, against those it is created with: %s",
                            command)
                    .isEqualTo(configs);
        }
        return new TopicSpec(
                words.get(words.indexOf("--partitions") + 1),
                words.get(words.indexOf("--replication-factor") + 1),
                configs);
    }

    private static List<String> words(String command) {
        return Arrays.stream(command.trim().split("\\s+"))
                .map(word -> word.replace("\"", ""))
                .toList();
    }

    private record TopicSpec(String partitions, String replicationFactor, Set<String> configs) {}

    /** The variables a container gets: envFrom ConfigMaps first, then env entries, which win. */
    private static Map<String, String> environment(Map<String, Object> container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Object each : list(container.get("envFrom"))) {
            Map<String, Object> source = map(each);
            if (source.containsKey("configMapRef")) {
                env.putAll(data(configMaps, map(source.get("configMapRef")).get("name"), "ConfigMap"));
            } else if (source.containsKey("secretRef")) {
                env.putAll(data(secrets, map(source.get("secretRef")).get("name"), "Secret"));
            }
        }
        for (Object each : list(container.get("env"))) {
            Map<String, Object> entry = map(each);
            String variable = String.valueOf(entry.get("name"));
            if (entry.containsKey("value")) {
                env.put(variable, String.valueOf(entry.get("value")));
                continue;
            }
            Map<String, Object> from = map(entry.get("valueFrom"));
            boolean config = from.containsKey("configMapKeyRef");
            Map<String, Object> ref = map(from.get(config ? "configMapKeyRef" : "secretKeyRef"));
            Map<String, String> data =
                    data(config ? configMaps : secrets, ref.get("name"), config ? "ConfigMap" : "Secret");
            assertThat(data)
                    .as("%s %s", config ? "ConfigMap" : "Secret", ref.get("name"))
                    .containsKey(String.valueOf(ref.get("key")));
            env.put(variable, data.get(String.valueOf(ref.get("key"))));
        }
        return env;
    }

    private static Map<String, String> data(Map<String, Map<String, String>> sources, Object name, String kind) {
        assertThat(sources).as("%ss", kind).containsKey(String.valueOf(name));
        return sources.get(String.valueOf(name));
    }

    /** The generators' literals; the base keeps its configuration in literals so that it is read here. */
    private static Map<String, Map<String, String>> generated(String generator) {
        Map<String, Map<String, String>> generated = new LinkedHashMap<>();
        for (Object each : list(kustomization.get(generator))) {
            Map<String, Object> spec = map(each);
            assertThat(spec)
                    .as("%s %s uses literals only", generator, spec.get("name"))
                    .doesNotContainKeys("envs", "files");
            Map<String, String> data = new LinkedHashMap<>();
            strings(spec.get("literals")).forEach(literal -> {
                assertThat(literal).as("literal of %s", spec.get("name")).contains("=");
                data.put(literal.substring(0, literal.indexOf('=')), literal.substring(literal.indexOf('=') + 1));
            });
            generated.put(String.valueOf(spec.get("name")), data);
        }
        return generated;
    }

    private static Map<String, String> composeEnvironment(String service) {
        return stringMap(composeService(service).get("environment"));
    }

    private static Map<String, Object> composeService(String service) {
        Map<String, Object> services = map(compose.get("services"));
        assertThat(services).as("services of docker-compose.yml").containsKey(service);
        return map(services.get(service));
    }

    private static List<Map<String, Object>> workloads() {
        return documents.stream()
                .filter(doc -> Set.of("Deployment", "Job", "StatefulSet", "DaemonSet", "CronJob")
                        .contains(kind(doc)))
                .toList();
    }

    private static Map<String, Object> resource(String kind, String name) {
        return documents.stream()
                .filter(doc -> kind(doc).equals(kind) && name(doc).equals(name))
                .findFirst()
                .orElseGet(() -> fail("no " + kind + " " + name));
    }

    private static Map<String, Object> podSpec(Map<String, Object> workload) {
        return map(map(map(workload.get("spec")).get("template")).get("spec"));
    }

    private static Map<String, Object> container(String service) {
        List<Object> containers = list(podSpec(resource("Deployment", service)).get("containers"));
        assertThat(containers).as("containers of %s", service).hasSize(1);
        return map(containers.get(0));
    }

    private static Map<String, String> podLabels(String service) {
        Map<String, Object> deployment = resource("Deployment", service);
        Map<String, String> labels =
                stringMap(map(map(map(deployment.get("spec")).get("template")).get("metadata"))
                        .get("labels"));
        Map<String, Object> selector = map(map(deployment.get("spec")).get("selector"));
        assertThat(selects(selector, labels))
                .as("the selector of Deployment %s selects its pods", service)
                .isTrue();
        return labels;
    }

    /** A label selector with matchLabels only (the manifests use no matchExpressions). */
    private static boolean selects(Map<String, Object> selector, Map<String, String> labels) {
        assertThat(selector).doesNotContainKey("matchExpressions");
        Map<String, String> matchLabels = stringMap(selector.get("matchLabels"));
        return !matchLabels.isEmpty() && labels.entrySet().containsAll(matchLabels.entrySet());
    }

    /** Kubernetes quantities: plain bytes, binary (Ki, Mi, Gi) and decimal (k, M, G) suffixes. */
    private static long kubernetesBytes(String quantity) {
        Matcher m = Pattern.compile("(\\d+)(Ki|Mi|Gi|k|M|G)?").matcher(quantity);
        assertThat(m.matches()).as("memory quantity %s", quantity).isTrue();
        long value = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2);
        return switch (unit) {
            case "Ki" -> value << 10;
            case "Mi" -> value << 20;
            case "Gi" -> value << 30;
            case "k" -> value * 1_000;
            case "M" -> value * 1_000_000;
            case "G" -> value * 1_000_000_000;
            default -> value;
        };
    }

    /** Compose memory values: b, k, m, g are binary units. */
    private static long composeBytes(String quantity) {
        Matcher m = Pattern.compile("(\\d+)([bkmg]?)").matcher(quantity.toLowerCase());
        assertThat(m.matches()).as("compose memory %s", quantity).isTrue();
        long value = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "k" -> value << 10;
            case "m" -> value << 20;
            case "g" -> value << 30;
            default -> value;
        };
    }

    private static List<Map<String, Object>> load(Path file) throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file)) {
            for (Object doc : new Yaml().loadAll(in)) {
                if (doc != null) {
                    docs.add(map(doc));
                }
            }
        }
        return docs;
    }

    private static String kind(Map<String, Object> doc) {
        return String.valueOf(doc.get("kind"));
    }

    private static String name(Map<String, Object> doc) {
        return String.valueOf(map(doc.get("metadata")).get("name"));
    }

    private static int intValue(Object value) {
        return Integer.parseInt(String.valueOf(value));
    }

    private static Map<String, String> stringMap(Object value) {
        Map<String, String> strings = new LinkedHashMap<>();
        if (value != null) {
            map(value).forEach((key, each) -> strings.put(key, each == null ? "" : String.valueOf(each)));
        }
        return strings;
    }

    private static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}

package dev.hashi.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import dev.hashi.embedded.EmbeddedKafka;
import dev.hashi.embedded.EmbeddedMongo;
import dev.hashi.embedded.Ports;

/**
 * Starts the whole system for development: a real Kafka broker (KRaft) and the MongoDB-wire server in this JVM,
 * unless {@code KAFKA_BOOTSTRAP_SERVERS} / {@code MONGODB_URI} point elsewhere, then the services and the console:
 * by default all in one child JVM ({@code devstack-host}, see {@link StackConfig#oneJvm()}), with
 * {@code HASHI_DEV_JVM=per-service} or replicas one JVM per service and replica ({@code --replicas 2} or
 * {@code HASHI_REPLICAS=2} for two of each, the gateways given every replica of each service). Prints a banner when all are ready; SIGINT/SIGTERM stops everything.
 * {@code status} as the first argument prints the running stack's flow summary instead ({@link FlowStatus}).
 */
public final class DevStack {

    private final StackConfig config;
    private final List<ServiceProcess> processes = new ArrayList<>();
    private final String gatewaySecret = newSecret();
    private EmbeddedMongo mongo;
    private EmbeddedKafka kafka;
    private StartupCaches caches;
    private volatile LauncherCache launcherCache;
    private volatile boolean stopped;

    DevStack(StackConfig config) {
        this.config = config;
    }

    public static void main(String[] args) throws Exception {
        Path root =
                Path.of(System.getProperty("hashi.root", ".")).toAbsolutePath().normalize();
        if (LauncherCache.isTraining(args)) {
            LauncherCache.train(Path.of(args[1]));
            System.exit(0);
        }
        boolean status = args.length > 0 && args[0].equals("status");
        List<String> options = List.of(args).subList(status ? 1 : 0, args.length);
        StackConfig config;
        try {
            config = StackConfig.fromEnvironment(System.getenv(), options, root);
        } catch (IllegalArgumentException e) {
            System.err.println("hashi: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (status) {
            System.out.println(FlowStatus.line(
                    config,
                    java.net.http.HttpClient.newBuilder()
                            .connectTimeout(Duration.ofSeconds(2))
                            .build()));
            return;
        }
        DevStack stack = new DevStack(config);
        CountDownLatch stoppedLatch = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stack.stop();
                            stoppedLatch.countDown();
                        },
                        "devstack-shutdown"));
        try {
            stack.start();
        } catch (Ports.PortInUseException e) {
            System.err.println("hashi: " + e.getMessage() + "; stop whatever uses it or set another port (see README)");
            System.exit(3);
        } catch (IllegalStateException e) {
            System.err.println("hashi: " + e.getMessage());
            System.exit(1);
        } catch (Exception | Error e) {
            System.err.println("hashi: start-up failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        stack.watchChildren();
        stoppedLatch.await();
    }

    void start() throws IOException, InterruptedException {
        Instant began = Instant.now();
        for (StackConfig.Service service : config.services()) {
            Ports.requireFree(service.port(), service.label());
        }
        String mongoUri = config.mongoUri();
        if (mongoUri == null) {
            mongo = EmbeddedMongo.onFile(config.dataDir().resolve("mongo").resolve("hashi.mv"), config.mongoPort());
            mongoUri = mongo.connectionString();
        }
        String bootstrap = config.kafkaBootstrap();
        boolean embeddedKafka = bootstrap == null;
        if (embeddedKafka) {
            bootstrap = EmbeddedKafka.bootstrapServers(config.kafkaPort());
        }
        Path logs = config.dataDir().resolve("logs");
        Files.createDirectories(logs);
        if (config.oneJvm()) {
            // the services' JVM starts beside the broker: it starts the services that need no Kafka first and waits
            // for the broker's port before the others (ServicesHost)
            Map<StackConfig.Service, Map<String, String>> envs = new LinkedHashMap<>();
            for (StackConfig.Service service : config.services()) {
                envs.put(service, environment(service, mongoUri, bootstrap));
            }
            processes.addAll(ServiceProcess.startInOneJvm(config.oneJvmJar(), config.root(), logs, envs));
        }
        if (embeddedKafka) {
            kafka = new EmbeddedKafka(config.dataDir().resolve("kafka"), config.kafkaPort(), config.controllerPort())
                    .start();
        }
        if (!config.oneJvm()) {
            for (StackConfig.Service service : config.services()) {
                processes.add(ServiceProcess.start(
                        service, service.jar(config.root()), logs, environment(service, mongoUri, bootstrap)));
            }
        }
        // the JVMs start side by side and share the cores: more of them take longer
        Instant deadline = Instant.now().plus(config.readyTimeout().multipliedBy(config.replicas()));
        for (ServiceProcess process : processes) {
            process.awaitReady(deadline);
        }
        String seeds = FirstStartSeeds.fromEnvironment(System.getenv())
                .load(config.service("gateway").url(), logs, line -> System.out.println("hashi: " + line));
        System.out.println(Banner.withSeeds(
                Banner.render(
                        config,
                        processes,
                        mongoUri,
                        bootstrap,
                        mongo != null,
                        kafka != null,
                        Duration.between(began, Instant.now())),
                seeds));
        startCaches();
    }

    private synchronized void startCaches() {
        if (!stopped) {
            caches = new StartupCaches(processes, System.out::println);
            caches.start();
            LauncherCache cache = LauncherCache.of(config.root());
            if (StartupCache.enabled(System.getenv("HASHI_DEV_CACHE")) && cache.supported() && !cache.ready()) {
                launcherCache = cache;
                Thread thread = new Thread(() -> buildLauncherCache(cache), "devstack-launcher-cache");
                thread.setDaemon(true);
                thread.start();
            }
        }
    }

    /** After the services' caches: the launcher's own (LauncherCache), with the options hashi-dev gives it. */
    private void buildLauncherCache(LauncherCache cache) {
        try {
            caches.awaitDone();
            if (stopped) {
                return;
            }
            Path log = config.dataDir().resolve("logs").resolve("launcher-cache.log");
            List<String> options =
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                            .filter(option -> option.startsWith("-X") && !option.startsWith("-XX:AOTCache"))
                            .toList();
            if (cache.build(options, log, 600)) {
                System.out.println("hashi: launcher start-up cache ready for the next start");
            } else if (!stopped) {
                System.out.println("hashi: no launcher start-up cache; see " + log);
            }
        } catch (Exception e) {
            if (!stopped) {
                System.out.println("hashi: no launcher start-up cache: " + e);
            }
        }
    }

    private Map<String, String> environment(StackConfig.Service service, String mongoUri, String bootstrap) {
        Map<String, String> env = new HashMap<>();
        env.put("SERVER_PORT", String.valueOf(service.port()));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("HASHI_PROFILE", "dev");
        env.put("HASHI_GATEWAY_SECRET", System.getenv().getOrDefault("HASHI_GATEWAY_SECRET", gatewaySecret));
        if (service.database() != null) {
            env.put("MONGODB_URI", mongoUri);
            env.put("MONGODB_DATABASE", service.database());
            env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
            if (service.name().equals("translation-service")) {
                // where the unit rebuild reads content's snapshot (cms.translation.rebuild.content-url)
                env.put(
                        "CMS_TRANSLATION_REBUILD_CONTENTURL",
                        config.service("content-service").url());
            }
        } else if (service.name().equals("console")) {
            env.put("CONSOLE_GATEWAY_URL", config.service("gateway").url());
            env.put("MONGODB_URI", mongoUri); // its sessions
            env.put("MONGODB_DATABASE", "hashi_console");
            env.put("CONSOLE_COOKIE_SECURE", "false"); // plain http on the developer's machine
        } else {
            env.put("CONSOLE_URI", config.service("console").url());
            env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
            // every replica, comma-separated: the gateway spreads requests over them
            env.put("CONTENT_SERVICE_URI", config.urls("content-service"));
            env.put("TRANSLATION_SERVICE_URI", config.urls("translation-service"));
            env.put("MEDIA_SERVICE_URI", config.urls("media-service"));
        }
        return env;
    }

    private static String newSecret() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** Reports children that exit while the stack runs; the others keep serving. */
    private void watchChildren() {
        for (ServiceProcess process : processes) {
            ProcessHandle.of(process.pid())
                    .ifPresent(handle -> handle.onExit().thenRun(() -> {
                        if (!stopped) {
                            System.err.println(
                                    "hashi: " + process.service().label() + " stopped; see " + process.log());
                        }
                    }));
        }
    }

    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        System.out.println("hashi: stopping…");
        if (caches != null) {
            caches.cancel();
        }
        if (launcherCache != null) {
            launcherCache.cancel();
        }
        List<Thread> stopping = new ArrayList<>();
        for (ServiceProcess process : processes) {
            Thread thread = new Thread(() -> process.stop(Duration.ofSeconds(15)));
            thread.start();
            stopping.add(thread);
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (kafka != null) {
            kafka.close();
        }
        if (mongo != null) {
            mongo.close();
        }
        System.out.println("hashi: stopped");
    }
}

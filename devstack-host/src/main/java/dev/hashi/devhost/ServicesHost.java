package dev.hashi.devhost;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

import io.micrometer.context.ContextRegistry;

/**
 * Runs every service of the dev stack in this one JVM, each as its own application context with its own view of
 * the class path ({@link ServiceClassLoader}) and its own environment variables,  one after the other ({@link #inStartOrder}). The services still talk to each other over HTTP and Kafka, on their own
 * ports, exactly as in their own JVMs; what they share is the loaded classes, the JIT's work and one heap, which
 * is what makes the stack start in a fraction of the CPU time and memory of one JVM per service.
 *
 * <p>The launcher describes the services in the environment variable {@value #SPEC_VARIABLE}, a properties text:
 * {@code services} (names in start order) and per service {@code <name>.jar} (its executable jar, for its main
 * class and dependencies) and {@code <name>.env.<VARIABLE>} (its environment variables).
 *
 * <p>Started with {@code -Dspring.context.exit=onRefresh} (the start-up cache's training run), every service's
 * context is refreshed up to its beans and abandoned before anything starts (no port, no consumer), then the next,
 * and the JVM exits; Spring's own handling of that property would end the JVM after the first service.
 *
 * <p>A service that fails to start ends the JVM with status 1: the launcher reports it with the log.
 */
public final class ServicesHost {

    /** The launcher's description of the services. */
    public static final String SPEC_VARIABLE = "HASHI_SERVICES";

    private static final String EXIT_PROPERTY = "spring.context.exit";
    private static final String KAFKA = "KAFKA_BOOTSTRAP_SERVERS";
    private static final Duration BROKER_WAIT = Duration.ofSeconds(120);

    private ServicesHost() {}

    public static void main(String[] args) {
        boolean training = "onRefresh".equals(System.getProperty(EXIT_PROPERTY));
        if (training) {
            System.clearProperty(EXIT_PROPERTY);
        }
        String text = System.getenv(SPEC_VARIABLE);
        if (text == null || text.isBlank()) {
            System.err.println("hashi-host: " + SPEC_VARIABLE + " is not set; the dev stack launcher starts this JVM");
            System.exit(2);
        }
        ClassLoader shared = ServicesHost.class.getClassLoader();
        Map<String, URL> jars = HostClassPath.jars(shared);
        // JVM-wide registries that load their plug-ins once, through the first caller's view: filled from every
        // service's jars before a service fills them from its own (the gateway's Reactor accessors, for one)
        ContextRegistry.getInstance();
        // one logging set-up for the JVM, whose lines name their service (logback-host.xml)
        System.setProperty(
                "logging.config",
                ServicesHost.class.getResource("logback-host.xml").toString());
        List<HostedService> services = services(spec(text), jars, shared);
        long began = System.nanoTime();
        // one after the other: started side by side on two threads they were ready later, not sooner (measured,
        // docs/performance.md); the first loads and links the classes the others then find loaded (inStartOrder)
        for (HostedService service : inStartOrder(services)) {
            long start = System.nanoTime();
            if (!training) {
                awaitBroker(service);
            }
            Thread thread = Thread.currentThread();
            // the threads the service starts inherit it: their log lines name the service
            thread.setContextClassLoader(service.loader());
            try {
                start(service, training);
            } catch (Throwable e) {
                System.err.println("hashi-host: " + service.name() + " did not start: " + e);
                System.exit(1);
            } finally {
                thread.setContextClassLoader(shared);
            }
            System.out.printf(
                    "hashi-host: %s %s in %.1f s (%.1f s after the first began)%n",
                    service.name(),
                    training ? "trained" : "started",
                    (System.nanoTime() - start) / 1e9,
                    (System.nanoTime() - began) / 1e9);
        }
        if (training) {
            System.exit(0);
        }
    }

    /**
     * The services that use no Kafka first (the console), then the others in the launcher's order: the launcher
     * starts this JVM while its embedded broker is still starting, and the first service started loads the classes
     * that every other one uses, so that work is done while the broker starts.
     */
    static List<HostedService> inStartOrder(List<HostedService> services) {
        List<HostedService> ordered = new ArrayList<>();
        services.stream().filter(s -> !s.env().containsKey(KAFKA)).forEach(ordered::add);
        services.stream().filter(s -> s.env().containsKey(KAFKA)).forEach(ordered::add);
        return ordered;
    }

    /**
     * Waits until the service's first Kafka bootstrap address accepts connections (the embedded broker opens its port
     * once it serves), at most {@link #BROKER_WAIT}; then starts the service whatever the answer, which then behaves
     * as it does in its own JVM when Kafka is away.
     */
    private static void awaitBroker(HostedService service) {
        String bootstrap = service.env().get(KAFKA);
        if (bootstrap == null || bootstrap.isBlank()) {
            return;
        }
        String first = bootstrap.split(",")[0].trim();
        int colon = first.lastIndexOf(':');
        if (colon < 0) {
            return;
        }
        String host = first.substring(0, colon);
        int port = Integer.parseInt(first.substring(colon + 1));
        long deadline = System.nanoTime() + BROKER_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 500);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        System.err.println("hashi-host: Kafka at " + first + " not reachable; starting " + service.name() + " anyway");
    }

    static Properties spec(String text) {
        Properties spec = new Properties();
        try {
            spec.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return spec;
    }

    static List<HostedService> services(Properties spec, Map<String, URL> jars, ClassLoader shared) {
        List<HostedService> services = new ArrayList<>();
        for (String name : spec.getProperty("services", "").trim().split("\\s+")) {
            if (name.isEmpty()) {
                continue;
            }
            String jar = spec.getProperty(name + ".jar");
            if (jar == null) {
                throw new IllegalArgumentException(SPEC_VARIABLE + " names " + name + " without " + name + ".jar");
            }
            services.add(HostedService.of(name, Path.of(jar), jars, shared, environment(spec, name)));
        }
        return services;
    }

    /** The service's {@code <name>.env.*} entries, and what one JVM needs that separate ones do not. */
    static Map<String, String> environment(Properties spec, String name) {
        String prefix = name + ".env.";
        Map<String, String> env = new HashMap<>();
        for (String key : spec.stringPropertyNames()) {
            if (key.startsWith(prefix)) {
                env.put(key.substring(prefix.length()), spec.getProperty(key));
            }
        }
        // each service's meters stay in its own registry instead of also in Micrometer's one static registry
        env.putIfAbsent("MANAGEMENT_METRICS_USEGLOBALREGISTRY", "false");
        return env;
    }

    /** Runs the service's application on this thread, whose context class loader is the service's. */
    private static void start(HostedService service, boolean training) throws ClassNotFoundException {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(
                        service.loader().loadClass(service.mainClass()))
                .web(service.webApplicationType())
                .resourceLoader(new DefaultResourceLoader(service.loader()))
                .listeners(new ServiceEnvironment(service.env()));
        if (training) {
            builder.initializers(context ->
                    ((GenericApplicationContext) context).registerBean("hashiTrainingRun", TrainingRun.class));
        }
        try {
            builder.run();
        } catch (SpringApplication.AbandonedRunException abandoned) {
            if (!training) {
                throw abandoned;
            }
        }
    }

    /** Ends a training run's refresh once every bean exists, before anything starts. */
    static final class TrainingRun implements SmartInitializingSingleton {
        @Override
        public void afterSingletonsInstantiated() {
            throw new SpringApplication.AbandonedRunException();
        }
    }
}

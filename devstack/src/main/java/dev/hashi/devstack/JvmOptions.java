package dev.hashi.devstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JVM options and environment of the dev stack's service JVMs: sized for a developer's machine running the
 * launcher and one JVM for every service (or, with {@code HASHI_DEV_JVM=per-service}, one JVM each), not for production (production flags are the container's {@code JAVA_TOOL_OPTIONS}, see
 * docs/deployment.md). Measurements behind every value: docs/performance.md, "Start-up and memory".
 */
final class JvmOptions {

    /**
     * Heap bound of every service JVM. The largest heaps after start and a short load were 60-110 MB used; the
     * bound leaves room for the 64 MB delivery caches of the gateway and content-service. Without it the JVM would
     * start with 1/64 of the machine's memory as its heap and grow towards 1/4.
     */
    static final String MAX_HEAP = "-Xmx256m";

    /**
     * Heap bound of the one JVM that runs every service (the default): the five services' heaps after start and a
     * short load were 250-300 MB used together; the bound leaves room for both 64 MB delivery caches and a media
     * upload's buffers.
     */
    static final String ONE_JVM_MAX_HEAP = "-Xmx768m";

    private JvmOptions() {}

    /**
     * @param env          the launcher's environment: {@code HASHI_DEV_JIT} ({@code full} for the full tiered JIT),
     *                     {@code HASHI_DEV_JAVA_OPTIONS} (more options, appended, so they win)
     * @param javaFeature  the feature release of the java running the services (17, 21, 25, …)
     */
    static List<String> service(Map<String, String> env, int javaFeature) {
        return options(env, javaFeature, MAX_HEAP);
    }

    /** The options of the one JVM that runs every service: those of a service JVM, with its own heap bound. */
    static List<String> oneJvm(Map<String, String> env, int javaFeature) {
        return options(env, javaFeature, ONE_JVM_MAX_HEAP);
    }

    private static List<String> options(Map<String, String> env, int javaFeature, String maxHeap) {
        List<String> options = new ArrayList<>(ServiceProcess.jitFlags(env.get("HASHI_DEV_JIT")));
        options.addAll(List.of(
                "-XX:+UseSerialGC",
                "-Xss512k",
                "-Xms32m",
                maxHeap,
                // give memory back once start-up's garbage is collected
                "-XX:MinHeapFreeRatio=10",
                "-XX:MaxHeapFreeRatio=30"));
        if (javaFeature >= 25) {
            // 8-byte object headers instead of 12: smaller heap, no cost measured (JEP 519, product in 25)
            options.add("-XX:+UseCompactObjectHeaders");
        }
        options.addAll(extra(env.get("HASHI_DEV_JAVA_OPTIONS")));
        return List.copyOf(options);
    }

    /** Environment of every service JVM besides the service's own settings. */
    static Map<String, String> environment() {
        // glibc gives every thread that calls malloc its own 64 MB arena by default; two are plenty here
        return Map.of("MALLOC_ARENA_MAX", "2");
    }

    static List<String> extra(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return List.of(value.trim().split("\\s+"));
    }
}

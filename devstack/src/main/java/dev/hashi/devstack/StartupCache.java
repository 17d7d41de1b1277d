package dev.hashi.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The class-data cache of one service jar: the jar extracted ({@code java -Djarmode=tools -jar … extract}, which
 * class-data sharing needs) and the archive a training run wrote, under {@code <module>/target/startup-cache/<key>/}.
 * On Java 25 and later the archive is an AOT cache ({@code -XX:AOTCacheOutput} / {@code -XX:AOTCache}: classes
 * loaded and linked, method profiles); before, a dynamic AppCDS archive ({@code -XX:ArchiveClassesAtExit} /
 * {@code -XX:SharedArchiveFile}). The training run is the service's own start with
 * {@code -Dspring.context.exit=onRefresh}: every bean created, nothing started, no port opened.
 *
 * <p>The key covers the jar (path, size, modification time) and the java that runs it, so a rebuilt jar or another
 * runtime gets a new cache; the caches of an older jar are deleted when the new one is built. A cache counts only once its archive is complete: the
 * archive is written under a temporary name and moved into place. A JVM that finds an archive it cannot use warns
 * and starts without it, so a damaged cache costs time, never a start.
 */
final class StartupCache {

    static final String FOLDER = "startup-cache";

    private final Path jar;
    private final Path dir;
    private final boolean aot;

    private StartupCache(Path jar, Path dir, boolean aot) {
        this.jar = jar;
        this.dir = dir;
        this.aot = aot;
    }

    /**
     * @param jar     the service's executable jar
     * @param java    the java that runs it, and its version string ({@code Runtime.version()})
     * @param feature that java's feature release: 24 and later use the AOT cache, earlier ones AppCDS
     */
    static StartupCache of(Path jar, String java, String version, int feature) throws IOException {
        String key = key(jar, java, version);
        Path dir = jar.getParent().resolve(FOLDER).resolve(key);
        return new StartupCache(jar, dir, feature >= 24);
    }

    /** {@code HASHI_DEV_CACHE}: on unless {@code off}, {@code false} or {@code 0}. */
    static boolean enabled(String value) {
        if (value == null) {
            return true;
        }
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        return !(v.equals("off") || v.equals("false") || v.equals("0"));
    }

    /** The jar's part of the key, then the java's: {@code <jar hash>-<java hash>}. */
    static String key(Path jar, String java, String version) throws IOException {
        String identity = jar.toAbsolutePath().normalize() + "|" + Files.size(jar) + "|"
                + Files.getLastModifiedTime(jar).toMillis();
        return hash(identity, 8) + "-" + hash(java + "|" + version, 4);
    }

    private static String hash(String value, int bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a complete archive exists for this jar and java. */
    boolean ready() {
        return Files.isRegularFile(archive()) && Files.isRegularFile(extractedJar());
    }

    /** What follows the JVM options to start the service: with the archive when it is ready, the plain jar if not. */
    List<String> launch() {
        if (!ready()) {
            return List.of("-jar", jar.toString());
        }
        return List.of(
                (aot ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive(),
                "-jar",
                extractedJar().toString());
    }

    /**
     * Builds the cache: extracts the jar, runs the training start with the service's options and environment, and
     * moves the archive into place. Deletes the caches of older jars or other javas first.
     *
     * @return whether the archive is ready afterwards
     */
    boolean build(String javaCommand, List<String> options, Map<String, String> env, Path log, long timeoutSeconds)
            throws IOException, InterruptedException {
        deleteOthers();
        Files.createDirectories(dir);
        if (!Files.isRegularFile(extractedJar())) {
            Path staging = Files.createTempDirectory(dir, "extract");
            int extracted = run(
                    List.of(
                            javaCommand,
                            "-Djarmode=tools",
                            "-jar",
                            jar.toString(),
                            "extract",
                            "--destination",
                            staging.resolve("app").toString()),
                    Map.of(),
                    log,
                    timeoutSeconds);
            if (extracted != 0) {
                deleteTree(staging);
                return false;
            }
            Files.move(staging.resolve("app"), dir.resolve("app"), StandardCopyOption.ATOMIC_MOVE);
            deleteTree(staging);
        }
        Path partial = dir.resolve(archive().getFileName() + ".partial");
        Files.deleteIfExists(partial);
        List<String> command = new ArrayList<>();
        command.add(javaCommand);
        command.addAll(options);
        command.add((aot ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + partial);
        command.add("-Dspring.context.exit=onRefresh");
        command.add("-jar");
        command.add(extractedJar().toString());
        int trained = run(command, env, log, timeoutSeconds);
        // the AOT cache's training configuration, kept by the JVM when the assembly fails
        Files.deleteIfExists(dir.resolve(partial.getFileName() + ".config"));
        if (trained != 0 || !Files.isRegularFile(partial)) {
            Files.deleteIfExists(partial);
            return false;
        }
        Files.move(partial, archive(), StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    private volatile Process running;
    private volatile boolean cancelled;

    /** Stops a build under way (its process and the JVM it may have started to write the cache). */
    void cancel() {
        cancelled = true;
        Process process = running;
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private int run(List<String> command, Map<String, String> env, Path log, long timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> niced = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/nice"))) {
            // the stack is already serving: the cache is for the next start and must not slow this one
            niced.addAll(List.of("/usr/bin/nice", "-n", "10"));
        }
        niced.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(niced)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        if (cancelled) {
            return -1;
        }
        Process process = builder.start();
        running = process;
        if (cancelled) {
            cancel();
        }
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                cancel();
                return -1;
            }
            return process.exitValue();
        } finally {
            running = null;
        }
    }

    Path archive() {
        return dir.resolve(aot ? "app.aot" : "app.jsa");
    }

    Path extractedJar() {
        return dir.resolve("app").resolve(jar.getFileName());
    }

    Path dir() {
        return dir;
    }

    private void deleteOthers() throws IOException {
        Path parent = dir.getParent();
        if (!Files.isDirectory(parent)) {
            return;
        }
        // another java's cache of the same jar stays: a developer may switch between runtimes
        String jarPart = dir.getFileName().toString().substring(0, 17);
        try (Stream<Path> caches = Files.list(parent)) {
            for (Path other : caches.filter(p -> !p.getFileName().toString().startsWith(jarPart))
                    .toList()) {
                deleteTree(other);
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path :
                    paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}

package dev.hashi.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import dev.hashi.embedded.EmbeddedKafka;
import dev.hashi.embedded.EmbeddedMongo;
import dev.hashi.embedded.Ports;

/**
 * The launcher's own start-up cache, under {@code devstack/target/startup-cache/launcher/}: its executable jar
 * unpacked into plain jars ({@code app/launcher.jar} and {@code app/lib/}, which loads faster than nested jars and is
 * what an AOT cache needs) and, on Java 24 and later, an AOT cache ({@code launcher.aot}) written by a training run
 * that starts and stops the embedded MongoDB-wire server and Kafka broker on free ports in a temporary folder.
 * {@code hashi-dev} runs the launcher from it when the {@code stamp} file matches the jar and the java it would use
 * (size, modification second, the java's real path); the stamp is written last, so a half-built cache is never used.
 * Measured: docs/performance.md, "The launcher's own start-up cache".
 */
final class LauncherCache {

    /** The launcher's hidden argument for the training run. */
    static final String TRAIN_ARGUMENT = "--train-start-up-cache";

    private final Path jar;
    private final Path dir;
    private final String java;
    private final int feature;
    private volatile Process running;
    private volatile boolean cancelled;

    LauncherCache(Path jar, Path dir, String java, int feature) {
        this.jar = jar;
        this.dir = dir;
        this.java = java;
        this.feature = feature;
    }

    /** The cache of the launcher jar in {@code root}, for the java running this JVM. */
    static LauncherCache of(Path root) {
        Path jar = root.resolve("devstack").resolve("target").resolve("devstack.jar");
        String java = ProcessHandle.current().info().command().orElse("java");
        return new LauncherCache(
                jar,
                jar.getParent().resolve(StartupCache.FOLDER).resolve("launcher"),
                java,
                Runtime.version().feature());
    }

    /** {@code <jar size> <jar modification second> <java real path>}: what hashi-dev compares. */
    String stamp() throws IOException {
        return Files.size(jar) + " "
                + Files.getLastModifiedTime(jar).to(TimeUnit.SECONDS) + " "
                + Path.of(java).toRealPath();
    }

    /** Whether a complete cache for this jar and java exists (nothing to build). */
    boolean ready() {
        try {
            Path stamp = dir.resolve("stamp");
            return Files.isRegularFile(stamp) && Files.readString(stamp).strip().equals(stamp());
        } catch (IOException e) {
            return false;
        }
    }

    /** Only the AOT cache (Java 24 and later) makes a difference worth a training run. */
    boolean supported() {
        return feature >= 24 && Files.isRegularFile(jar);
    }

    /**
     * Unpacks the jar, runs the training start with the launcher's options, and writes the stamp.
     *
     * @return whether the cache is ready afterwards
     */
    boolean build(List<String> options, Path log, long timeoutSeconds) throws IOException, InterruptedException {
        String stamp = stamp();
        StartupCache.deleteTree(dir);
        Files.createDirectories(dir);
        Path app = unpack(jar, dir.resolve("app"));
        Path aot = dir.resolve("launcher.aot");
        Path partial = dir.resolve("launcher.aot.partial");
        Path data = Files.createTempDirectory("hashi-launcher-training");
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/nice"))) {
            // the stack is already serving: the cache is for the next start and must not slow this one
            command.addAll(List.of("/usr/bin/nice", "-n", "10"));
        }
        command.add(java);
        command.addAll(options);
        command.add("-XX:AOTCacheOutput=" + partial);
        command.addAll(List.of("-jar", app.toString(), TRAIN_ARGUMENT, data.toString()));
        try {
            if (cancelled) {
                return false;
            }
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            running = process;
            if (cancelled) {
                cancel();
            }
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                cancel();
                return false;
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(partial)) {
                return false;
            }
            Files.move(partial, aot, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(dir.resolve("stamp"), stamp + "\n");
            return true;
        } finally {
            running = null;
            Files.deleteIfExists(dir.resolve(partial.getFileName() + ".config"));
            StartupCache.deleteTree(data);
        }
    }

    /** Stops a training run under way. */
    void cancel() {
        cancelled = true;
        Process process = running;
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /**
     * The executable jar as plain jars: {@code BOOT-INF/lib/*.jar} into {@code lib/}, {@code BOOT-INF/classes} into
     * {@code launcher.jar}, whose manifest names the main class and every library.
     *
     * @return {@code launcher.jar}
     */
    static Path unpack(Path executableJar, Path app) throws IOException {
        Path lib = app.resolve("lib");
        Files.createDirectories(lib);
        List<String> classPath = new ArrayList<>();
        Path launcher = app.resolve("launcher.jar");
        try (JarFile zip = new JarFile(executableJar.toFile())) {
            Manifest manifest = new Manifest();
            Attributes main = manifest.getMainAttributes();
            main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            String startClass = zip.getManifest() != null
                    ? zip.getManifest().getMainAttributes().getValue("Start-Class")
                    : null;
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!entry.isDirectory() && name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar")) {
                    String file = name.substring("BOOT-INF/lib/".length());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, lib.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                    }
                    classPath.add("lib/" + file);
                }
            }
            main.put(Attributes.Name.MAIN_CLASS, startClass == null ? DevStack.class.getName() : startClass);
            main.put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
            try (OutputStream file = Files.newOutputStream(launcher);
                    JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                    ZipEntry entry = entries.nextElement();
                    String name = entry.getName();
                    if (!entry.isDirectory() && name.startsWith("BOOT-INF/classes/")) {
                        out.putNextEntry(new JarEntry(name.substring("BOOT-INF/classes/".length())));
                        try (InputStream in = zip.getInputStream(entry)) {
                            in.transferTo(out);
                        }
                        out.closeEntry();
                    }
                }
            }
        }
        return launcher;
    }

    /**
     * The training run: the embedded MongoDB-wire server and Kafka broker started and stopped on free ports in
     * {@code data}, which is what the launcher's start spends its time on.
     */
    static void train(Path data) {
        try (EmbeddedMongo mongo = EmbeddedMongo.onFile(data.resolve("mongo").resolve("hashi.mv"), Ports.free())) {
            EmbeddedKafka kafka = new EmbeddedKafka(data.resolve("kafka"), 0, 0).start();
            kafka.close();
        }
    }

    static boolean isTraining(String[] args) {
        return args.length > 0 && args[0].equals(TRAIN_ARGUMENT);
    }
}

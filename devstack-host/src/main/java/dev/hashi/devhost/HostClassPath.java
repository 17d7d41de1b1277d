package dev.hashi.devhost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/**
 * The host's own jars by file name: the nested jars of its executable jar ({@code java -jar devstack-host.jar}), or
 * the {@code lib/} folder of its extracted form that its manifest's {@code Class-Path} names (the form the start-up
 * cache runs, since class-data sharing needs plain jars).
 */
final class HostClassPath {

    private HostClassPath() {}

    static Map<String, URL> jars(ClassLoader hostLoader) {
        Map<String, URL> jars = new LinkedHashMap<>();
        if (hostLoader instanceof URLClassLoader urls) {
            for (URL url : urls.getURLs()) {
                jars.putIfAbsent(fileName(url.toString()), url);
            }
            return jars;
        }
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            if (!Files.isRegularFile(path)) {
                continue;
            }
            put(jars, path);
            try (JarFile jar = new JarFile(path.toFile())) {
                String classPath = jar.getManifest() == null
                        ? null
                        : jar.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
                if (classPath != null) {
                    for (String relative : classPath.trim().split("\\s+")) {
                        put(jars, path.getParent().resolve(relative).normalize());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }
        return jars;
    }

    /** The service's own classes jar ({@code hashi-content-service-<version>-classes.jar}). */
    static URL classesJar(String service, Map<String, URL> jars) {
        String prefix = "hashi-" + service + "-";
        return jars.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix) && e.getKey().endsWith("-classes.jar"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "the one-JVM host was built without " + service + ": rebuild (./mvnw -DskipTests install)"));
    }

    /** {@code jar:nested:/…/devstack-host.jar/!BOOT-INF/lib/x.jar!/} or {@code file:/…/lib/x.jar} → {@code x.jar}. */
    static String fileName(String url) {
        String trimmed = url;
        while (trimmed.endsWith("/") || trimmed.endsWith("!")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private static void put(Map<String, URL> jars, Path path) {
        try {
            jars.putIfAbsent(path.getFileName().toString(), path.toUri().toURL());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}

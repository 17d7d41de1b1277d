package dev.hashi.devhost;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceClassLoaderTest {

    @TempDir
    Path dir;

    @Test
    void aServiceSeesItsOwnResourcesOnlyButSharesTheHostsClasses() throws Exception {
        Path content = jar("content.jar", "application.yml", "name: content", "META-INF/spring.factories", "a=content");
        Path gateway = jar("gateway.jar", "application.yml", "name: gateway", "META-INF/spring.factories", "a=gateway");
        Path shared = jar("shared.jar", "only-shared.txt", "shared", "META-INF/spring.factories", "a=shared");
        String marker = Marker.class.getName();
        String markerFile = marker.replace('.', '/') + ".class";
        Path classes = dir.resolve("classes.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(classes));
                InputStream in = Marker.class.getResourceAsStream("/" + markerFile)) {
            out.putNextEntry(new JarEntry(markerFile));
            in.transferTo(out);
        }
        URL[] hostJars = {
            gateway.toUri().toURL(),
            content.toUri().toURL(),
            shared.toUri().toURL(),
            classes.toUri().toURL()
        };
        try (URLClassLoader host = new URLClassLoader(hostJars, ClassLoader.getPlatformClassLoader());
                ServiceClassLoader service = new ServiceClassLoader(
                        "content-service", List.of(content.toUri().toURL()), host)) {
            // the host's first application.yml is the gateway's; the service finds its own
            assertThat(read(host.getResource("application.yml"))).isEqualTo("name: gateway");
            assertThat(read(service.getResource("application.yml"))).isEqualTo("name: content");
            assertThat(Collections.list(service.getResources("META-INF/spring.factories")))
                    .extracting(ServiceClassLoaderTest::read)
                    .containsExactly("a=content");
            assertThat(service.getResource("only-shared.txt")).isNull();
            // the JDK's own resources stay visible
            assertThat(service.getResource("java/lang/Object.class")).isNotNull();
            // classes come from the host: one loaded copy for every service
            Class<?> loaded = service.loadClass(marker);
            assertThat(loaded.getClassLoader()).isSameAs(host);
            assertThat(loaded).isSameAs(host.loadClass(marker)).isNotSameAs(Marker.class);
            assertThat(service.service()).isEqualTo("content-service");
        }
    }

    private Path jar(String name, String... entries) throws IOException {
        Path path = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(path))) {
            for (int i = 0; i < entries.length; i += 2) {
                out.putNextEntry(new JarEntry(entries[i]));
                out.write(entries[i + 1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return path;
    }

    private static String read(URL url) {
        try (var in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A class only the host's jars have. */
    static final class Marker {}
}

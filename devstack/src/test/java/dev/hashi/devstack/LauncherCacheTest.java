package dev.hashi.devstack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LauncherCacheTest {

    @TempDir
    Path dir;

    @Test
    void theExecutableJarBecomesPlainJarsWhoseManifestNamesTheMainClassAndEveryLibrary() throws Exception {
        Path executable = dir.resolve("devstack.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Start-Class", "dev.hashi.devstack.DevStack");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(executable), manifest)) {
            put(out, "BOOT-INF/classes/dev/hashi/devstack/DevStack.class", "classes");
            put(out, "BOOT-INF/lib/kafka-clients-4.1.2.jar", "kafka");
            put(out, "BOOT-INF/lib/h2-2.3.jar", "h2");
            put(out, "org/springframework/boot/loader/launch/JarLauncher.class", "loader");
        }
        Path launcher = LauncherCache.unpack(executable, dir.resolve("app"));

        assertThat(Files.readString(dir.resolve("app/lib/kafka-clients-4.1.2.jar")))
                .isEqualTo("kafka");
        assertThat(Files.readString(dir.resolve("app/lib/h2-2.3.jar"))).isEqualTo("h2");
        try (JarFile jar = new JarFile(launcher.toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertThat(main.getValue(Attributes.Name.MAIN_CLASS)).isEqualTo("dev.hashi.devstack.DevStack");
            assertThat(main.getValue(Attributes.Name.CLASS_PATH).split(" "))
                    .containsExactlyInAnyOrder("lib/kafka-clients-4.1.2.jar", "lib/h2-2.3.jar");
            assertThat(jar.getEntry("dev/hashi/devstack/DevStack.class")).isNotNull();
            // the Spring Boot loader stays out: the plain jars are started by the JVM's own class path
            assertThat(jar.getEntry("org/springframework/boot/loader/launch/JarLauncher.class"))
                    .isNull();
        }
    }

    @Test
    void theStampNamesTheJarAndTheJavaAsHashiDevComparesThem() throws Exception {
        Path jar = dir.resolve("devstack/target/devstack.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "x".repeat(1234));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_700_000_000_500L));
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        LauncherCache cache = new LauncherCache(jar, dir.resolve("cache"), java.toString(), 25);

        // what hashi-dev computes: stat -c '%s %Y' devstack.jar, then readlink -f of the java
        assertThat(cache.stamp()).isEqualTo("1234 1700000000 " + java.toRealPath());
        assertThat(cache.ready()).isFalse();
        Files.createDirectories(dir.resolve("cache"));
        Files.writeString(dir.resolve("cache/stamp"), cache.stamp() + "\n");
        assertThat(cache.ready()).isTrue();
        Files.writeString(jar, "rebuilt");
        assertThat(cache.ready()).as("a rebuilt jar has another stamp").isFalse();
        assertThat(new LauncherCache(jar, dir.resolve("cache"), java.toString(), 17).supported())
                .as("no AOT cache before Java 24")
                .isFalse();
    }

    private static void put(JarOutputStream out, String name, String content) throws Exception {
        out.putNextEntry(new JarEntry(name));
        out.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}

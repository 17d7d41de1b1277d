package dev.hashi.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up cache of a service jar: keyed by jar and java, used only once complete, built by extracting the jar
 * and a training run (here a stand-in for java that writes what the real one would).
 */
class StartupCacheTest {

    @TempDir
    Path dir;

    @Test
    void theKeyChangesWithTheJarAndTheJava() throws Exception {
        Path jar = jar();
        String key = StartupCache.key(jar, "/jdk25/bin/java", "25.0.1+8");
        assertThat(StartupCache.key(jar, "/jdk25/bin/java", "25.0.1+8")).isEqualTo(key);
        assertThat(StartupCache.key(jar, "/jdk17/bin/java", "17.0.15+6")).isNotEqualTo(key);
        Files.setLastModifiedTime(
                jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000));
        assertThat(StartupCache.key(jar, "/jdk25/bin/java", "25.0.1+8")).isNotEqualTo(key);
    }

    @Test
    void withoutACompleteArchiveTheServiceStartsFromItsJar() throws Exception {
        Path jar = jar();
        StartupCache cache = StartupCache.of(jar, "/jdk25/bin/java", "25", 25);
        assertThat(cache.ready()).isFalse();
        assertThat(cache.launch()).containsExactly("-jar", jar.toString());

        Files.createDirectories(cache.extractedJar().getParent());
        Files.writeString(cache.extractedJar(), "extracted");
        Files.writeString(cache.dir().resolve("app.aot.partial"), "half written");
        assertThat(cache.ready()).isFalse();
        assertThat(cache.launch()).containsExactly("-jar", jar.toString());
    }

    @Test
    void buildsAnAotCacheOnJava25AndUsesIt() throws Exception {
        Path jar = jar();
        Path stale = dir.resolve("target").resolve(StartupCache.FOLDER).resolve("0123456789abcdef-0123abcd");
        Files.createDirectories(stale);
        Path otherJava = dir.resolve("target")
                .resolve(StartupCache.FOLDER)
                .resolve(StartupCache.key(jar, "/jdk17/bin/java", "17"));
        Files.createDirectories(otherJava);
        StartupCache cache = StartupCache.of(jar, "/jdk25/bin/java", "25", 25);

        boolean built = cache.build(fakeJava().toString(), List.of("-Xmx256m"), Map.of(), dir.resolve("cache.log"), 60);

        assertThat(built).as(Files.readString(dir.resolve("cache.log"))).isTrue();
        assertThat(cache.ready()).isTrue();
        assertThat(cache.launch())
                .containsExactly(
                        "-XX:AOTCache=" + cache.archive(),
                        "-jar",
                        cache.extractedJar().toString());
        assertThat(Files.readString(dir.resolve("cache.log")))
                .contains("-Xmx256m -XX:AOTCacheOutput=")
                .contains("-Dspring.context.exit=onRefresh -jar " + cache.extractedJar());
        assertThat(stale).as("an older jar's cache").doesNotExist();
        assertThat(otherJava).as("the same jar's cache for another java").exists();
    }

    @Test
    void buildsAnAppCdsArchiveBeforeJava24() throws Exception {
        StartupCache cache = StartupCache.of(jar(), "/jdk17/bin/java", "17", 17);
        assertThat(cache.build(fakeJava().toString(), List.of(), Map.of(), dir.resolve("cache.log"), 60))
                .isTrue();
        assertThat(cache.launch()).first().isEqualTo("-XX:SharedArchiveFile=" + cache.archive());
    }

    @Test
    void aFailedTrainingRunLeavesNoCache() throws Exception {
        StartupCache cache = StartupCache.of(jar(), "/jdk25/bin/java", "25", 25);
        boolean built = cache.build(
                fakeJava().toString(), List.of(), Map.of("FAIL_TRAINING", "1"), dir.resolve("cache.log"), 60);
        assertThat(built).isFalse();
        assertThat(cache.ready()).isFalse();
        assertThat(cache.archive().resolveSibling("app.aot.partial")).doesNotExist();
    }

    @Test
    void onUnlessTurnedOff() {
        assertThat(StartupCache.enabled(null)).isTrue();
        assertThat(StartupCache.enabled("on")).isTrue();
        assertThat(StartupCache.enabled("off")).isFalse();
        assertThat(StartupCache.enabled(" FALSE ")).isFalse();
        assertThat(StartupCache.enabled("0")).isFalse();
    }

    private Path jar() throws Exception {
        Path jar = dir.resolve("target").resolve("content-service.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "a jar");
        return jar;
    }

    /** Writes what java would: the extracted jar, or the archive named by the output option (failing on request). */
    private Path fakeJava() throws Exception {
        Path java = dir.resolve("java");
        Files.writeString(java, """
                #!/usr/bin/env bash
                echo "$@"
                destination=""; output=""; prev=""
                for arg in "$@"; do
                  case $arg in
                    -XX:AOTCacheOutput=*|-XX:ArchiveClassesAtExit=*) output=${arg#*=} ;;
                  esac
                  [ "$prev" = --destination ] && destination=$arg
                  prev=$arg
                done
                if [ -n "$destination" ]; then mkdir -p "$destination" && echo jar > "$destination/content-service.jar"; exit 0; fi
                [ -n "${FAIL_TRAINING:-}" ] && { echo half > "$output"; exit 1; }
                echo archive > "$output"
                """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return java;
    }
}

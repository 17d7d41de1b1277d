package dev.hashi.devstack;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The service JVMs' options in the dev stack: bounded memory, C1 unless asked otherwise, extra options last. */
class JvmOptionsTest {

    @Test
    void boundedHeapSerialGcAndC1ByDefault() {
        assertThat(JvmOptions.service(Map.of(), 17))
                .contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-Xmx256m")
                .doesNotContain("-XX:+UseCompactObjectHeaders");
    }

    @Test
    void fullJitOnRequest() {
        assertThat(JvmOptions.service(Map.of("HASHI_DEV_JIT", "full"), 17)).doesNotContain("-XX:TieredStopAtLevel=1");
    }

    @Test
    void compactObjectHeadersFromJava25() {
        assertThat(JvmOptions.service(Map.of(), 21)).doesNotContain("-XX:+UseCompactObjectHeaders");
        assertThat(JvmOptions.service(Map.of(), 25)).contains("-XX:+UseCompactObjectHeaders");
    }

    @Test
    void extraOptionsComeLastSoTheyWin() {
        assertThat(JvmOptions.service(Map.of("HASHI_DEV_JAVA_OPTIONS", " -Xmx512m  -XX:+UseG1GC "), 25))
                .endsWith("-Xmx512m", "-XX:+UseG1GC");
    }

    @Test
    void fewerMallocArenas() {
        assertThat(JvmOptions.environment()).containsEntry("MALLOC_ARENA_MAX", "2");
    }
}

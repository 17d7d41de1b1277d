package dev.hashi.devstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the launcher starts, read from its environment and arguments. */
class StackConfigTest {

    static final Path ROOT = Path.of("/repo");

    @Test
    void everyServiceInOneJvmByDefaultGatewayLast() {
        StackConfig config = StackConfig.fromEnvironment(Map.of(), ROOT);
        assertThat(config.replicas()).isEqualTo(1);
        assertThat(config.oneJvm()).isTrue();
        assertThat(config.oneJvmJar()).isEqualTo(ROOT.resolve("devstack-host/target/devstack-host.jar"));
        assertThat(config.services())
                .extracting(StackConfig.Service::label)
                .containsExactly("content-service", "translation-service", "media-service", "console", "gateway");
        assertThat(config.urls("content-service")).isEqualTo("http://127.0.0.1:8081");
        assertThat(config.readyTimeout()).hasSeconds(120);
        assertThat(StackConfig.fromEnvironment(Map.of("HASHI_READY_TIMEOUT", "300"), ROOT)
                        .readyTimeout())
                .hasSeconds(300);
    }

    @Test
    void oneJvmPerServiceWhenAskedAndAlwaysForReplicas() {
        assertThat(StackConfig.fromEnvironment(Map.of("HASHI_DEV_JVM", "per-service"), ROOT)
                        .oneJvm())
                .isFalse();
        assertThat(StackConfig.fromEnvironment(Map.of("HASHI_DEV_JVM", " One "), ROOT)
                        .oneJvm())
                .isTrue();
        assertThat(StackConfig.fromEnvironment(Map.of("HASHI_DEV_JVM", "one"), List.of("--replicas", "2"), ROOT)
                        .oneJvm())
                .isFalse();
        assertThatThrownBy(() -> StackConfig.fromEnvironment(Map.of("HASHI_DEV_JVM", "two"), ROOT))
                .hasMessageContaining("HASHI_DEV_JVM=two");
    }

    @Test
    void twoReplicasRunEachServiceTwiceTheSecondAThousandPortsAbove() {
        StackConfig config = StackConfig.fromEnvironment(Map.of(), List.of("--replicas", "2"), ROOT);
        assertThat(config.services())
                .extracting(StackConfig.Service::label)
                .containsExactly(
                        "content-service",
                        "content-service#2",
                        "translation-service",
                        "translation-service#2",
                        "media-service",
                        "media-service#2",
                        "console",
                        "gateway",
                        "gateway#2");
        assertThat(config.replicasOf("gateway"))
                .extracting(StackConfig.Service::port)
                .containsExactly(8080, 9080);
        assertThat(config.urls("content-service")).isEqualTo("http://127.0.0.1:8081,http://127.0.0.1:9081");
        assertThat(config.replicasOf("media-service"))
                .allSatisfy(media -> assertThat(media.database()).isEqualTo("hashi_media"));
    }

    @Test
    void theEnvironmentAsksForReplicasAndNamesTheSecondReplicasPorts() {
        StackConfig config = StackConfig.fromEnvironment(
                Map.of("HASHI_REPLICAS", "2", "CONTENT_SERVICE_PORT", "7001", "CONTENT_SERVICE_PORT_2", "7002"), ROOT);
        assertThat(config.urls("content-service")).isEqualTo("http://127.0.0.1:7001,http://127.0.0.1:7002");
        assertThat(StackConfig.fromEnvironment(Map.of("HASHI_REPLICAS", "2"), List.of("--replicas=1"), ROOT)
                        .services())
                .as("the argument wins over the environment")
                .hasSize(5);
    }

    @Test
    void aBadReplicaCountOrArgumentIsRefusedNamingIt() {
        assertThatThrownBy(() -> StackConfig.fromEnvironment(Map.of("HASHI_REPLICAS", "0"), ROOT))
                .hasMessageContaining("HASHI_REPLICAS=0");
        assertThatThrownBy(() -> StackConfig.fromEnvironment(Map.of(), List.of("--replicas", "two"), ROOT))
                .hasMessageContaining("--replicas=two");
        assertThatThrownBy(() -> StackConfig.fromEnvironment(Map.of(), List.of("--replicas"), ROOT))
                .hasMessageContaining("--replicas needs a count");
        assertThatThrownBy(() -> StackConfig.fromEnvironment(Map.of(), List.of("--verbose"), ROOT))
                .hasMessageContaining("unknown argument --verbose");
    }
}

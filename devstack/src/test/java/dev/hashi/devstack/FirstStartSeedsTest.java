package dev.hashi.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hashi.embedded.Ports;

import static org.assertj.core.api.Assertions.assertThat;

/** First-start seeding's settings and banner line, without a stack (SeedStoryJourneyTest loads on a real one). */
class FirstStartSeedsTest {

    @TempDir
    Path logs;

    @Test
    void onByDefaultWithTheKitakyushuSetOffWhenAsked() {
        assertThat(FirstStartSeeds.fromEnvironment(Map.of()).off()).isFalse();
        assertThat(FirstStartSeeds.fromEnvironment(Map.of("HASHI_SEED", " ")).off())
                .isFalse();
        for (String off : List.of("off", "OFF", "none", "false", "no")) {
            assertThat(FirstStartSeeds.fromEnvironment(Map.of("HASHI_SEED", off))
                            .off())
                    .as(off)
                    .isTrue();
        }
        List<String> told = new ArrayList<>();
        assertThat(FirstStartSeeds.fromEnvironment(Map.of("HASHI_SEED", "off"))
                        .load("http://127.0.0.1:1", logs, told::add))
                .isEqualTo("off (HASHI_SEED=off)");
        assertThat(told).isEmpty();
    }

    @Test
    void aGatewayThatDoesNotAnswerIsReportedInTheBannerLineNotThrown() {
        int closed = Ports.free();
        String line = FirstStartSeeds.fromEnvironment(Map.of("HASHI_SEED", "wpc-2003"))
                .load("http://127.0.0.1:" + closed, logs, told -> {});
        assertThat(line).startsWith("wpc-2003 not loaded: ").contains("Connect");
    }

    @Test
    void theBannerSaysWhatSeedingDidJustBeforeHowToStop() {
        String banner = "===\n Hashi is ready\n Logs                 data/logs\n Stop with Ctrl-C\n===\n";
        assertThat(Banner.withSeeds(banner, "wpc-2003 skipped: the installation is not empty"))
                .contains(" Seeds                wpc-2003 skipped: the installation is not empty\n Stop with Ctrl-C\n");
    }
}

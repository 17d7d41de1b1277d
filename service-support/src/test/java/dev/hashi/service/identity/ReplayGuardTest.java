package dev.hashi.service.identity;

import org.junit.jupiter.api.Test;

import static dev.hashi.service.identity.ReplayGuard.Outcome.ACCEPTED;
import static dev.hashi.service.identity.ReplayGuard.Outcome.REPLAYED;
import static dev.hashi.service.identity.ReplayGuard.Outcome.TOO_OLD;
import static org.assertj.core.api.Assertions.assertThat;

class ReplayGuardTest {

    @Test
    void aNonceIsAcceptedOnceWithinItsWindowAndForgottenAfterIt() {
        ReplayGuard guard = new ReplayGuard(60, 100);
        assertThat(guard.admit("n-1", 1000, 1000)).isEqualTo(ACCEPTED);
        assertThat(guard.admit("n-1", 1000, 1001)).isEqualTo(REPLAYED);
        assertThat(guard.admit("n-1", 1000, 1060)).isEqualTo(REPLAYED);
        assertThat(guard.admit("n-2", 1030, 1061)).isEqualTo(ACCEPTED);
        assertThat(guard.size())
                .as("n-1's signature has expired, so it is forgotten")
                .isEqualTo(1);
    }

    @Test
    void whenFullTheOldestSecondIsForgottenAndItsSignaturesAreRefusedFromThenOn() {
        ReplayGuard guard = new ReplayGuard(60, 3);
        assertThat(guard.admit("a", 1000, 1010)).isEqualTo(ACCEPTED);
        assertThat(guard.admit("b", 1000, 1010)).isEqualTo(ACCEPTED);
        assertThat(guard.admit("c", 1005, 1010)).isEqualTo(ACCEPTED);
        assertThat(guard.admit("d", 1010, 1010)).isEqualTo(ACCEPTED);
        assertThat(guard.size()).isLessThanOrEqualTo(3);
        assertThat(guard.admit("a", 1000, 1011))
                .as("a was forgotten, but its second is now refused: no replay gets through")
                .isEqualTo(TOO_OLD);
        assertThat(guard.admit("e", 1000, 1011)).isEqualTo(TOO_OLD);
        assertThat(guard.admit("c", 1005, 1011)).isEqualTo(REPLAYED);
        assertThat(guard.admit("f", 1011, 1011)).isEqualTo(ACCEPTED);
    }
}

package dev.hashi.gateway.requestid;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdFilterTest {

    @Test
    void headerInjectionAttemptsAreNeverAccepted() {
        String attempt = "abc\r\nSet-Cookie: session=stolen";

        assertThat(RequestIdFilter.accept(attempt)).isNotEqualTo(attempt).doesNotContain("\r", "\n");
    }

    @Test
    void emptyOrMissingIdsAreReplaced() {
        assertThat(RequestIdFilter.accept("")).hasSize(36);
        assertThat(RequestIdFilter.accept(null)).hasSize(36);
    }

    @Test
    void tokensOfLettersDigitsDotsDashesAndUnderscoresAreKept() {
        assertThat(RequestIdFilter.accept("a.B-9_z")).isEqualTo("a.B-9_z");
    }
}

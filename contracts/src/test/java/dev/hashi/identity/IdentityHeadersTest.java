package dev.hashi.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityHeadersTest {

    private static final String SECRET = "a-shared-secret-of-at-least-32-bytes!!";
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private final IdentityHeaders headers = new IdentityHeaders(SECRET, Duration.ofSeconds(60));
    private final Identity translator =
            new Identity("yuki@example.jp", Set.of(Role.TRANSLATOR, Role.REVIEWER), Set.of(LocalePair.parse("ja:en")));

    @Test
    void signedIdentityVerifiesForTheSameRequest() {
        Map<String, String> signed =
                headers.sign(translator, "POST", "/api/translations/units/u-1/submit", "req-1", NOW);
        assertThat(headers.verify(signed, "POST", "/api/translations/units/u-1/submit", "req-1", NOW.plusSeconds(5)))
                .contains(translator);
    }

    @Test
    void tamperedRolesFailVerification() {
        Map<String, String> signed = new HashMap<>(headers.sign(translator, "GET", "/api/content/entries", "r", NOW));
        signed.put(IdentityHeaders.ROLES, "admin,translator");
        assertThat(headers.verify(signed, "GET", "/api/content/entries", "r", NOW))
                .isEmpty();
    }

    @Test
    void signatureIsBoundToMethodPathAndRequestId() {
        Map<String, String> signed = headers.sign(translator, "GET", "/api/content/entries", "r", NOW);
        assertThat(headers.verify(signed, "DELETE", "/api/content/entries", "r", NOW))
                .isEmpty();
        assertThat(headers.verify(signed, "GET", "/api/content/types", "r", NOW))
                .isEmpty();
        assertThat(headers.verify(signed, "GET", "/api/content/entries", "other", NOW))
                .isEmpty();
    }

    @Test
    void oldOrWrongKeySignaturesAreRefused() {
        Map<String, String> signed = headers.sign(translator, "GET", "/p", "r", NOW);
        assertThat(headers.verify(signed, "GET", "/p", "r", NOW.plusSeconds(61)))
                .isEmpty();
        IdentityHeaders other = new IdentityHeaders("another-secret-that-is-32-bytes-long!", Duration.ofSeconds(60));
        assertThat(other.verify(signed, "GET", "/p", "r", NOW)).isEmpty();
    }

    @Test
    void missingHeadersMeanNoIdentity() {
        assertThat(headers.verify(Map.of(IdentityHeaders.SUBJECT, "admin"), "GET", "/p", "r", NOW))
                .isEmpty();
    }

    @Test
    void shortSecretsAreRejected() {
        assertThatThrownBy(() -> new IdentityHeaders("short", Duration.ofSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void translatorGrantCoversOnlyItsPairs() {
        assertThat(translator.mayTranslate("ja", "en")).isTrue();
        assertThat(translator.mayTranslate("en", "ja")).isFalse();
        assertThat(new Identity("e", Set.of(Role.EDITOR), Set.of(LocalePair.parse("ja:en"))).mayTranslate("ja", "en"))
                .as("pairs without the translator role grant nothing")
                .isFalse();
        assertThat(new Identity("t", Set.of(Role.TRANSLATOR), Set.of(LocalePair.parse("*:ko")))
                        .mayTranslate("ja", "ko"))
                .isTrue();
    }

    @Test
    void unsafeSubjectsAreRejected() {
        assertThatThrownBy(() -> new Identity("evil\r\nX-Hashi-Roles: admin", Set.of(Role.READER), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

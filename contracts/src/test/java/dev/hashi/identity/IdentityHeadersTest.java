package dev.hashi.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
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

    private static final IdentityHeaders.SignedRequest SUBMIT = new IdentityHeaders.SignedRequest(
            "POST", "/api/translations/units/u-1/submit", "x=1", "application/json", 20, "req-1");
    private static final String BODY = IdentityHeaders.digest("{\"text\":\"Minamata\"}".getBytes());

    @Test
    void signedIdentityVerifiesForTheSameRequest() {
        Map<String, String> signed = headers.sign(translator, SUBMIT, BODY, NOW);
        assertThat(headers.verify(signed, SUBMIT, NOW.plusSeconds(5))).hasValueSatisfying(verified -> {
            assertThat(verified.identity()).isEqualTo(translator);
            assertThat(verified.nonce()).isEqualTo(signed.get(IdentityHeaders.NONCE));
            assertThat(verified.bodyDigest()).isEqualTo(BODY);
            assertThat(verified.time()).isEqualTo(NOW.getEpochSecond());
        });
    }

    @Test
    void tamperedRolesFailVerification() {
        Map<String, String> signed = new HashMap<>(headers.sign(translator, SUBMIT, BODY, NOW));
        signed.put(IdentityHeaders.ROLES, "admin,translator");
        assertThat(headers.verify(signed, SUBMIT, NOW)).isEmpty();
    }

    @Test
    void signatureIsBoundToMethodPathQueryBodyAndRequestId() {
        Map<String, String> signed = headers.sign(translator, SUBMIT, BODY, NOW);
        for (IdentityHeaders.SignedRequest other : List.of(
                new IdentityHeaders.SignedRequest("PUT", SUBMIT.rawPath(), "x=1", "application/json", 20, "req-1"),
                new IdentityHeaders.SignedRequest(
                        "POST", "/api/translations/units/u-2/submit", "x=1", "application/json", 20, "req-1"),
                new IdentityHeaders.SignedRequest("POST", SUBMIT.rawPath(), "x=2", "application/json", 20, "req-1"),
                new IdentityHeaders.SignedRequest("POST", SUBMIT.rawPath(), null, "application/json", 20, "req-1"),
                new IdentityHeaders.SignedRequest("POST", SUBMIT.rawPath(), "x=1", "text/plain", 20, "req-1"),
                new IdentityHeaders.SignedRequest("POST", SUBMIT.rawPath(), "x=1", "application/json", 21, "req-1"),
                new IdentityHeaders.SignedRequest("POST", SUBMIT.rawPath(), "x=1", "application/json", 20, "other"))) {
            assertThat(headers.verify(signed, other, NOW)).as(other.toString()).isEmpty();
        }
        Map<String, String> otherBody = new HashMap<>(signed);
        otherBody.put(IdentityHeaders.BODY_DIGEST, IdentityHeaders.digest("{}".getBytes()));
        assertThat(headers.verify(otherBody, SUBMIT, NOW)).as("another body").isEmpty();
        Map<String, String> streamed = new HashMap<>(signed);
        streamed.remove(IdentityHeaders.BODY_DIGEST);
        assertThat(headers.verify(streamed, SUBMIT, NOW)).as("digest removed").isEmpty();
        Map<String, String> otherNonce = new HashMap<>(signed);
        otherNonce.put(IdentityHeaders.NONCE, IdentityHeaders.newNonce());
        assertThat(headers.verify(otherNonce, SUBMIT, NOW)).as("another nonce").isEmpty();
    }

    @Test
    void everySignatureHasItsOwnNonce() {
        Set<String> nonces = new java.util.HashSet<>();
        for (int i = 0; i < 1000; i++) {
            nonces.add(headers.sign(translator, SUBMIT, BODY, NOW).get(IdentityHeaders.NONCE));
        }
        assertThat(nonces).hasSize(1000).allMatch(nonce -> nonce.matches("[A-Za-z0-9_-]{22}"));
    }

    @Test
    void aStreamedBodyIsCoveredByItsDeclaredLengthOnly() {
        IdentityHeaders.SignedRequest upload = new IdentityHeaders.SignedRequest(
                "PUT", "/api/media/assets/a-1/file", null, "image/png", 5_000_000, "r");
        Map<String, String> signed = headers.sign(translator, upload, null, NOW);
        assertThat(signed).doesNotContainKey(IdentityHeaders.BODY_DIGEST);
        assertThat(headers.verify(signed, upload, NOW))
                .hasValueSatisfying(
                        verified -> assertThat(verified.bodyDigest()).isNull());
        Map<String, String> withDigest = new HashMap<>(signed);
        withDigest.put(IdentityHeaders.BODY_DIGEST, IdentityHeaders.EMPTY_BODY);
        assertThat(headers.verify(withDigest, upload, NOW)).isEmpty();
    }

    @Test
    void oldOrWrongKeySignaturesAreRefused() {
        IdentityHeaders.SignedRequest get = IdentityHeaders.SignedRequest.of("GET", "/p", "r");
        Map<String, String> signed = headers.sign(translator, get, IdentityHeaders.EMPTY_BODY, NOW);
        assertThat(headers.verify(signed, get, NOW.plusSeconds(61))).isEmpty();
        IdentityHeaders other = new IdentityHeaders("another-secret-that-is-32-bytes-long!", Duration.ofSeconds(60));
        assertThat(other.verify(signed, get, NOW)).isEmpty();
    }

    @Test
    void missingHeadersMeanNoIdentity() {
        assertThat(headers.verify(
                        Map.of(IdentityHeaders.SUBJECT, "admin"),
                        IdentityHeaders.SignedRequest.of("GET", "/p", "r"),
                        NOW))
                .isEmpty();
        IdentityHeaders.SignedRequest get = IdentityHeaders.SignedRequest.of("GET", "/p", "r");
        Map<String, String> noNonce = new HashMap<>(headers.sign(translator, get, IdentityHeaders.EMPTY_BODY, NOW));
        noNonce.remove(IdentityHeaders.NONCE);
        assertThat(headers.verify(noNonce, get, NOW)).isEmpty();
    }

    @Test
    void theServiceRoleIsNeverAnEndUserRoleAndOnlyServicesHoldIt() {
        assertThat(Role.fromWire("service")).isEmpty();
        assertThat(Role.fromWire("editor")).contains(Role.EDITOR);
        Identity translation = Identity.service("translation");
        assertThat(translation.subject()).isEqualTo("service:translation");
        assertThat(translation.isService()).isTrue();
        assertThat(translation.serviceName()).contains("translation");
        assertThat(translator.isService()).isFalse();
        assertThatThrownBy(() -> new Identity("mallory", Set.of(Role.SERVICE), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Identity("service:translation", Set.of(Role.SERVICE, Role.ADMIN), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);

        IdentityHeaders.SignedRequest snapshot =
                new IdentityHeaders.SignedRequest("GET", "/api/content/snapshot", "limit=200", null, 0, "r");
        assertThat(headers.verify(headers.sign(translation, snapshot, IdentityHeaders.EMPTY_BODY, NOW), snapshot, NOW)
                        .map(IdentityHeaders.Verified::identity))
                .contains(translation);
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

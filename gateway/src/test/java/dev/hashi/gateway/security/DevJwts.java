package dev.hashi.gateway.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import dev.hashi.gateway.TestEdge;

/** JWTs as the dev key signs them, and deliberately bad ones, for tests. */
public final class DevJwts {

    private DevJwts() {}

    /** A valid dev token for {@code subject} with {@code roles}. */
    public static String token(String subject, String... roles) {
        return signed(subject, List.of(roles), List.of(), Duration.ofHours(1), TestEdge.SECRET);
    }

    /** A valid dev token for a translator with locale pairs. */
    public static String translator(String subject, String... pairs) {
        return signed(subject, List.of("translator"), List.of(pairs), Duration.ofHours(1), TestEdge.SECRET);
    }

    /** A token that expired an hour ago. */
    public static String expired(String subject, String role) {
        return signed(subject, List.of(role), List.of(), Duration.ofHours(-1), TestEdge.SECRET);
    }

    /** A token signed with a key the gateway does not trust. */
    public static String wrongKey(String subject, String role) {
        return signed(subject, List.of(role), List.of(), Duration.ofHours(1), "another-secret-of-at-least-32-bytes!!");
    }

    /** A dev-signed token without an expiry. */
    static String withoutExpiry(String subject, String role) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject(subject)
                .issuedAt(Instant.now())
                .claim(SecurityProperties.ROLES_CLAIM, List.of(role))
                .build();
        SecretKeySpec key = (SecretKeySpec) JwtIdentities.devKey(TestEdge.SECRET);
        return NimbusJwtEncoder.withSecretKey(key)
                .build()
                .encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    private static String signed(String subject, List<String> roles, List<String> pairs, Duration life, String secret) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject(subject)
                .issuedAt(life.isNegative() ? now.plus(life).minusSeconds(60) : now)
                .expiresAt(now.plus(life))
                .claim(SecurityProperties.ROLES_CLAIM, roles)
                .claim(SecurityProperties.LOCALE_PAIRS_CLAIM, pairs)
                .build();
        SecretKeySpec key = (SecretKeySpec) JwtIdentities.devKey(secret);
        return NimbusJwtEncoder.withSecretKey(key)
                .build()
                .encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }
}

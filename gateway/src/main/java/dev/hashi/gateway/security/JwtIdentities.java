package dev.hashi.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import dev.hashi.identity.Identity;
import dev.hashi.identity.LocalePair;
import dev.hashi.identity.Role;

/** Turns verified JWTs into identities, and chooses how JWTs are verified. */
final class JwtIdentities {

    /** API tokens act as {@code token:<id>}; no JWT may claim such a subject. */
    static final String API_TOKEN_SUBJECT_PREFIX = "token:";

    private JwtIdentities() {}

    /**
     * The decoder for the configured identity provider; in dev without one, the dev key; otherwise {@code null}
     * (JWTs are not accepted, only API tokens).
     */
    static ReactiveJwtDecoder decoder(SecurityProperties properties, String gatewaySecret) {
        SecurityProperties.Jwt jwt = properties.jwt();
        NimbusReactiveJwtDecoder decoder;
        if (hasText(jwt.issuerUri()) || hasText(jwt.jwkSetUri())) {
            String issuer = hasText(jwt.issuer()) ? jwt.issuer() : jwt.issuerUri();
            if (!hasText(issuer)) {
                throw new IllegalStateException(
                        "JWT_ISSUER (cms.gateway.security.jwt.issuer) must be set with JWT_JWK_SET_URI: "
                                + "JWTs are only accepted from one issuer");
            }
            if (jwt.audiences().isEmpty()) {
                throw new IllegalStateException("JWT_AUDIENCES (cms.gateway.security.jwt.audiences) must be set with "
                        + "an identity provider: JWTs are only accepted when issued for this API");
            }
            decoder = hasText(jwt.issuerUri())
                    ? NimbusReactiveJwtDecoder.withIssuerLocation(jwt.issuerUri())
                            .build()
                    : NimbusReactiveJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    JwtValidators.createDefaultWithIssuer(issuer), EXPIRY_REQUIRED, audience(jwt.audiences())));
            return decoder;
        }
        if (properties.dev()) {
            decoder = NimbusReactiveJwtDecoder.withSecretKey(devKey(gatewaySecret))
                    .macAlgorithm(MacAlgorithm.HS256)
                    .build();
            decoder.setJwtValidator(
                    new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(), EXPIRY_REQUIRED));
            return decoder;
        }
        return null;
    }

    /** The timestamp validator accepts a token without {@code exp}; such a token would never expire. */
    private static final OAuth2TokenValidator<Jwt> EXPIRY_REQUIRED =
            new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull);

    private static OAuth2TokenValidator<Jwt> audience(List<String> accepted) {
        return new JwtClaimValidator<List<String>>(
                JwtClaimNames.AUD,
                audiences -> audiences != null && audiences.stream().anyMatch(accepted::contains));
    }

    /**
     * The dev-only HS256 signing key, derived from the gateway secret so dev tokens survive restarts and work on
     * every gateway replica of one dev stack.
     */
    static SecretKey devKey(String gatewaySecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(gatewaySecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return new SecretKeySpec(mac.doFinal("hashi-dev-jwt".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /**
     * The identity a verified JWT carries: {@code sub}, known role names from the roles claim (unknown names are
     * ignored; none at all means reader) and translators' locale pairs.
     *
     * @throws InvalidBearerTokenException when the subject or a locale pair is malformed
     */
    static Identity identity(Jwt jwt, SecurityProperties.Jwt claims) {
        String subject = jwt.getSubject();
        if (subject == null
                || !Identity.SUBJECT.matcher(subject).matches()
                || Identity.ANONYMOUS_SUBJECT.equals(subject)) {
            throw new InvalidBearerTokenException("token subject is missing or not a safe token");
        }
        if (subject.startsWith(API_TOKEN_SUBJECT_PREFIX)) {
            throw new InvalidBearerTokenException("a JWT subject may not take the form of an API token's subject");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : strings(jwt.getClaim(claims.rolesClaim()))) {
            Role.fromWire(name).ifPresent(roles::add);
        }
        if (roles.isEmpty()) {
            roles.add(Role.READER);
        }
        Set<LocalePair> pairs = new HashSet<>();
        try {
            for (String pair : strings(jwt.getClaim(claims.localePairsClaim()))) {
                pairs.add(LocalePair.parse(pair));
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidBearerTokenException("token has a malformed locale pair");
        }
        return new Identity(subject, roles, pairs);
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .toList();
        }
        if (claim instanceof String value) {
            return List.of(value.split("[ ,]+"));
        }
        return List.of();
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}

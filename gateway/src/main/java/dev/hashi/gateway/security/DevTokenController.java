package dev.hashi.gateway.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/dev/tokens}: mints a JWT for any subject and roles, signed with the dev key. It exists only in
 * the dev profile ({@code HASHI_PROFILE=dev}); elsewhere the path is not served at all.
 */
@RestController
@ConditionalOnProperty(name = "cms.gateway.security.profile", havingValue = "dev")
class DevTokenController {

    private final NimbusJwtEncoder encoder;
    private final SecurityProperties properties;
    private final Clock clock = Clock.systemUTC();

    DevTokenController(SecurityProperties properties, GatewaySecret secret) {
        this.properties = properties;
        this.encoder = NimbusJwtEncoder.withSecretKey(JwtIdentities.devKey(secret.value()))
                .build();
    }

    @PostMapping("/api/dev/tokens")
    DevToken mint(@Valid @RequestBody DevTokenRequest request) {
        Instant now = clock.instant();
        Instant expires = now.plus(properties.jwt().devTokenLifetime());
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer("hashi-dev")
                .subject(request.subject())
                .issuedAt(now)
                .expiresAt(expires)
                .claim(properties.jwt().rolesClaim(), request.roles())
                .claim(
                        properties.jwt().localePairsClaim(),
                        request.localePairs() == null ? List.of() : request.localePairs())
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new DevToken(token, expires);
    }

    record DevTokenRequest(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9@._:-]{1,128}")
            String subject,

            @NotEmpty List<@Pattern(regexp = "reader|translator|reviewer|editor|admin") String> roles,
            @Size(max = 50) List<@Pattern(regexp = "[A-Za-z0-9*-]{1,35}:[A-Za-z0-9*-]{1,35}") String> localePairs) {}

    record DevToken(String token, Instant expiresAt) {}
}

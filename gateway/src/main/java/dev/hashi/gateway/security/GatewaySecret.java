package dev.hashi.gateway.security;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret shared with the services. Required outside dev; in dev a missing one is replaced by a random secret
 * (then only anonymous calls reach services started without the same secret).
 */
public record GatewaySecret(String value) {

    static GatewaySecret from(SecurityProperties properties) {
        String configured = properties.gatewaySecret();
        if (configured != null && !configured.isBlank()) {
            return new GatewaySecret(configured);
        }
        if (!properties.dev()) {
            throw new IllegalStateException("HASHI_GATEWAY_SECRET (cms.gateway.security.gateway-secret) must be set "
                    + "outside the dev profile: services only trust identities signed with it");
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return new GatewaySecret(Base64.getUrlEncoder().withoutPadding().encodeToString(random));
    }
}

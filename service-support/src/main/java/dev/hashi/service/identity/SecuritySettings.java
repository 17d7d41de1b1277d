package dev.hashi.service.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service trusts the gateway, under {@code cms.security}.
 *
 * @param gatewaySecret  secret shared with the gateway for identity signatures ({@code HASHI_GATEWAY_SECRET},
 *                       at least 32 bytes)
 * @param requireGateway refuse {@code /api/**} requests without a valid gateway signature (default true; always
 *                       false in the dev profile, {@code HASHI_PROFILE=dev}, where unsigned local calls count as
 *                       anonymous readers and a missing secret is replaced by a random one)
 * @param maxSkew        how old a signature may be (default 60s)
 */
@ConfigurationProperties("cms.security")
public record SecuritySettings(
        String gatewaySecret,
        @DefaultValue("true") boolean requireGateway,
        @DefaultValue("60s") Duration maxSkew) {}

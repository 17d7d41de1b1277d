package dev.hashi.service.identity;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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
 * @param replayCacheSize how many signature nonces a replica remembers to refuse replays (default 100000; when full
 *                       the accepted window narrows instead of forgetting nonces, see {@code ReplayGuard})
 * @param serviceAccess  per calling service, the operations ({@code "GET /api/content/snapshot"}: method, one space,
 *                       exact path) its own {@code service:<name>} identity may call on this service; none by default
 */
@ConfigurationProperties("cms.security")
public record SecuritySettings(
        String gatewaySecret,
        @DefaultValue("true") boolean requireGateway,
        @DefaultValue("60s") Duration maxSkew,
        @DefaultValue("100000") int replayCacheSize,
        @DefaultValue Map<String, List<String>> serviceAccess) {

    /** The default of {@code cms.security.replay-cache-size}. */
    public static final int DEFAULT_REPLAY_CACHE_SIZE = 100_000;
}

package dev.hashi.gateway.tokens;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import dev.hashi.digest.Sha256;
import dev.hashi.identity.Identity;
import dev.hashi.identity.LocalePair;
import dev.hashi.identity.Role;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * API tokens for scripts and CI: created and revoked by an admin, shown once, kept only as a SHA-256 hash with
 * roles and an expiry. The records are in a compacted Kafka topic ({@link TokenLog}); this class holds the current
 * view of it in memory.
 */
public class ApiTokens {

    /** Every API token starts with this, which tells it apart from a JWT. */
    public static final String PREFIX = "hsh_";

    private final TokenLog log;
    private final Clock clock;
    private final Duration maxLifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, ApiToken> byId = new ConcurrentHashMap<>();
    private final Map<String, ApiToken> byHash = new ConcurrentHashMap<>();

    public ApiTokens(TokenLog log, Clock clock, Duration maxLifetime) {
        this.log = log;
        this.clock = clock;
        this.maxLifetime = maxLifetime;
        log.onRecord(this::apply);
    }

    /** The identity a presented token stands for; fails with an authentication error when it is not valid now. */
    public Mono<Identity> authenticate(String presented) {
        if (!log.current()) {
            return Mono.error(new AuthenticationServiceException("the API token store is not available or stale"));
        }
        ApiToken token = byHash.get(sha256(presented));
        if (token == null || !token.activeAt(clock.instant())) {
            return Mono.error(new InvalidBearerTokenException("unknown, expired or revoked API token"));
        }
        return Mono.just(new Identity(token.subject(), roles(token.roles()), pairs(token.localePairs())));
    }

    /**
     * Creates a token; the returned secret is shown once and never stored.
     *
     * @throws IllegalArgumentException for an unknown role, a malformed locale pair or a lifetime out of range
     */
    public Mono<Created> create(
            String name,
            Collection<String> roles,
            Collection<String> localePairs,
            Duration lifetime,
            String createdBy) {
        roles(roles);
        pairs(localePairs);
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(maxLifetime) > 0) {
            throw new IllegalArgumentException(
                    "lifetime must be positive and at most " + maxLifetime.toDays() + " days");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var now = clock.instant();
        ApiToken token = new ApiToken(
                UUID.randomUUID().toString(),
                name,
                sha256(secret),
                List.copyOf(roles),
                List.copyOf(localePairs),
                now.plus(lifetime),
                now,
                createdBy,
                null);
        return Mono.fromCallable(() -> {
                    log.append(token);
                    apply(token.id(), token);
                    return new Created(token, secret);
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Revokes a token; empty when no such token exists. */
    public Mono<ApiToken> revoke(String id) {
        ApiToken current = byId.get(id);
        if (current == null) {
            return Mono.empty();
        }
        ApiToken revoked = current.revokedAt() != null ? current : current.revoked(clock.instant());
        return Mono.fromCallable(() -> {
                    log.append(revoked);
                    apply(revoked.id(), revoked);
                    return revoked;
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Every token, newest first, without secrets. */
    public List<ApiToken> list() {
        return byId.values().stream()
                .sorted((a, b) -> b.createdAt().compareTo(a.createdAt()))
                .toList();
    }

    public Optional<ApiToken> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    private void apply(String id, ApiToken token) {
        ApiToken previous = token == null ? byId.remove(id) : byId.put(id, token);
        if (previous != null) {
            byHash.remove(previous.hash());
        }
        if (token != null) {
            byHash.put(token.hash(), token);
        }
    }

    private static Set<Role> roles(Collection<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a token needs at least one role");
        }
        return names.stream()
                .map(name ->
                        Role.fromWire(name).orElseThrow(() -> new IllegalArgumentException("unknown role: " + name)))
                .collect(Collectors.toSet());
    }

    private static Set<LocalePair> pairs(Collection<String> pairs) {
        return pairs.stream().map(LocalePair::parse).collect(Collectors.toSet());
    }

    static String sha256(String value) {
        return Sha256.hex(value);
    }

    /** A new token and its secret, which is shown exactly once. */
    public record Created(ApiToken token, String secret) {}
}

package dev.hashi.gateway.tokens;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
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
    /** How long an {@code Idempotency-Key} is remembered unless configured ({@code cms.http.idempotency-ttl}). */
    public static final Duration DEFAULT_IDEMPOTENCY_TTL = Duration.ofHours(24);

    private static final Duration ARBITRATION_WAIT = Duration.ofSeconds(10);

    private final TokenLog log;
    private final Clock clock;
    private final Duration maxLifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, ApiToken> byId = new ConcurrentHashMap<>();
    private final Map<String, ApiToken> byHash = new ConcurrentHashMap<>();
    /** The first token created with each idempotency key id, in topic order. */
    private final Map<String, ApiToken> byIdempotencyKey = new ConcurrentHashMap<>();
    /** Keys of creates running on this replica, with their request fingerprints. */
    private final Map<String, String> pending = new ConcurrentHashMap<>();

    private final Duration idempotencyTtl;

    public ApiTokens(TokenLog log, Clock clock, Duration maxLifetime) {
        this(log, clock, maxLifetime, DEFAULT_IDEMPOTENCY_TTL);
    }

    /** @param idempotencyTtl how long an {@code Idempotency-Key} of a create is remembered */
    public ApiTokens(TokenLog log, Clock clock, Duration maxLifetime, Duration idempotencyTtl) {
        this.log = log;
        this.clock = clock;
        this.maxLifetime = maxLifetime;
        this.idempotencyTtl = idempotencyTtl;
        log.onRecord(this::applyRead);
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
        return create(name, roles, localePairs, lifetime, createdBy, null).cast(Created.class);
    }

    /**
     * Creates a token once per {@code Idempotency-Key} ({@code key} may be {@code null}: no key). A key already used
     * within the idempotency time to live answers what it created ({@link AlreadyCreated}, without the secret, which
     * exists only in the first response) or that it came with another request ({@link KeyReused}). Replicas agree
     * because the token records carry their key and the topic orders them: the first record with a key is the one
     * that counts, and a replica that wrote a later one (a race between replicas) deletes its token again.
     *
     * @throws IllegalArgumentException for an unknown role, a malformed locale pair or a lifetime out of range
     */
    public Mono<Outcome> create(
            String name,
            Collection<String> roles,
            Collection<String> localePairs,
            Duration lifetime,
            String createdBy,
            ApiToken.IdempotencyKey key) {
        roles(roles);
        pairs(localePairs);
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(maxLifetime) > 0) {
            throw new IllegalArgumentException(
                    "lifetime must be positive and at most " + maxLifetime.toDays() + " days");
        }
        return Mono.fromCallable(() -> {
                    if (key == null) {
                        return write(name, roles, localePairs, lifetime, createdBy, null);
                    }
                    Outcome known = known(key);
                    if (known != null) {
                        return known;
                    }
                    String running = pending.putIfAbsent(key.id(), key.fingerprint());
                    if (running != null) {
                        return running.equals(key.fingerprint()) ? new InProgress() : new KeyReused();
                    }
                    try {
                        return write(name, roles, localePairs, lifetime, createdBy, key);
                    } finally {
                        pending.remove(key.id());
                    }
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Writes a new token with its key (or none) and, with a key, settles which token the key stands for. */
    private Outcome write(
            String name,
            Collection<String> roles,
            Collection<String> localePairs,
            Duration lifetime,
            String createdBy,
            ApiToken.IdempotencyKey key)
            throws Exception {
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
                null,
                key);
        long offset = log.append(token);
        apply(token.id(), token);
        return key == null ? new Created(token, secret) : arbitrate(token, secret, offset);
    }

    /** What a key already stands for: its first token while the key lives, or {@code null} when it is free. */
    private Outcome known(ApiToken.IdempotencyKey key) {
        ApiToken first = byIdempotencyKey.get(key.id());
        if (first == null || first.createdAt().plus(idempotencyTtl).isBefore(clock.instant())) {
            return null;
        }
        return first.idempotency().fingerprint().equals(key.fingerprint())
                ? new AlreadyCreated(first)
                : new KeyReused();
    }

    /**
     * After writing a token with a key: once this replica has read the topic up to the token's record, the first
     * token with the key is known. When it is another (a replica raced this one), this token is deleted again; its
     * secret was never shown to anyone.
     */
    private Outcome arbitrate(ApiToken token, String secret, long offset) throws Exception {
        if (!log.awaitRead(offset, ARBITRATION_WAIT)) {
            log.remove(token.id());
            apply(token.id(), null);
            throw new IllegalStateException("the API token topic was not read back in time; nothing was created");
        }
        ApiToken first = byIdempotencyKey.get(token.idempotency().id());
        if (first == null || first.id().equals(token.id())) {
            return new Created(token, secret);
        }
        log.remove(token.id());
        apply(token.id(), null);
        return first.idempotency().fingerprint().equals(token.idempotency().fingerprint())
                ? new AlreadyCreated(first)
                : new KeyReused();
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

    /** The order of the list: newest first, then by id. */
    public static final Comparator<ApiToken> NEWEST_FIRST =
            Comparator.comparing(ApiToken::createdAt).reversed().thenComparing(ApiToken::id);

    /** Every token, newest first, without secrets. */
    public List<ApiToken> list() {
        return byId.values().stream().sorted(NEWEST_FIRST).toList();
    }

    /**
     * Up to {@code count} tokens in {@link #NEWEST_FIRST} order that come after a token created at
     * {@code afterCreatedAt} with id {@code afterId} (both {@code null} for the first page); the token itself need
     * not exist any more.
     */
    public List<ApiToken> list(Instant afterCreatedAt, String afterId, int count) {
        ApiToken after = afterId == null
                ? null
                : new ApiToken(afterId, null, null, List.of(), List.of(), null, afterCreatedAt, null, null);
        return byId.values().stream()
                .filter(token -> after == null || NEWEST_FIRST.compare(token, after) > 0)
                .sorted(NEWEST_FIRST)
                .limit(count)
                .toList();
    }

    /** How many tokens there are, revoked ones included. */
    public int count() {
        return byId.size();
    }

    public Optional<ApiToken> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** A record read from the topic: the view, and the first token of each idempotency key in topic order. */
    private void applyRead(String id, ApiToken token) {
        ApiToken previous = byId.get(id);
        apply(id, token);
        if (token != null && token.idempotency() != null) {
            byIdempotencyKey.compute(token.idempotency().id(), (key, first) -> {
                boolean firstExpired =
                        first != null && first.createdAt().plus(idempotencyTtl).isBefore(token.createdAt());
                return first == null || firstExpired || first.id().equals(id) ? token : first;
            });
        } else if (token == null && previous != null && previous.idempotency() != null) {
            byIdempotencyKey.computeIfPresent(
                    previous.idempotency().id(), (key, first) -> first.id().equals(id) ? null : first);
        }
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

    /** What a create came to. */
    public sealed interface Outcome {}

    /** A new token and its secret, which is shown exactly once. */
    public record Created(ApiToken token, String secret) implements Outcome {}

    /** The key already created {@code token}; its secret is not shown again. */
    public record AlreadyCreated(ApiToken token) implements Outcome {}

    /** The key was used for another request. */
    public record KeyReused() implements Outcome {}

    /** A create with the key and the same request is still running on this replica. */
    public record InProgress() implements Outcome {}
}

package dev.hashi.gateway.tokens;

import java.time.Instant;
import java.util.List;

/**
 * An API token as stored: never the token itself, only its SHA-256.
 *
 * @param id          public id, used to revoke
 * @param name        what it is for, e.g. {@code ci-import}
 * @param hash        lowercase hex SHA-256 of the token
 * @param roles       role wire names
 * @param localePairs translator grants such as {@code ja:en}
 * @param expiresAt   when it stops working
 * @param createdAt   when it was created
 * @param createdBy   subject of the admin who created it
 * @param revokedAt   when it was revoked, {@code null} while active
 * @param idempotency the {@code Idempotency-Key} it was created with, {@code null} when it came without one
 */
public record ApiToken(
        String id,
        String name,
        String hash,
        List<String> roles,
        List<String> localePairs,
        Instant expiresAt,
        Instant createdAt,
        String createdBy,
        Instant revokedAt,
        IdempotencyKey idempotency) {

    /** A token created without an {@code Idempotency-Key}. */
    public ApiToken(
            String id,
            String name,
            String hash,
            List<String> roles,
            List<String> localePairs,
            Instant expiresAt,
            Instant createdAt,
            String createdBy,
            Instant revokedAt) {
        this(id, name, hash, roles, localePairs, expiresAt, createdAt, createdBy, revokedAt, null);
    }

    /**
     * The {@code Idempotency-Key} a token was created with.
     *
     * @param id          hex SHA-256 of the creating admin's subject and the key (keys are scoped per caller)
     * @param fingerprint hex SHA-256 of the request, to tell a retry from another request under the same key
     */
    public record IdempotencyKey(String id, String fingerprint) {}

    /** The subject a token acts as. */
    public String subject() {
        return "token:" + id;
    }

    boolean activeAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    ApiToken revoked(Instant at) {
        return new ApiToken(id, name, hash, roles, localePairs, expiresAt, createdAt, createdBy, at, idempotency);
    }
}

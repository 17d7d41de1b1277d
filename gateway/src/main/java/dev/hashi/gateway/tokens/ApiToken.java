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
        Instant revokedAt) {

    /** The subject a token acts as. */
    public String subject() {
        return "token:" + id;
    }

    boolean activeAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    ApiToken revoked(Instant at) {
        return new ApiToken(id, name, hash, roles, localePairs, expiresAt, createdAt, createdBy, at);
    }
}

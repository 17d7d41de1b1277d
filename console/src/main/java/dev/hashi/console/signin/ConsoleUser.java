package dev.hashi.console.signin;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The signed-in user as the console keeps it in the HTTP session (never in a cookie or the page).
 *
 * @param subject     who, as the gateway will see it
 * @param roles       {@code editor}, {@code translator}, {@code reviewer}, {@code admin} (what the token grants)
 * @param localePairs translators' grants, {@code ja:en}
 * @param token       the bearer token forwarded to the gateway on every call
 * @param expiresAt   when the token stops being accepted, or {@code null} if unknown
 */
public record ConsoleUser(String subject, List<String> roles, List<String> localePairs, String token, Instant expiresAt)
        implements Serializable {

    public ConsoleUser {
        roles = List.copyOf(roles);
        localePairs = List.copyOf(localePairs);
    }

    public boolean hasRole(String role) {
        return roles.contains(role) || roles.contains("admin");
    }

    /** The role shown in the header: the strongest one held. */
    public String mainRole() {
        for (String role : List.of("admin", "editor", "reviewer", "translator")) {
            if (roles.contains(role)) {
                return role;
            }
        }
        return "reader";
    }

    @Override
    public String toString() {
        return "ConsoleUser[" + subject + ", " + roles + ", " + localePairs + "]";
    }
}

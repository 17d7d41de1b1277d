package dev.hashi.identity;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who is calling, as verified by the gateway and forwarded to the services.
 *
 * @param subject     stable id of the user or API token; {@code anonymous} for unauthenticated readers;
 *                    {@code service:<name>} for a service calling on its own behalf
 * @param roles       the caller's roles, never empty (anonymous callers are {@link Role#READER}); a service holds
 *                    {@link Role#SERVICE} and nothing else, and only a {@code service:<name>} subject holds it
 * @param localePairs translation directions granted to a translator; empty for other roles
 */
public record Identity(String subject, Set<Role> roles, Set<LocalePair> localePairs) {

    /** The subject of unauthenticated callers. */
    public static final String ANONYMOUS_SUBJECT = "anonymous";
    /** Subjects are short, header-safe tokens. */
    public static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9@._:-]{1,128}");
    /** The subject prefix of service identities. */
    public static final String SERVICE_PREFIX = "service:";
    /** A service's name: lower-case letters, digits and dashes. */
    public static final Pattern SERVICE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    public Identity {
        Objects.requireNonNull(subject, "subject");
        if (!SUBJECT.matcher(subject).matches()) {
            throw new IllegalArgumentException("subject is not a safe token");
        }
        roles = Set.copyOf(roles);
        localePairs = Set.copyOf(localePairs);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("an identity has at least one role");
        }
        if (roles.contains(Role.SERVICE)
                && (roles.size() != 1
                        || !localePairs.isEmpty()
                        || !subject.startsWith(SERVICE_PREFIX)
                        || !SERVICE_NAME
                                .matcher(subject.substring(SERVICE_PREFIX.length()))
                                .matches())) {
            throw new IllegalArgumentException("only a service:<name> subject holds the service role, and alone");
        }
    }

    /** The identity of the service {@code name} calling on its own behalf: {@code service:<name>}, role service. */
    public static Identity service(String name) {
        return new Identity(SERVICE_PREFIX + name, Set.of(Role.SERVICE), Set.of());
    }

    /** Whether this is a service calling on its own behalf. */
    public boolean isService() {
        return roles.contains(Role.SERVICE);
    }

    /** The calling service's name, for a service identity. */
    public java.util.Optional<String> serviceName() {
        return isService()
                ? java.util.Optional.of(subject.substring(SERVICE_PREFIX.length()))
                : java.util.Optional.empty();
    }

    /** The anonymous reader. */
    public static Identity anonymous() {
        return new Identity(ANONYMOUS_SUBJECT, Set.of(Role.READER), Set.of());
    }

    public boolean isAnonymous() {
        return ANONYMOUS_SUBJECT.equals(subject);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether the caller holds any of {@code wanted}. */
    public boolean hasAny(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a translator's grant covers the direction {@code from → into}. */
    public boolean mayTranslate(String from, String into) {
        return has(Role.TRANSLATOR) && localePairs.stream().anyMatch(pair -> pair.covers(from, into));
    }
}

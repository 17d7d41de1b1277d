package dev.hashi.identity;

import java.util.Locale;
import java.util.Optional;

/** What a caller may do. A caller may hold several roles. */
public enum Role {
    /** Anonymous: published delivery and published media only. */
    READER,
    /** Translates within the locale pairs of their grant. */
    TRANSLATOR,
    /** Approves or rejects translations. */
    REVIEWER,
    /** Writes content and media, runs the workflow, publishes, previews. */
    EDITOR,
    /** Content types, API tokens, forced deletes. */
    ADMIN,
    /**
     * Another Hashi service calling on its own behalf, as {@code service:<name>} (see {@link Identity#service}). No
     * token or JWT grants it: {@link #fromWire} never returns it; only a service's own signature carries it.
     */
    SERVICE;

    /** The lower-case name used in headers and tokens. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The end-user role for a wire name, if any: the roles a JWT or an API token may grant. {@link #SERVICE} is not
     * one of them ({@code service} is an unknown name here).
     */
    public static Optional<Role> fromWire(String value) {
        return fromSignedWire(value).filter(role -> role != SERVICE);
    }

    /** Any role for a wire name, {@link #SERVICE} included: for parsing verified identity headers only. */
    static Optional<Role> fromSignedWire(String value) {
        for (Role role : values()) {
            if (role.wireName().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}

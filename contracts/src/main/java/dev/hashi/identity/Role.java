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
    ADMIN;

    /** The lower-case name used in headers and tokens. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role for a wire name, if any. */
    public static Optional<Role> fromWire(String value) {
        for (Role role : values()) {
            if (role.wireName().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}

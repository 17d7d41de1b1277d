package dev.hashi.translation.unit;

import java.util.Locale;
import java.util.Optional;

/** Where a translation unit stands. The wire form is the lower-case name, e.g. {@code in_progress}. */
public enum UnitState {
    UNTRANSLATED,
    IN_PROGRESS,
    TRANSLATED,
    APPROVED,
    REJECTED,
    OUTDATED,
    /** Decided not to be translated: the target shows the source value; counts as done. */
    SOURCE_ONLY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state for a wire name, if any. */
    public static Optional<UnitState> fromWire(String value) {
        for (UnitState state : values()) {
            if (state.wireName().equals(value)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}

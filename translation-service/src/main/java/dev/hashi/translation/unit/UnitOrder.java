package dev.hashi.translation.unit;

import java.util.Locale;
import java.util.Optional;

/** Orders of unit lists; every order ends with the unit id, so it is total and paging by offset is stable. */
public enum UnitOrder {
    /** Highest priority first, then earliest due date (undated last), then page order. */
    PRIORITY,
    /** Earliest due date first (undated last), then highest priority, then page order. */
    DUE,
    /** Page order: by entry, then by field path. */
    PAGE;

    /** The wire name, e.g. {@code priority}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The order for a wire name, if any. */
    public static Optional<UnitOrder> fromWire(String value) {
        for (UnitOrder order : values()) {
            if (order.wireName().equals(value)) {
                return Optional.of(order);
            }
        }
        return Optional.empty();
    }
}

package dev.hashi.media.asset;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * Whether and how an asset can be had.
 *
 * @param state          available, on request or pending
 * @param contactText    for {@link AvailabilityState#ON_REQUEST}: whom to ask, per locale; empty otherwise
 * @param contactEntryId for {@link AvailabilityState#ON_REQUEST}: the content entry with the contact details, or
 *                       {@code null}
 * @param expectedAt     for {@link AvailabilityState#PENDING}: when it is expected, or {@code null}
 */
public record Availability(
        AvailabilityState state, Map<String, LocalizedText> contactText, String contactEntryId, LocalDate expectedAt) {

    public Availability {
        Objects.requireNonNull(state, "state");
        contactText = contactText == null ? Map.of() : Map.copyOf(contactText);
    }

    public static Availability available() {
        return new Availability(AvailabilityState.AVAILABLE, Map.of(), null, null);
    }
}

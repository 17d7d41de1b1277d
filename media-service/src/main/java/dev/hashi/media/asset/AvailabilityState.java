package dev.hashi.media.asset;

import java.util.Arrays;
import java.util.Locale;

import dev.hashi.problem.ProblemCodes;
import dev.hashi.service.error.InvalidInputException;

/** Whether an asset can be downloaded; on the wire in snake_case ({@code on_request}). */
public enum AvailabilityState {
    /** Downloadable. */
    AVAILABLE,
    /** Not downloadable; visitors are asked to contact someone (e.g. the Secretariat). */
    ON_REQUEST,
    /** To be made available, possibly from an expected date. */
    PENDING;

    public static final String WIRE_NAMES = "available, on_request, pending";

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The state a client named.
     *
     * @throws InvalidInputException {@code format} when no state has that name
     */
    public static AvailabilityState parse(String field, String value) {
        return Arrays.stream(values())
                .filter(state -> state.wire().equals(value))
                .findFirst()
                .orElseThrow(() -> InvalidInputException.field(
                        field, ProblemCodes.FIELD_FORMAT, "state must be one of " + WIRE_NAMES + ".", value));
    }
}

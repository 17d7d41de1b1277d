package dev.hashi.media.asset;

import java.util.Arrays;
import java.util.Locale;

import dev.hashi.problem.ProblemCodes;
import dev.hashi.service.error.InvalidInputException;

/** What an asset is; on the wire in lower case ({@code presentation}). */
public enum AssetKind {
    PRESENTATION,
    DOCUMENT,
    IMAGE,
    AUDIO,
    VIDEO,
    OTHER;

    /** The wire names of every kind, for documentation and messages. */
    public static final String WIRE_NAMES = "presentation, document, image, audio, video, other";

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kind a client named.
     *
     * @param field where the value came from, for the field error
     * @throws InvalidInputException {@code format} when no kind has that name
     */
    public static AssetKind parse(String field, String value) {
        return Arrays.stream(values())
                .filter(kind -> kind.wire().equals(value))
                .findFirst()
                .orElseThrow(() -> InvalidInputException.field(
                        field, ProblemCodes.FIELD_FORMAT, "kind must be one of " + WIRE_NAMES + ".", value));
    }
}

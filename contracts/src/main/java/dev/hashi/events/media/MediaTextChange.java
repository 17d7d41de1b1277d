package dev.hashi.events.media;

/**
 * One translatable metadata value of an asset written or removed.
 *
 * @param field        {@code title}, {@code alt}, {@code caption} or {@code contact}
 * @param locale       locale tag the value is stored under
 * @param originLocale locale the value was written in; equals {@code locale} for a source write
 * @param text         the NFC-normalised text, {@code null} when {@code removed}
 * @param sourceHash   SHA-256 (hex) of the normalised source text this value is, or was translated from
 * @param removed      the value was deleted
 */
public record MediaTextChange(
        String field, String locale, String originLocale, String text, String sourceHash, boolean removed) {}

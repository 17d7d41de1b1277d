package dev.hashi.events.content;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One localized value written or removed.
 *
 * @param path               stable field path, e.g. {@code title} or {@code sessions[s-2].presentations[p-1].title}
 *                           (list items are addressed by their id, so moving an item keeps its path)
 * @param locale             locale tag the value is stored under
 * @param originLocale       locale the value was written in; equals {@code locale} for a source write
 * @param text               the NFC-normalised text, {@code null} when {@code removed}
 * @param sourceHash         SHA-256 (hex) of the normalised source text this value is, or was translated from
 * @param write              whether an author wrote the value or a translation landed
 * @param removed            the value was deleted
 * @param minor              the editor marked a source edit as minor: translations stay current
 * @param translationUnitId  for a translation write, the unit it came from; otherwise {@code null}
 */
public record FieldValueChange(
        String path,
        String locale,
        String originLocale,
        String text,
        String sourceHash,
        WriteKind write,
        boolean removed,
        boolean minor,
        String translationUnitId) {

    /** Who produced a value. */
    public enum WriteKind {
        @JsonProperty("source")
        SOURCE,
        @JsonProperty("translation")
        TRANSLATION
    }
}

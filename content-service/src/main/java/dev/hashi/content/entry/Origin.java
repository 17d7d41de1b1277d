package dev.hashi.content.entry;

import java.time.Instant;

/**
 * Where a value came from.
 *
 * @param locale     the locale it was written in: its own locale for a source value, the source locale for a
 *                   translation; {@code null} for fields that are not localized
 * @param author     subject of who wrote it (for a landed translation, the translator)
 * @param at         when
 * @param unitId     for a translation that landed from translation-service, its unit; otherwise {@code null}
 * @param sourceHash SHA-256 of the source text: of the value itself for a source value, of the source it was
 *                   translated from for a translation; {@code null} for fields that are not localized
 */
public record Origin(String locale, String author, Instant at, String unitId, String sourceHash) {}

package dev.hashi.content.entry;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A revision without its values: who, when, what kind, which fields and locales changed. Histories list these; the
 * values are in the revision itself.
 *
 * @param revision the entry version the revision produced
 * @param changed  the paths and locales whose values changed
 */
public record RevisionSummary(
        String entryId, long revision, String kind, String locale, String author, Instant at, List<Changed> changed) {

    public RevisionSummary {
        changed = changed == null ? List.of() : List.copyOf(changed);
    }

    /** One changed value's path and locale ({@code null}: not localized). */
    @Schema(name = "RevisionChangedValue")
    public record Changed(String path, String locale) {}

    RevisionSummary withChanged(List<Changed> values) {
        return new RevisionSummary(entryId, revision, kind, locale, author, at, values);
    }
}

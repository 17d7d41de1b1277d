package dev.hashi.content.revision;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.hashi.content.entry.EntryContent;
import dev.hashi.content.entry.Revision;
import dev.hashi.content.entry.RevisionSummary;

import io.swagger.v3.oas.annotations.media.Schema;

/** Revision responses. */
final class RevisionViews {

    private RevisionViews() {}

    /**
     * One revision in a history: who, when, what kind, which fields and locales changed (without the values, which
     * {@code GET …/revisions/{version}} shows).
     *
     * @param version   the entry version the revision produced
     * @param kind      {@code create}, {@code save}, {@code restore}, {@code translation} or a workflow action
     * @param locale    for workflow actions, the locale acted on
     * @param createdBy who made the change
     * @param createdAt when
     * @param changes   the path and locale of each changed value
     */
    @Schema(name = "RevisionSummary")
    record Summary(
            String entryId,
            long version,
            String kind,
            String locale,
            String createdBy,
            Instant createdAt,
            List<RevisionSummary.Changed> changes) {

        static Summary of(RevisionSummary revision) {
            return new Summary(
                    revision.entryId(),
                    revision.revision(),
                    revision.kind(),
                    revision.locale(),
                    revision.author(),
                    revision.at(),
                    revision.changed());
        }
    }

    /**
     * One revision with the whole content it produced.
     *
     * @param basedOn for an edit made against an older version and merged field by field, that version
     */
    @Schema(name = "RevisionDetail")
    record Detail(
            String entryId,
            long version,
            String kind,
            String locale,
            String createdBy,
            Instant createdAt,
            List<Revision.Change> changes,
            EntryContent content,
            Map<String, String> slugs,
            Long basedOn) {

        static Detail of(Revision revision) {
            return new Detail(
                    revision.entryId(),
                    revision.revision(),
                    revision.kind(),
                    revision.locale(),
                    revision.author(),
                    revision.at(),
                    revision.changes(),
                    revision.content(),
                    revision.slugs(),
                    revision.basedOn());
        }
    }

    /**
     * Differences between two revisions, per field path and locale ({@code null} locale: not localized).
     *
     * @param from  the older version compared
     * @param to    the newer version compared
     * @param slugs per locale whose slug differs, the slug in {@code from} and in {@code to}
     */
    @Schema(name = "RevisionDiff")
    record Diff(String entryId, long from, long to, List<Revision.Change> changes, Map<String, List<String>> slugs) {}
}

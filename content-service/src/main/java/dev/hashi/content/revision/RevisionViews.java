package dev.hashi.content.revision;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.hashi.content.entry.EntryContent;
import dev.hashi.content.entry.Revision;

/** Revision responses. */
final class RevisionViews {

    private RevisionViews() {}

    /** One revision in a history: who, when, what kind, which fields and locales changed. */
    record Summary(
            long revision, String kind, String locale, String author, Instant at, List<Revision.Change> changes) {

        static Summary of(Revision revision) {
            return new Summary(
                    revision.revision(),
                    revision.kind(),
                    revision.locale(),
                    revision.author(),
                    revision.at(),
                    revision.changes());
        }
    }

    /** One revision with the whole content it produced. */
    record Detail(
            long revision,
            String kind,
            String locale,
            String author,
            Instant at,
            List<Revision.Change> changes,
            EntryContent content,
            Map<String, String> slugs) {

        static Detail of(Revision revision) {
            return new Detail(
                    revision.revision(),
                    revision.kind(),
                    revision.locale(),
                    revision.author(),
                    revision.at(),
                    revision.changes(),
                    revision.content(),
                    revision.slugs());
        }
    }

    /** Differences between two revisions, per field path and locale ({@code null} locale: not localized). */
    record Diff(String entryId, long from, long to, List<Revision.Change> changes, Map<String, List<String>> slugs) {}
}

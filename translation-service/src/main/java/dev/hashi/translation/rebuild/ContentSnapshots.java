package dev.hashi.translation.rebuild;

import java.util.List;
import java.util.Map;

/**
 * Content-service's snapshot of every entry's localized values ({@code GET /api/content/snapshot?after=&limit=},
 * paged by entry id), the second source a rebuild can start from.
 */
public interface ContentSnapshots {

    /** Up to {@code limit} entries with ids after {@code after} ({@code null} for the first page), by entry id. */
    Page page(String after, int limit);

    /** @param next the {@code after} of the next page, {@code null} on the last page */
    record Page(List<Entry> items, String next) {}

    /** @param version the entry's version, the same as the aggregate version of its events */
    record Entry(String entryId, String contentType, long version, Map<String, String> titles, List<Value> values) {}

    /**
     * One stored localized value.
     *
     * @param originLocale      the locale it was written in; equal to {@code locale} for a source value
     * @param write             {@code source} or {@code translation}
     * @param sourceHash        hash of the source text it is, or was translated from
     * @param translationUnitId the unit it landed from, {@code null} for source values and typed translations
     */
    record Value(
            String path,
            String locale,
            String originLocale,
            String text,
            String sourceHash,
            String write,
            String translationUnitId) {

        boolean isSource() {
            return write == null ? locale.equals(originLocale) : "source".equals(write);
        }
    }
}

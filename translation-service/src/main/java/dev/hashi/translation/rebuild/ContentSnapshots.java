package dev.hashi.translation.rebuild;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * Content-service's snapshot of every entry's localized values ({@code GET /api/content/snapshot?cursor=&limit=},
 * the common paging: {@code {items, next, total?}}), the second source a rebuild can start from.
 */
public interface ContentSnapshots {

    /** The most entries content-service serves per snapshot page. */
    int MAX_LIMIT = 500;

    /**
     * Up to {@code limit} entries after {@code cursor} ({@code null} for the first page).
     *
     * @throws dev.hashi.service.error.UnavailableException {@code rebuild.snapshot-unavailable} when content-service
     *     cannot be reached or does not answer with a page
     */
    Page page(String cursor, int limit);

    /**
     * @param next  the opaque cursor of the next page, {@code null} on the last page
     * @param total how many entries there are, {@code null} when content-service does not say
     */
    record Page(List<Entry> items, String next, Long total) {}

    /**
     * @param type    the content type key ({@code contentType} is read too, the name before the common conventions)
     * @param version the entry's version, the same as the aggregate version of its events
     */
    record Entry(
            String entryId,
            @JsonAlias("contentType") String type,
            long version,
            Map<String, String> titles,
            List<Value> values) {}

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

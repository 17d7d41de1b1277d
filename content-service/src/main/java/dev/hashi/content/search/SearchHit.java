package dev.hashi.content.search;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One published text value that matches a search.
 *
 * @param slug        the slug to fetch the entry by, in {@code slugLocale}
 * @param slugLocale  the published locale the slug belongs to
 * @param locale      the locale the matched value is written in ({@code null} for a field that is not localized)
 * @param field       the value's path, e.g. {@code sessions[s-2].presentations[p-1].title}
 * @param snippet     plain text: the best passage of the value (the whole value when short), never markup
 * @param marks       the matched ranges in {@code snippet}, as UTF-16 offsets, {@code end} exclusive
 * @param snippetHtml {@code snippet} HTML-escaped with each mark wrapped in {@code <mark>…</mark>}; safe to insert
 *                    into HTML as it is
 * @param score       relevance (BM25), higher is better; comparable within one response only
 */
@Schema(name = "DeliverySearchHit")
record SearchHit(
        String entryId,
        String type,
        String slug,
        String slugLocale,
        String locale,
        String field,
        String snippet,
        List<Mark> marks,
        String snippetHtml,
        float score) {

    /** A matched range of a snippet. */
    @Schema(name = "DeliverySearchMark")
    record Mark(int start, int end) {}
}

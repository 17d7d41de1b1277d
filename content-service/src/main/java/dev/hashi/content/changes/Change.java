package dev.hashi.content.changes;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One delivery fact of the feed.
 *
 * @param change  {@code published}, {@code unpublished} or {@code deleted}
 * @param entryId the entry
 * @param type    its content type key
 * @param locale  the locale published or withdrawn; absent for {@code deleted} (every locale went)
 * @param slug    the published slug; present for {@code published} only
 * @param version the entry's version after the change (the event's aggregate version)
 * @param at      when the change happened
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Change(String change, String entryId, String type, String locale, String slug, long version, Instant at) {

    public static final String PUBLISHED = "published";
    public static final String UNPUBLISHED = "unpublished";
    public static final String DELETED = "deleted";
}

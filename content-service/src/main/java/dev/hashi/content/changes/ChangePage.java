package dev.hashi.content.changes;

import java.util.List;

/**
 * One page of the change feed: the platform's page shape ({@code items}, {@code next}) without {@code total} (a log
 * is not counted), plus {@code hasMore}. Unlike other lists, {@code next} is never {@code null}: a feed has no last
 * page, and {@code next} is where to resume later to see only what happened after this page.
 *
 * @param items   the changes, ordered by (time, partition, offset)
 * @param next    the opaque cursor to pass back as {@code since}
 * @param hasMore whether the log already held more records past {@code next} when this page was read
 */
public record ChangePage(List<Change> items, String next, boolean hasMore) {

    public ChangePage {
        items = List.copyOf(items);
    }
}

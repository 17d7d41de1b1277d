package dev.hashi.content.entry;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One entry in a list: titles per locale, workflow states per locale, slugs and what locales it lacks.
 *
 * @param type    the content type key
 * @param version the entry's version (its ETag)
 * @param states  workflow state per locale ({@code draft}, {@code in_review}, {@code published}, {@code archived})
 * @param missing locales some localized value of the entry lacks
 */
record EntrySummary(
        String entryId,
        String type,
        long version,
        Map<String, String> titles,
        Map<String, WorkflowState> states,
        Map<String, String> slugs,
        List<String> missing,
        Instant updatedAt) {}

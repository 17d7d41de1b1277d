package dev.hashi.content.entry;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One entry in a list: titles per locale, states per locale, slugs and what locales it lacks. */
public record EntrySummary(
        String id,
        String type,
        long version,
        Map<String, String> titles,
        Map<String, String> states,
        Map<String, String> slugs,
        List<String> missing,
        Instant updatedAt) {}

package dev.hashi.content.entry;

import java.time.Instant;

/** A slug a published locale had before; it keeps resolving to the entry. */
public record SlugRecord(String locale, String slug, Instant until) {}

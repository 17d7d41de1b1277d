package dev.hashi.events.content;

import dev.hashi.events.EventPayload;
import dev.hashi.events.EventType;

/** One locale of an entry was published; the other locales are unaffected. */
@EventType("content.entry.published")
public record ContentEntryPublished(String entryId, String contentType, String locale, long revision, String slug)
        implements EventPayload {}

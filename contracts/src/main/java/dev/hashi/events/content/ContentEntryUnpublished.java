package dev.hashi.events.content;

import dev.hashi.events.EventPayload;
import dev.hashi.events.EventType;

/** One locale of an entry was withdrawn from delivery. */
@EventType("content.entry.unpublished")
public record ContentEntryUnpublished(String entryId, String contentType, String locale) implements EventPayload {}

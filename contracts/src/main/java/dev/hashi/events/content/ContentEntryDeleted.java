package dev.hashi.events.content;

import dev.hashi.events.EventPayload;
import dev.hashi.events.EventType;

/** An entry was deleted in every locale. */
@EventType("content.entry.deleted")
public record ContentEntryDeleted(String entryId, String contentType) implements EventPayload {}

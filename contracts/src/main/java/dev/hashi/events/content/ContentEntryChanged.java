package dev.hashi.events.content;

import java.util.List;
import java.util.Map;

import dev.hashi.events.EventPayload;
import dev.hashi.events.EventType;

/**
 * An entry's localized values changed. Carries one {@link FieldValueChange} per changed (field path, locale),
 * enough for translation tracking to decide untranslated or outdated per field without calling back.
 *
 * @param entryId     the entry (also the aggregate id)
 * @param contentType key of the entry's content type
 * @param titles      the entry's display title per locale tag, for translators' lists; may be empty
 * @param changes     the changed values, never empty
 */
@EventType("content.entry.changed")
public record ContentEntryChanged(
        String entryId, String contentType, Map<String, String> titles, List<FieldValueChange> changes)
        implements EventPayload {}

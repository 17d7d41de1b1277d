package dev.hashi.events.translation;

import dev.hashi.events.EventPayload;
import dev.hashi.events.EventType;

/**
 * A translation unit (entry × field path × target locale) moved between states.
 *
 * @param from previous state, {@code null} for a new unit
 * @param to   new state: {@code untranslated}, {@code in_progress}, {@code translated}, {@code approved},
 *             {@code rejected} or {@code outdated}
 */
@EventType("translation.unit.state-changed")
public record TranslationUnitStateChanged(
        String unitId,
        String entryId,
        String path,
        String sourceLocale,
        String targetLocale,
        String from,
        String to,
        String sourceHash)
        implements EventPayload {}

package dev.hashi.events.translation;

import dev.hashi.events.EventPayload;
import dev.hashi.events.EventType;

/**
 * A reviewed translation is ready to land in content.
 *
 * @param sourceHash SHA-256 of the source text the translation was made from; content-service echoes it back
 * @param text       the translated text (NFC)
 */
@EventType("translation.approved")
public record TranslationApproved(
        String unitId,
        String entryId,
        String path,
        String sourceLocale,
        String targetLocale,
        String sourceHash,
        String text,
        String translator,
        String reviewer)
        implements EventPayload {}

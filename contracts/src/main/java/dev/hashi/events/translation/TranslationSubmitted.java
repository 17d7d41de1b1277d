package dev.hashi.events.translation;

import dev.hashi.events.EventPayload;
import dev.hashi.events.EventType;

/**
 * A translator submitted a translation; it awaits review. Content-service lands it as a draft only when
 * configured to take submitted (not yet approved) translations.
 *
 * @param sourceHash SHA-256 of the source text the translation was made from
 * @param text       the translated text (NFC)
 */
@EventType("translation.submitted")
public record TranslationSubmitted(
        String unitId,
        String entryId,
        String path,
        String sourceLocale,
        String targetLocale,
        String sourceHash,
        String text,
        String translator)
        implements EventPayload {}

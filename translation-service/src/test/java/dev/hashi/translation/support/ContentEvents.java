package dev.hashi.translation.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.hashi.events.EventEnvelope;
import dev.hashi.events.content.ContentEntryChanged;
import dev.hashi.events.content.ContentEntryDeleted;
import dev.hashi.events.content.FieldValueChange;
import dev.hashi.locale.Texts;
import dev.hashi.testsupport.KafkaProbe;

/** Publishes content events to the real content topic, as content-service would. */
public final class ContentEvents {

    static final ContentEvents INSTANCE = new ContentEvents();

    private ContentEvents() {}

    /** A source value written by an author. */
    public static FieldValueChange source(String path, String locale, String text) {
        return new FieldValueChange(
                path,
                locale,
                locale,
                text,
                Texts.sourceHash(text),
                FieldValueChange.WriteKind.SOURCE,
                false,
                false,
                null);
    }

    /** A source edit the editor marked minor. */
    public static FieldValueChange minorSource(String path, String locale, String text) {
        return new FieldValueChange(
                path,
                locale,
                locale,
                text,
                Texts.sourceHash(text),
                FieldValueChange.WriteKind.SOURCE,
                false,
                true,
                null);
    }

    /** A translation written into {@code locale}, made from {@code sourceText}; {@code unitId} null for a manual one. */
    public static FieldValueChange translation(
            String path, String locale, String originLocale, String text, String sourceText, String unitId) {
        return new FieldValueChange(
                path,
                locale,
                originLocale,
                text,
                Texts.sourceHash(sourceText),
                FieldValueChange.WriteKind.TRANSLATION,
                false,
                false,
                unitId);
    }

    public static FieldValueChange removed(String path, String locale, String originLocale) {
        return new FieldValueChange(
                path,
                locale,
                originLocale,
                null,
                null,
                locale.equals(originLocale)
                        ? FieldValueChange.WriteKind.SOURCE
                        : FieldValueChange.WriteKind.TRANSLATION,
                true,
                false,
                null);
    }

    /** Publishes one {@code content.entry.changed} event and waits for the broker's acknowledgement. */
    public EventEnvelope<ContentEntryChanged> changed(
            String entryId, long version, String actor, Map<String, String> titles, FieldValueChange... changes) {
        ContentEntryChanged payload = new ContentEntryChanged(
                entryId, "event-page", new HashMap<>(titles), new ArrayList<>(Arrays.asList(changes)));
        EventEnvelope<ContentEntryChanged> event =
                EventEnvelope.of(payload, entryId, version, null, actor, Instant.now());
        send(event);
        return event;
    }

    public void deleted(String entryId, long version) {
        send(EventEnvelope.of(
                new ContentEntryDeleted(entryId, "event-page"), entryId, version, null, "editor-1", Instant.now()));
    }

    /** Publishes an already built event again (a duplicate delivery). */
    public void send(EventEnvelope<?> event) {
        KafkaProbe.send(event);
    }

    public static List<FieldValueChange> list(FieldValueChange... changes) {
        return List.of(changes);
    }
}

package dev.hashi.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.hashi.events.content.ContentEntryChanged;
import dev.hashi.events.content.ContentEntryDeleted;
import dev.hashi.events.content.ContentEntryPublished;
import dev.hashi.events.content.ContentEntryReferencesChanged;
import dev.hashi.events.content.ContentEntryUnpublished;
import dev.hashi.events.content.ContentTypeChanged;
import dev.hashi.events.media.MediaAssetChanged;
import dev.hashi.events.media.MediaAssetDeleted;
import dev.hashi.events.media.MediaAssetStored;
import dev.hashi.events.translation.TranslationApproved;
import dev.hashi.events.translation.TranslationSubmitted;
import dev.hashi.events.translation.TranslationUnitStateChanged;

/** The registry of known event types: (type, schemaVersion) → payload record. */
public final class EventTypes {

    private final Map<String, Class<? extends EventPayload>> byKey = new LinkedHashMap<>();

    private EventTypes(List<Class<? extends EventPayload>> payloads) {
        for (Class<? extends EventPayload> payload : payloads) {
            EventType type = typeOf(payload);
            Class<?> previous = byKey.putIfAbsent(key(type.value(), type.schemaVersion()), payload);
            if (previous != null) {
                throw new IllegalArgumentException("two payloads for " + type.value() + " v" + type.schemaVersion());
            }
        }
    }

    /** Every event type the platform's contracts define. */
    public static EventTypes standard() {
        return of(List.of(
                ContentEntryChanged.class,
                ContentEntryPublished.class,
                ContentEntryUnpublished.class,
                ContentEntryDeleted.class,
                ContentEntryReferencesChanged.class,
                ContentTypeChanged.class,
                TranslationUnitStateChanged.class,
                TranslationSubmitted.class,
                TranslationApproved.class,
                MediaAssetChanged.class,
                MediaAssetStored.class,
                MediaAssetDeleted.class));
    }

    /** A registry of exactly {@code payloads}; each must carry {@link EventType}. */
    public static EventTypes of(List<Class<? extends EventPayload>> payloads) {
        return new EventTypes(payloads);
    }

    /** The payload record for a type and version, if known. */
    public Optional<Class<? extends EventPayload>> payloadFor(String type, int schemaVersion) {
        return Optional.ofNullable(byKey.get(key(type, schemaVersion)));
    }

    /** Every registered payload record. */
    public List<Class<? extends EventPayload>> payloads() {
        return List.copyOf(byKey.values());
    }

    /**
     * The {@link EventType} of a payload class.
     *
     * @throws IllegalArgumentException when the class is not annotated
     */
    public static EventType typeOf(Class<?> payload) {
        EventType type = payload.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(payload.getName() + " lacks @EventType");
        }
        return type;
    }

    private static String key(String type, int schemaVersion) {
        return type + "#" + schemaVersion;
    }
}

package dev.hashi.translation.unit;

import java.util.List;

import dev.hashi.events.EventEnvelope;
import dev.hashi.events.EventPayload;
import dev.hashi.events.EventType;
import dev.hashi.events.EventTypes;
import dev.hashi.events.content.ContentEntryChanged;
import dev.hashi.events.content.ContentEntryDeleted;
import dev.hashi.events.content.FieldValueChange;
import dev.hashi.events.media.MediaAssetChanged;
import dev.hashi.events.media.MediaAssetDeleted;
import dev.hashi.events.media.MediaTextChange;

/**
 * Keeps units in step with media assets' translatable metadata (title, alt text, caption, contact text): an asset
 * is tracked like an entry whose id is the asset's and whose type is {@code media:<kind>}, so its values get units
 * per locale pair, show in the queue and count in progress as content's do. Safe to apply an event twice or out of
 * order, as content events are.
 */
public final class MediaTracking {

    /** The type prefix of units that belong to media assets; their entry id is the asset id. */
    public static final String TYPE_PREFIX = "media:";

    private final ContentTracking tracking;

    public MediaTracking(ContentTracking tracking) {
        this.tracking = tracking;
    }

    /** Whether a unit belongs to a media asset rather than a content entry. */
    public static boolean ofMedia(Unit unit) {
        return unit.type() != null && unit.type().startsWith(TYPE_PREFIX);
    }

    /** Applies a media event; types other than asset changed or deleted are ignored. */
    public void apply(EventEnvelope<?> event) {
        if (event.payload() instanceof MediaAssetChanged changed) {
            List<FieldValueChange> changes = changed.changes() == null
                    ? List.of()
                    : changed.changes().stream()
                            .map(MediaTracking::asFieldChange)
                            .toList();
            if (changes.isEmpty()
                    && (changed.titles() == null || changed.titles().isEmpty())) {
                return;
            }
            tracking.apply(as(
                    event,
                    new ContentEntryChanged(
                            changed.assetId(), TYPE_PREFIX + changed.kind(), changed.titles(), changes)));
        } else if (event.payload() instanceof MediaAssetDeleted deleted) {
            tracking.apply(as(event, new ContentEntryDeleted(deleted.assetId(), TYPE_PREFIX + deleted.kind())));
        }
    }

    private static FieldValueChange asFieldChange(MediaTextChange change) {
        boolean source = change.locale().equals(change.originLocale());
        return new FieldValueChange(
                change.field(),
                change.locale(),
                change.originLocale(),
                change.text(),
                change.sourceHash(),
                source ? FieldValueChange.WriteKind.SOURCE : FieldValueChange.WriteKind.TRANSLATION,
                change.removed(),
                false,
                null);
    }

    /** The media event as the content-shaped event it is tracked as: same id, version, actor, trace and time. */
    private static <P extends EventPayload> EventEnvelope<P> as(EventEnvelope<?> event, P payload) {
        EventType type = EventTypes.typeOf(payload.getClass());
        return new EventEnvelope<>(
                event.eventId(),
                type.value(),
                type.schemaVersion(),
                event.occurredAt(),
                event.aggregateId(),
                event.aggregateVersion(),
                event.traceId(),
                event.actor(),
                payload);
    }
}

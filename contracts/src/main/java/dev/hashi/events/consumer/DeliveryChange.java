package dev.hashi.events.consumer;

import java.util.Optional;

import dev.hashi.events.EventEnvelope;
import dev.hashi.events.content.ContentEntryDeleted;
import dev.hashi.events.content.ContentEntryPublished;
import dev.hashi.events.content.ContentEntryUnpublished;
import dev.hashi.events.media.MediaAssetChanged;
import dev.hashi.events.media.MediaAssetDeleted;

/**
 * An event that changes what delivery serves: an entry published, unpublished or deleted, or a media asset changed
 * or deleted. Draft edits and translation landings change drafts only (a landing that publishes emits its own
 * {@code content.entry.published}). Delivery caches (content-service's and the gateway's) evict by it.
 *
 * @param aggregateId the entry or asset
 * @param version     the aggregate's version after the change
 * @param contentType the entry's content type; {@code null} for an asset
 */
public record DeliveryChange(String aggregateId, long version, String contentType) {

    /** The delivery change {@code event} is, if it is one. */
    public static Optional<DeliveryChange> of(EventEnvelope<?> event) {
        Object payload = event.payload();
        String contentType;
        if (payload instanceof ContentEntryPublished published) {
            contentType = published.contentType();
        } else if (payload instanceof ContentEntryUnpublished unpublished) {
            contentType = unpublished.contentType();
        } else if (payload instanceof ContentEntryDeleted deleted) {
            contentType = deleted.contentType();
        } else if (payload instanceof MediaAssetChanged || payload instanceof MediaAssetDeleted) {
            contentType = null;
        } else {
            return Optional.empty();
        }
        return Optional.of(new DeliveryChange(event.aggregateId(), event.aggregateVersion(), contentType));
    }
}

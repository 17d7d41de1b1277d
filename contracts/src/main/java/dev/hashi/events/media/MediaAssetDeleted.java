package dev.hashi.events.media;

import dev.hashi.events.EventPayload;
import dev.hashi.events.EventType;

/** An asset was deleted with its metadata; references to it no longer resolve. */
@EventType("media.asset.deleted")
public record MediaAssetDeleted(String assetId, String kind) implements EventPayload {}

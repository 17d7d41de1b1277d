package dev.hashi.events.media;

import dev.hashi.events.EventPayload;
import dev.hashi.events.EventType;

/** A binary variant of an asset was stored (new or replacing the variant of the same locale). */
@EventType("media.asset.stored")
public record MediaAssetStored(String assetId, MediaVariant variant) implements EventPayload {}

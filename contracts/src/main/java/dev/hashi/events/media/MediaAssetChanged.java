package dev.hashi.events.media;

import java.util.List;
import java.util.Map;

import dev.hashi.events.EventPayload;
import dev.hashi.events.EventType;

/**
 * An asset's metadata, variants or availability changed; referencing entries keep this summary for delivery.
 *
 * @param titles         title per locale tag
 * @param sizeBytes      size of the default variant in bytes, {@code null} when no binary is stored
 * @param availability   {@code available}, {@code on_request} or {@code pending}
 * @param variantLocales locale tags that have a binary variant
 */
@EventType("media.asset.changed")
public record MediaAssetChanged(
        String assetId,
        String kind,
        Map<String, String> titles,
        Long sizeBytes,
        String contentType,
        String availability,
        List<String> variantLocales)
        implements EventPayload {}

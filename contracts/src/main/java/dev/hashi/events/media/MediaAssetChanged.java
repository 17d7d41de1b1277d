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
 * @param contactText    for {@code on_request}: the contact text per locale tag; empty otherwise
 * @param contactEntryId for {@code on_request}: the content entry to contact, or {@code null}
 * @param expectedDate   for {@code pending}: the ISO date the asset is expected, or {@code null}
 * @param variants       every stored variant, in locale order
 * @param changes        the translatable metadata values this version changed ({@code title}, {@code alt},
 *                       {@code caption}, {@code contact}), so translation tracking can treat an asset like an
 *                       entry; may be empty
 */
@EventType("media.asset.changed")
public record MediaAssetChanged(
        String assetId,
        String kind,
        Map<String, String> titles,
        Long sizeBytes,
        String contentType,
        String availability,
        List<String> variantLocales,
        Map<String, String> contactText,
        String contactEntryId,
        String expectedDate,
        List<MediaVariant> variants,
        List<MediaTextChange> changes)
        implements EventPayload {}

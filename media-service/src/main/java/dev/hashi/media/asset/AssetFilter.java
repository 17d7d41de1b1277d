package dev.hashi.media.asset;

/**
 * What a list of assets is narrowed to; {@code null} members do not narrow.
 *
 * @param kind          only assets of this kind
 * @param availability  only assets in this state
 * @param variantLocale only assets with a variant for this locale tag
 * @param referenced    only assets content references ({@code true}) or does not ({@code false})
 */
record AssetFilter(AssetKind kind, AvailabilityState availability, String variantLocale, Boolean referenced) {}

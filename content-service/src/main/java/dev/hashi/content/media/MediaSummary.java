package dev.hashi.content.media;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An asset as entries show it.
 *
 * @param version      the asset's event version this summary reflects
 * @param availability {@code available}, {@code on_request} or {@code pending}
 */
public record MediaSummary(
        @JsonProperty("_id") String assetId,
        long version,
        String kind,
        Map<String, String> titles,
        Long sizeBytes,
        String contentType,
        String availability,
        List<String> variantLocales) {}

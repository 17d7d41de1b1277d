package dev.hashi.media.asset;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A validated change to an asset: only what it names changes.
 *
 * @param kind         the new kind, or {@code null} to keep it
 * @param metadata     per field, per locale, the new text, or {@code null} to remove that locale's text; locales
 *                     not named keep their text
 * @param availability the new availability, or {@code null} to keep it
 */
public record AssetChange(
        AssetKind kind, Map<MetadataField, Map<String, LocalizedText>> metadata, Availability availability) {

    public AssetChange {
        Map<MetadataField, Map<String, LocalizedText>> copy = new EnumMap<>(MetadataField.class);
        if (metadata != null) {
            // values may be null (a removal), so no Map.copyOf
            metadata.forEach((field, edits) -> copy.put(field, new LinkedHashMap<>(edits)));
        }
        metadata = copy;
    }

    public boolean isEmpty() {
        return kind == null
                && availability == null
                && metadata.values().stream().allMatch(Map::isEmpty);
    }
}

package dev.hashi.media.asset;

import java.util.List;

/**
 * Which content entries reference an asset, as media-service learned from {@code content.entry.references-changed}.
 *
 * @param entryIds          entries whose draft references it, sorted
 * @param publishedEntryIds entries whose published locales reference it, sorted; an asset they name is published
 */
public record AssetReferences(List<String> entryIds, List<String> publishedEntryIds) {

    public static final AssetReferences NONE = new AssetReferences(List.of(), List.of());

    public AssetReferences {
        entryIds = entryIds == null ? List.of() : List.copyOf(entryIds);
        publishedEntryIds = publishedEntryIds == null ? List.of() : List.copyOf(publishedEntryIds);
    }

    /** Whether published content references the asset, which makes it readable by anyone. */
    public boolean isPublished() {
        return !publishedEntryIds.isEmpty();
    }

    /** Whether any entry, draft or published, references the asset. */
    public boolean isReferenced() {
        return !entryIds.isEmpty() || !publishedEntryIds.isEmpty();
    }
}

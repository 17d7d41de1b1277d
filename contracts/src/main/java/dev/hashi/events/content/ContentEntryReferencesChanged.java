package dev.hashi.events.content;

import java.util.List;

import dev.hashi.events.EventPayload;
import dev.hashi.events.EventType;

/**
 * The media assets an entry references changed, in its draft or in what it has published. Media-service keeps from
 * it which entries reference each asset (to refuse deleting a referenced asset) and which assets are published (to
 * serve them anonymously). An entry that is deleted references nothing: it is sent with both lists empty.
 *
 * @param entryId            the entry (also the aggregate id)
 * @param contentType        key of the entry's content type
 * @param assetIds           every asset the entry's draft references, sorted, no duplicates
 * @param publishedAssetIds  every asset a published locale of the entry references, sorted, no duplicates
 */
@EventType("content.entry.references-changed")
public record ContentEntryReferencesChanged(
        String entryId, String contentType, List<String> assetIds, List<String> publishedAssetIds)
        implements EventPayload {}

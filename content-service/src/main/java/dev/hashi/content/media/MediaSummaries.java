package dev.hashi.content.media;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import dev.hashi.content.common.Documents;
import dev.hashi.events.media.MediaAssetChanged;
import dev.hashi.events.media.MediaAssetDeleted;

/**
 * The summaries of media assets, in {@code media_assets}, one per asset, replaced only by a newer version; a deleted
 * asset leaves a tombstone. Entries reference assets by id and get the current summary joined in when read, so an
 * availability change or a deletion reaches every referencing entry at once.
 */
@Component
public class MediaSummaries {

    private final MongoCollection<Document> collection;

    MediaSummaries(MongoDatabase database) {
        this.collection = database.getCollection("media_assets");
    }

    /** Stores the summary unless a newer or equal version is stored; returns whether it was stored. */
    boolean apply(MediaAssetChanged change, long version) {
        List<MediaSummary.Variant> variants = change.variants() == null
                ? List.of()
                : change.variants().stream()
                        .map(v -> new MediaSummary.Variant(v.locale(), v.sizeBytes(), v.contentType(), v.fileName()))
                        .toList();
        return store(new MediaSummary(
                change.assetId(),
                version,
                change.kind(),
                change.titles(),
                change.sizeBytes(),
                change.contentType(),
                change.availability(),
                change.variantLocales(),
                change.contactText(),
                change.contactEntryId(),
                change.expectedDate(),
                variants,
                MediaSummary.downloadPathOf(change.assetId()),
                false,
                null));
    }

    /**
     * Replaces the summary with a tombstone unless a newer or equal version is stored; returns whether it was
     * stored.
     */
    boolean apply(MediaAssetDeleted deletion, long version, Instant at) {
        return store(new MediaSummary(
                deletion.assetId(),
                version,
                deletion.kind(),
                Map.of(),
                null,
                null,
                null,
                List.of(),
                Map.of(),
                null,
                null,
                List.of(),
                null,
                true,
                at));
    }

    private boolean store(MediaSummary summary) {
        try {
            collection.replaceOne(
                    Filters.and(Filters.eq("_id", summary.assetId()), Filters.lt("version", summary.version())),
                    Documents.toDocument(summary),
                    new ReplaceOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /**
     * The stored summaries of those of {@code ids} media-service announced, tombstones of deleted assets included,
     * by id.
     */
    public Map<String, MediaSummary> summaries(Collection<String> ids) {
        Map<String, MediaSummary> summaries = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            collection
                    .find(Filters.in("_id", ids))
                    .forEach(d -> summaries.put(d.getString("_id"), Documents.fromDocument(d, MediaSummary.class)));
        }
        return summaries;
    }
}

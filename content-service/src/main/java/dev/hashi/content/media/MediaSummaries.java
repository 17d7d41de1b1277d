package dev.hashi.content.media;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

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

/**
 * The summaries of media assets, in {@code media_assets}, one per asset, replaced only by a newer version. Entries
 * reference assets by id and get the current summary joined in when read, so an availability change reaches every
 * referencing entry at once.
 */
@Component
public class MediaSummaries {

    private final MongoCollection<Document> collection;

    MediaSummaries(MongoDatabase database) {
        this.collection = database.getCollection("media_assets");
    }

    /** Stores the summary unless a newer or equal version is stored; returns whether it was stored. */
    boolean apply(MediaAssetChanged change, long version) {
        MediaSummary summary = new MediaSummary(
                change.assetId(),
                version,
                change.kind(),
                change.titles(),
                change.sizeBytes(),
                change.contentType(),
                change.availability(),
                change.variantLocales());
        try {
            collection.replaceOne(
                    Filters.and(Filters.eq("_id", change.assetId()), Filters.lt("version", version)),
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

    public Set<String> known(Collection<String> ids) {
        Set<String> known = new HashSet<>();
        if (!ids.isEmpty()) {
            collection.find(Filters.in("_id", ids)).forEach(d -> known.add(d.getString("_id")));
        }
        return known;
    }

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

package dev.hashi.media.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;

import dev.hashi.events.content.ContentEntryReferencesChanged;
import dev.hashi.media.asset.AssetReferences;
import dev.hashi.media.asset.Assets;

/**
 * What each content entry references, in {@code references}: one document per entry ({@code _id}) with the assets
 * its draft and its published locales name and the entry version that said so. Every change is passed on to the
 * assets it touches, so an asset knows which entries reference it.
 */
@Component
public class References {

    static final String COLLECTION = "references";

    private final MongoCollection<Document> collection;
    private final Assets assets;

    References(MongoDatabase database, Assets assets) {
        this.collection = database.getCollection(COLLECTION);
        this.assets = assets;
        collection.createIndex(Indexes.ascending("assetIds"), new IndexOptions().name("assetIds"));
        collection.createIndex(Indexes.ascending("publishedAssetIds"), new IndexOptions().name("publishedAssetIds"));
    }

    /**
     * Records what entry {@code change.entryId()} references as of {@code version}; an older version than the one
     * recorded changes nothing, so a redelivery is harmless.
     */
    public void apply(ContentEntryReferencesChanged change, long version) {
        Document before = collection.find(Filters.eq("_id", change.entryId())).first();
        if (before != null && before.get("version", Number.class).longValue() >= version) {
            return;
        }
        collection.replaceOne(
                Filters.eq("_id", change.entryId()),
                new Document("_id", change.entryId())
                        .append("contentType", change.contentType())
                        .append("assetIds", List.copyOf(new TreeSet<>(change.assetIds())))
                        .append("publishedAssetIds", List.copyOf(new TreeSet<>(change.publishedAssetIds())))
                        .append("version", version),
                new ReplaceOptions().upsert(true));
        TreeSet<String> touched = new TreeSet<>(change.assetIds());
        touched.addAll(change.publishedAssetIds());
        if (before != null) {
            touched.addAll(before.getList("assetIds", String.class, List.of()));
            touched.addAll(before.getList("publishedAssetIds", String.class, List.of()));
        }
        for (String assetId : touched) {
            assets.recordReferences(
                    assetId, new AssetReferences(entries("assetIds", assetId), entries("publishedAssetIds", assetId)));
        }
    }

    private List<String> entries(String field, String assetId) {
        List<String> ids = new ArrayList<>();
        collection.find(Filters.eq(field, assetId)).forEach(entry -> ids.add(entry.getString("_id")));
        ids.sort(null);
        return ids;
    }
}

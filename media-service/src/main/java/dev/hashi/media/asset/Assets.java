package dev.hashi.media.asset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import dev.hashi.events.EventEnvelope;
import dev.hashi.events.outbox.Outbox;
import dev.hashi.service.kafka.OutboxRelayScheduler;
import dev.hashi.service.mongo.VersionedDocuments;

/**
 * The assets, in {@code assets}: one document per asset, written only through {@link VersionedDocuments}, so each
 * change is a compare-and-set on {@code version} carrying its events in the same write. A deleted asset is marked
 * {@code deleted} until the outbox relay has published its last events, then removed.
 */
@Component
public class Assets {

    static final String COLLECTION = "assets";
    private static final String DELETED = "deleted";
    private static final Bson LIVE = Filters.ne(DELETED, true);

    private final MongoCollection<Document> collection;
    private final VersionedDocuments writer;

    Assets(MongoDatabase database, Outbox outbox, OutboxRelayScheduler relay) {
        this.collection = database.getCollection(COLLECTION);
        this.writer =
                new VersionedDocuments(collection, Asset.RESOURCE, "version", outbox, relay::nudge).onlyWhere(LIVE);
        collection.createIndex(Indexes.ascending("kind"), new IndexOptions().name("kind"));
        collection.createIndex(Indexes.ascending("availability.state"), new IndexOptions().name("availability"));
        collection.createIndex(Indexes.ascending("variants.locale"), new IndexOptions().name("variantLocale"));
        collection.createIndex(Indexes.ascending("variants.sha256"), new IndexOptions().name("variantSha256"));
        collection.createIndex(Indexes.ascending("referenced"), new IndexOptions().name("referenced"));
    }

    /** Whether a variant of some asset, deleted or not yet removed, holds the bytes of {@code sha256}. */
    public boolean anyVariantHolds(String sha256) {
        return collection.find(Filters.eq("variants.sha256", sha256)).limit(1).first() != null;
    }

    /**
     * Records which entries reference asset {@code id} (draft, published). Derived from content's events, kept
     * beside the asset outside its versions; an asset not (yet) stored is left alone.
     */
    public void recordReferences(String id, AssetReferences references) {
        collection.updateOne(
                Filters.eq("_id", id),
                Updates.combine(
                        Updates.set("referencedBy", references.entryIds()),
                        Updates.set("publishedBy", references.publishedEntryIds()),
                        Updates.set("referenced", references.isReferenced())));
    }

    public Optional<Asset> find(String id) {
        return Optional.ofNullable(collection
                        .find(Filters.and(Filters.eq("_id", id), LIVE))
                        .first())
                .map(Assets::read);
    }

    /** Stores a new asset with its creation event. */
    void insert(Asset asset, List<? extends EventEnvelope<?>> events) {
        // whether content references it is learned from content's events afterwards (recordReferences)
        writer.insert(write(asset).append("referenced", false), events);
    }

    /**
     * Stores {@code after} if the stored version is still {@code expectedVersion}.
     *
     * @throws dev.hashi.service.error.VersionConflictException when the asset changed meanwhile
     */
    void update(long expectedVersion, Asset after, List<? extends EventEnvelope<?>> events) {
        writer.update(after.id(), expectedVersion, write(after), List.of(), events);
    }

    /**
     * Marks {@code asset} deleted if it is still at {@code expectedVersion}; the relay removes it once
     * {@code event} is published.
     */
    void delete(Asset asset, long expectedVersion, EventEnvelope<?> event) {
        writer.apply(
                asset.id(),
                expectedVersion,
                List.of(Updates.set(DELETED, true), Updates.inc("version", 1), Outbox.deleteWhenRelayed()),
                List.of(event));
    }

    /** Up to {@code limit} assets after {@code afterId} in id order, filtered by the non-null filters. */
    List<Asset> page(AssetFilter filter, String afterId, int limit) {
        List<Bson> filters = new ArrayList<>(filters(filter));
        if (afterId != null) {
            filters.add(Filters.gt("_id", afterId));
        }
        List<Asset> assets = new ArrayList<>();
        collection
                .find(Filters.and(filters))
                .sort(Sorts.ascending("_id"))
                .limit(limit)
                .forEach(document -> assets.add(read(document)));
        return assets;
    }

    /** How many live assets match the filters. */
    long count(AssetFilter filter) {
        return collection.countDocuments(Filters.and(filters(filter)));
    }

    private static List<Bson> filters(AssetFilter filter) {
        List<Bson> filters = new ArrayList<>();
        if (filter.kind() != null) {
            filters.add(Filters.eq("kind", filter.kind().wire()));
        }
        if (filter.availability() != null) {
            filters.add(Filters.eq("availability.state", filter.availability().wire()));
        }
        if (filter.variantLocale() != null) {
            filters.add(Filters.eq("variants.locale", filter.variantLocale()));
        }
        if (filter.referenced() != null) {
            filters.add(Filters.eq("referenced", filter.referenced()));
        }
        filters.add(LIVE);
        return filters;
    }

    private static Document write(Asset asset) {
        Document document =
                new Document("_id", asset.id()).append("kind", asset.kind().wire());
        for (MetadataField field : MetadataField.values()) {
            document.append(field.wire(), texts(asset.texts(field)));
        }
        Availability availability = asset.availability();
        Document stored = new Document("state", availability.state().wire())
                .append("contactText", texts(availability.contactText()));
        if (availability.contactEntryId() != null) {
            stored.append("contactEntryId", availability.contactEntryId());
        }
        if (availability.expectedAt() != null) {
            stored.append("expectedAt", availability.expectedAt().toString());
        }
        List<Document> variants = new ArrayList<>();
        asset.variants()
                .values()
                .forEach(variant -> variants.add(new Document("locale", variant.locale())
                        .append("sha256", variant.sha256())
                        .append("fileId", variant.fileId())
                        .append("sizeBytes", variant.sizeBytes())
                        .append("contentType", variant.contentType())
                        .append("declaredType", variant.declaredType())
                        .append("fileName", variant.fileName())
                        .append("storageName", variant.storageName())
                        .append("storedAt", Date.from(variant.storedAt()))));
        return document.append("availability", stored)
                .append("variants", variants)
                .append("version", asset.version())
                .append("createdAt", Date.from(asset.createdAt()))
                .append("createdBy", asset.createdBy())
                .append("updatedAt", Date.from(asset.updatedAt()))
                .append("updatedBy", asset.updatedBy());
    }

    private static Document texts(Map<String, LocalizedText> texts) {
        Document document = new Document();
        texts.forEach((locale, text) ->
                document.append(locale, new Document("text", text.text()).append("origin", text.origin())));
        return document;
    }

    static Asset read(Document document) {
        Map<MetadataField, Map<String, LocalizedText>> metadata = new EnumMap<>(MetadataField.class);
        for (MetadataField field : MetadataField.values()) {
            metadata.put(field, texts(document.get(field.wire(), Document.class)));
        }
        Document stored = document.get("availability", Document.class);
        String expectedAt = stored.getString("expectedAt");
        Availability availability = new Availability(
                AvailabilityState.parse("availability.state", stored.getString("state")),
                texts(stored.get("contactText", Document.class)),
                stored.getString("contactEntryId"),
                expectedAt == null ? null : LocalDate.parse(expectedAt));
        Map<String, Variant> variants = new LinkedHashMap<>();
        for (Document variant : document.getList("variants", Document.class, List.of())) {
            variants.put(
                    variant.getString("locale"),
                    new Variant(
                            variant.getString("locale"),
                            variant.getString("sha256"),
                            variant.getString("fileId"),
                            variant.get("sizeBytes", Number.class).longValue(),
                            variant.getString("contentType"),
                            variant.getString("declaredType"),
                            variant.getString("fileName"),
                            variant.getString("storageName"),
                            variant.getDate("storedAt").toInstant()));
        }
        return new Asset(
                document.getString("_id"),
                AssetKind.parse("kind", document.getString("kind")),
                metadata,
                availability,
                variants,
                document.get("version", Number.class).longValue(),
                document.getDate("createdAt").toInstant(),
                document.getString("createdBy"),
                document.getDate("updatedAt").toInstant(),
                document.getString("updatedBy"),
                new AssetReferences(
                        document.getList("referencedBy", String.class, List.of()),
                        document.getList("publishedBy", String.class, List.of())));
    }

    private static Map<String, LocalizedText> texts(Document document) {
        Map<String, LocalizedText> texts = new LinkedHashMap<>();
        if (document != null) {
            document.forEach((locale, value) -> {
                Document text = (Document) value;
                texts.put(locale, new LocalizedText(text.getString("text"), text.getString("origin")));
            });
        }
        return texts;
    }
}

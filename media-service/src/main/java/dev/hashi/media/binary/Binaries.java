package dev.hashi.media.binary;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.bson.BsonObjectId;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoGridFSException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSUploadStream;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import dev.hashi.media.observability.MediaMetrics;

/**
 * The bytes: GridFS bucket {@code binaries} holds them, collection {@code blobs} says which GridFS file holds the
 * bytes of each SHA-256 ({@code _id}), so identical bytes are kept once whatever uses them. A blob records when an
 * upload last used it ({@code lastUsedAt}); only the sweeper removes blobs, files and chunks, and only when they are
 * older than {@link UploadsProperties#orphanAge()} and nothing uses them, which keeps two replicas and concurrent
 * uploads of the same bytes safe.
 */
@Component
public class Binaries {

    static final String BUCKET = "binaries";
    static final String BLOBS = "blobs";

    private final GridFSBucket bucket;
    private final MongoCollection<Document> blobs;
    private final MongoCollection<Document> files;
    private final MongoCollection<Document> chunks;
    private final Clock clock;
    private final MediaMetrics metrics;

    Binaries(MongoDatabase database, UploadsProperties properties, MediaMetrics metrics) {
        this.metrics = metrics;
        this.bucket = GridFSBuckets.create(database, BUCKET)
                .withChunkSizeBytes((int) properties.chunkSize().toBytes());
        this.blobs = database.getCollection(BLOBS);
        this.files = database.getCollection(BUCKET + ".files");
        this.chunks = database.getCollection(BUCKET + ".chunks");
        this.clock = Clock.systemUTC();
        blobs.createIndex(Indexes.ascending("lastUsedAt"), new IndexOptions().name("lastUsedAt"));
        blobs.createIndex(Indexes.ascending("fileId"), new IndexOptions().name("fileId"));
        files.createIndex(Indexes.ascending("uploadDate"), new IndexOptions().name("uploadDate"));
        files.createIndex(Indexes.ascending("filename", "uploadDate"), new IndexOptions().name("filename_uploadDate"));
        chunks.createIndex(
                Indexes.ascending("files_id", "n"),
                new IndexOptions().name("files_id_n").unique(true));
    }

    /** A new temporary GridFS file named {@code name}; the caller writes it, then {@link #keep}s or aborts it. */
    GridFSUploadStream openTemporary(String name) {
        return bucket.openUploadStream(
                new BsonObjectId(new ObjectId()),
                name,
                new GridFSUploadOptions().metadata(new Document("state", "uploaded")));
    }

    /**
     * Keeps the bytes just written to {@code fileId} as the blob of {@code sha256}, or, when that blob exists,
     * deletes {@code fileId} and answers the existing one (marked used now).
     */
    StoredBinary keep(ObjectId fileId, String sha256, long size, String detectedType) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<StoredBinary> existing = touch(sha256);
            if (existing.isPresent()) {
                deleteFile(fileId);
                return existing.get();
            }
            Instant now = now();
            Document blob = new Document("_id", sha256)
                    .append("fileId", fileId)
                    .append("sizeBytes", size)
                    .append("detectedType", detectedType)
                    .append("storedAt", Date.from(now))
                    .append("lastUsedAt", Date.from(now));
            try {
                blobs.insertOne(blob);
                metrics.stored(size);
                return read(blob);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
        throw new IllegalStateException("could not keep the blob " + sha256);
    }

    /** Marks the blob of {@code sha256} used now, so no sweep removes it meanwhile; empty when there is none. */
    public Optional<StoredBinary> touch(String sha256) {
        return Optional.ofNullable(
                        blobs.findOneAndUpdate(Filters.eq("_id", sha256), Updates.set("lastUsedAt", Date.from(now()))))
                .map(Binaries::read);
    }

    /** The blob of {@code sha256}, if kept. */
    public Optional<StoredBinary> find(String sha256) {
        return Optional.ofNullable(blobs.find(Filters.eq("_id", sha256)).first())
                .map(Binaries::read);
    }

    /** Chunks read per query when streaming a file: about 4 MB with the default chunk size. */
    static final int CHUNK_WINDOW = 16;

    /**
     * The bytes of GridFS file {@code fileId}, streamed {@value #CHUNK_WINDOW} chunks at a time; skipping seeks to
     * the chunk.
     *
     * @throws IllegalStateException when no such file is stored
     */
    public InputStream open(String fileId) {
        ObjectId id = new ObjectId(fileId);
        Document file = files.find(Filters.eq("_id", id)).first();
        if (file == null) {
            throw new IllegalStateException("no GridFS file " + fileId);
        }
        long length = ((Number) file.get("length")).longValue();
        int chunkSize = ((Number) file.get("chunkSize")).intValue();
        return metrics.streaming(new ChunkWindows(this::chunks, id, length, chunkSize, CHUNK_WINDOW));
    }

    /** The data of chunks {@code n} in {@code [from, to)} of GridFS file {@code fileId}, in {@code n} order. */
    private List<byte[]> chunks(ObjectId fileId, int from, int to) {
        List<byte[]> data = new ArrayList<>();
        chunks.find(Filters.and(Filters.eq("files_id", fileId), Filters.gte("n", from), Filters.lt("n", to)))
                .sort(Sorts.ascending("n"))
                .forEach(chunk ->
                        data.add(chunk.get("data", org.bson.types.Binary.class).getData()));
        return data;
    }

    /** How many GridFS chunks belong to no GridFS file (an interrupted upload leaves none). */
    public long orphanChunks() {
        long orphans = 0;
        for (ObjectId id :
                chunks.distinct("files_id", Filters.gte("files_id", new ObjectId(new Date(0))), ObjectId.class)) {
            if (files.find(Filters.eq("_id", id)).first() == null) {
                orphans += chunks.countDocuments(Filters.eq("files_id", id));
            }
        }
        return orphans;
    }

    /**
     * Removes what is older than {@code before} and used by nothing: blobs no variant uses ({@code inUse} says
     * whether one does) with their files, GridFS files no blob names, and chunks of no file.
     *
     * @return how many blobs, files and chunk groups were removed
     */
    public Swept sweep(Instant before, Predicate<String> inUse) {
        Date cutoff = Date.from(before);
        int removedBlobs = 0;
        List<Document> stale = new ArrayList<>();
        blobs.find(Filters.lt("lastUsedAt", cutoff)).into(stale);
        for (Document blob : stale) {
            String sha256 = blob.getString("_id");
            if (inUse.test(sha256)) {
                continue;
            }
            if (blobs.deleteOne(Filters.and(Filters.eq("_id", sha256), Filters.lt("lastUsedAt", cutoff)))
                            .getDeletedCount()
                    == 1) {
                deleteFile(blob.getObjectId("fileId"));
                removedBlobs++;
            }
        }
        int removedFiles = 0;
        List<ObjectId> oldFiles = new ArrayList<>();
        files.find(Filters.lt("uploadDate", cutoff)).forEach(file -> oldFiles.add(file.getObjectId("_id")));
        for (ObjectId fileId : oldFiles) {
            if (blobs.find(Filters.eq("fileId", fileId)).first() == null) {
                deleteFile(fileId);
                removedFiles++;
            }
        }
        int removedChunkGroups = 0;
        ObjectId oldest = new ObjectId(cutoff);
        for (ObjectId fileId : chunks.distinct("files_id", Filters.lt("files_id", oldest), ObjectId.class)) {
            if (files.find(Filters.eq("_id", fileId)).first() == null) {
                chunks.deleteMany(Filters.eq("files_id", fileId));
                removedChunkGroups++;
            }
        }
        return new Swept(removedBlobs, removedFiles, removedChunkGroups);
    }

    /** What a sweep removed. */
    public record Swept(int blobs, int files, int chunkGroups) {}

    private void deleteFile(ObjectId fileId) {
        try {
            bucket.delete(fileId);
        } catch (MongoGridFSException e) {
            // already gone: another replica's sweep, or chunks only (removed by the chunk pass)
        }
    }

    private Instant now() {
        return clock.instant();
    }

    private static StoredBinary read(Document blob) {
        return new StoredBinary(
                blob.getString("_id"),
                blob.getObjectId("fileId").toHexString(),
                blob.get("sizeBytes", Number.class).longValue(),
                blob.getString("detectedType"),
                blob.getDate("storedAt").toInstant());
    }
}

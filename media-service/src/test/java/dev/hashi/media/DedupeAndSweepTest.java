package dev.hashi.media;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;

import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import dev.hashi.media.asset.OrphanSweeper;
import dev.hashi.media.binary.Binaries;
import dev.hashi.testsupport.Reply;

import static dev.hashi.media.ConferenceAssets.EDITOR;
import static dev.hashi.media.ConferenceAssets.TRANSLATOR;
import static dev.hashi.media.ConferenceAssets.titled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Identical bytes are stored once; bytes stay while any variant holds them, and the sweeper removes the rest. */
class DedupeAndSweepTest extends MediaServiceTest {

    @Autowired
    Binaries binaries;

    @Autowired
    OrphanSweeper sweeper;

    @Autowired
    MongoDatabase database;

    @Test
    void identicalBytesAreStoredOnceAndOutliveTheVariantsThatShareThemUntilTheLastGoes() throws Exception {
        byte[] slides = Transfers.pdf(700_000, 41);
        String sha256 = Transfers.sha256(slides);
        String first = create("Surabaya, part 1");
        String second = create("Surabaya, part 2");
        long files = database.getCollection("binaries.files").countDocuments();

        assertThat(transfers()
                        .put(EDITOR, variant(first, "en"), slides, "application/pdf")
                        .statusCode())
                .isEqualTo(200);
        assertThat(transfers()
                        .put(EDITOR, variant(second, "ja"), slides, "application/pdf")
                        .statusCode())
                .isEqualTo(200);
        assertThat(database.getCollection("binaries.files").countDocuments())
                .as("one GridFS file backs both variants")
                .isEqualTo(files + 1);

        ObjectId fileId = new ObjectId(binaries.find(sha256).orElseThrow().fileId());
        Reply firstAsset = api().get(EDITOR, "/api/media/assets/" + first);
        assertThat(api().delete(EDITOR, variant(first, "en"), "If-Match", firstAsset.etag())
                        .status())
                .isEqualTo(200);
        Thread.sleep(2_500); // past the orphan age
        sweeper.sweep();
        assertThat(binaries.find(sha256))
                .as("the second asset still holds the bytes")
                .isPresent();
        HttpResponse<byte[]> stillThere =
                transfers().fetch(TRANSLATOR, "GET", "/api/media/assets/" + second + "/content");
        assertThat(stillThere.statusCode()).isEqualTo(200);
        assertThat(Transfers.sha256(stillThere.body())).isEqualTo(sha256);

        Reply secondAsset = api().get(EDITOR, "/api/media/assets/" + second);
        assertThat(api().delete(EDITOR, variant(second, "ja"), "If-Match", secondAsset.etag())
                        .status())
                .isEqualTo(200);
        sweeper.sweep();
        assertThat(binaries.find(sha256)).as("nothing holds the bytes any more").isEmpty();
        assertThat(database.getCollection("binaries.files").countDocuments(Filters.eq("_id", fileId)))
                .isZero();
        assertThat(database.getCollection("binaries.chunks").countDocuments(Filters.eq("files_id", fileId)))
                .isZero();
    }

    @Test
    void chunksLeftByAProcessThatDiedMidUploadAreSweptOnceOldButNotWhileYoung() {
        ObjectId old = new ObjectId(new Date(System.currentTimeMillis() - 60_000));
        ObjectId young = new ObjectId();
        for (ObjectId fileId : new ObjectId[] {old, young}) {
            database.getCollection("binaries.chunks")
                    .insertOne(
                            new Document("files_id", fileId).append("n", 0).append("data", new Binary(new byte[16])));
        }
        assertThat(binaries.orphanChunks()).isEqualTo(2);

        sweeper.sweep();

        assertThat(binaries.orphanChunks())
                .as("the young one may be an upload under way")
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            sweeper.sweep();
            assertThat(binaries.orphanChunks()).isZero();
        });
    }

    private String create(String title) {
        Reply created = api().post(EDITOR, "/api/media/assets", titled("presentation", title));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().path("assetId").asString();
    }

    private static String variant(String id, String locale) {
        return "/api/media/assets/" + id + "/variants/" + locale;
    }
}

package dev.hashi.translation.unit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import dev.hashi.events.EventEnvelope;
import dev.hashi.events.content.ContentEntryChanged;
import dev.hashi.events.content.FieldValueChange;
import dev.hashi.testsupport.Reply;
import dev.hashi.translation.support.ConferencePages;
import dev.hashi.translation.support.ServiceTest;

import tools.jackson.databind.JsonNode;

import static dev.hashi.translation.support.ContentEvents.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** History in its own collection, bounded unit documents and events applied completely on redelivery. */
class UnitHistoryTest extends ServiceTest {

    private static final String PATH = ConferencePages.titlePath("p-minamata");

    @Autowired
    ContentTracking tracking;

    @Autowired
    Units units;

    @Autowired
    MongoDatabase database;

    @Test
    void manyLongSourceEditsLeaveTheUnitDocumentSmallAndTheHistoryIsPaged() {
        String entry = ConferencePages.newEntryId();
        String unitId = UnitIds.of(entry, PATH, "en");
        String a = "あ".repeat(100_000);
        String b = "い".repeat(100_000);
        for (int version = 1; version <= 20; version++) {
            tracking.apply(event(entry, version, source(PATH, "ja", version % 2 == 0 ? b : a)));
        }

        assertThat(units.find(unitId).orElseThrow().source().text()).isEqualTo(b);
        assertThat(bsonSize(database.getCollection(Units.COLLECTION)
                        .find(Filters.eq("_id", unitId))
                        .first()))
                .as("bytes of the unit document")
                .isLessThan(2 * 1024 * 1024);

        Reply first = client().get(reviewer("rev-hist"), "/api/translations/units/" + unitId + "/history?limit=5");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("total").asLong()).isEqualTo(20);
        assertThat(first.body().path("items").size()).isEqualTo(5);
        assertThat(first.body().path("items").get(0).path("action").asString()).isEqualTo("created");
        List<String> actions = new ArrayList<>();
        String next = first.body().path("next").asString();
        first.body()
                .path("items")
                .forEach(line -> actions.add(line.path("action").asString()));
        while (next != null && !next.isEmpty() && !"null".equals(next)) {
            JsonNode page = client().get(
                            reviewer("rev-hist"),
                            "/api/translations/units/" + unitId + "/history?limit=5&cursor=" + next)
                    .body();
            page.path("items").forEach(line -> actions.add(line.path("action").asString()));
            next = page.path("next").isNull() ? null : page.path("next").asString();
        }
        assertThat(actions).hasSize(20).first().isEqualTo("created");
        assertThat(actions.subList(1, 20)).containsOnly("source-changed");
    }

    @Test
    void anEventThatFailsAtOneUnitUpdatesTheOthersAndItsRedeliveryCompletesEveryUnit() {
        String entry = ConferencePages.newEntryId();
        String one = ConferencePages.titlePath("p-one");
        String two = ConferencePages.titlePath("p-two");
        String three = ConferencePages.titlePath("p-three");
        String broken = UnitIds.of(entry, two, "en");
        database.getCollection(Units.COLLECTION).insertOne(new Document("_id", broken).append("rev", 1));
        EventEnvelope<ContentEntryChanged> event =
                event(entry, 1, source(one, "ja", "一つ目"), source(two, "ja", "二つ目"), source(three, "ja", "三つ目"));

        assertThatThrownBy(() -> tracking.apply(event)).isInstanceOf(RuntimeException.class);
        assertThat(units.find(UnitIds.of(entry, one, "en"))).isPresent();
        assertThat(units.find(UnitIds.of(entry, three, "en")))
                .as("the unit after the failing one")
                .isPresent();

        database.getCollection(Units.COLLECTION).deleteOne(Filters.eq("_id", broken));
        long revOne = units.find(UnitIds.of(entry, one, "en")).orElseThrow().rev();
        tracking.apply(event);

        for (String path : List.of(one, two, three)) {
            for (String target : List.of("en", "ko")) {
                Unit unit = units.find(UnitIds.of(entry, path, target)).orElseThrow();
                assertThat(unit.versions().source()).isEqualTo(1);
            }
        }
        assertThat(units.find(UnitIds.of(entry, one, "en")).orElseThrow().rev()).isEqualTo(revOne);
        assertThat(units.find(broken).orElseThrow().source().text()).isEqualTo("二つ目");
    }

    @Test
    void textsArrivingFromEventsAreStoredAtMostAtTheSubmissionCapWithTheHashOfTheWholeText() {
        String entry = ConferencePages.newEntryId();
        String huge = "水".repeat(300_000);
        String english = "w".repeat(250_000);
        String unitId = UnitIds.of(entry, PATH, "en");
        tracking.apply(event(entry, 1, source(PATH, "ja", huge)));
        tracking.apply(event(
                entry,
                2,
                dev.hashi.translation.support.ContentEvents.translation(PATH, "en", "ja", english, huge, null)));

        Unit unit = units.find(unitId).orElseThrow();
        assertThat(unit.source().text().length()).isEqualTo(Unit.MAX_TEXT);
        assertThat(unit.source().hash()).isEqualTo(dev.hashi.locale.Texts.sourceHash(huge));
        assertThat(unit.target().text().length()).isEqualTo(Unit.MAX_TEXT);
        assertThat(unit.state()).isEqualTo(UnitState.APPROVED);
    }

    private static EventEnvelope<ContentEntryChanged> event(String entry, long version, FieldValueChange... changes) {
        ContentEntryChanged payload = new ContentEntryChanged(
                entry, "event-page", Map.of("ja", "水俣"), new ArrayList<>(Arrays.asList(changes)));
        return EventEnvelope.of(payload, entry, version, null, "editor-1", Instant.now());
    }

    private static int bsonSize(Document doc) {
        return new RawBsonDocument(doc, new DocumentCodec()).getByteBuffer().remaining();
    }
}

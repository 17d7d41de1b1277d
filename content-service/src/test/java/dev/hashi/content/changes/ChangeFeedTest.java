package dev.hashi.content.changes;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.hashi.content.ContentServiceTest;
import dev.hashi.content.Pages;
import dev.hashi.content.Users;
import dev.hashi.testsupport.Reply;
import dev.hashi.testsupport.ServiceClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The change feed on the running service, read from the real broker's content topic. */
class ChangeFeedTest extends ContentServiceTest {

    ServiceClient api;

    @BeforeEach
    void setUp() {
        seedTypes();
        api = api();
    }

    /** One entry as an editor drives it through the API. */
    final class Organisation {
        final String id;
        String etag;

        Organisation(String name) {
            Reply created = api.post(
                    Users.EDITOR, "/api/content/entries", Pages.create("organisation", "ja", Map.of("name", name)));
            assertThat(created.status()).as(created.raw()).isEqualTo(201);
            id = created.body().path("entryId").asString();
            etag = created.etag();
        }

        void act(String action) {
            Reply reply = api.post(
                    Users.EDITOR, "/api/content/entries/" + id + "/locales/ja/" + action, null, "If-Match", etag);
            assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
            etag = reply.etag();
        }

        void rename(String name) {
            Reply reply = api.patch(
                    Users.EDITOR,
                    "/api/content/entries/" + id,
                    Pages.patch("ja", Map.of("name", name)),
                    "If-Match",
                    etag);
            assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
            etag = reply.etag();
        }

        void delete() {
            Reply reply = api.delete(Users.EDITOR, "/api/content/entries/" + id, "If-Match", etag);
            assertThat(reply.status()).as(reply.raw()).isEqualTo(204);
        }
    }

    Reply changes(String since, int limit) {
        String query =
                "?limit=" + limit + (since == null ? "" : "&since=" + URLEncoder.encode(since, StandardCharsets.UTF_8));
        Reply reply = api.get(Users.ANONYMOUS, "/api/delivery/changes" + query);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply;
    }

    /** The cursor after everything in the log now, walked from its beginning in full pages. */
    String tail() {
        String since = null;
        for (int pages = 0; pages < 10_000; pages++) {
            Reply page = changes(since, 100);
            since = page.body().path("next").asString();
            if (!page.body().path("hasMore").asBoolean()) {
                return since;
            }
        }
        throw new AssertionError("the feed never ended");
    }

    /** Every change after {@code since} walked in pages of {@code limit}, and the cursor after them. */
    record Walk(List<JsonNode> items, String next) {
        List<JsonNode> of(Set<String> entryIds) {
            return items.stream()
                    .filter(i -> entryIds.contains(i.path("entryId").asString()))
                    .toList();
        }
    }

    Walk walk(String since, int limit) {
        List<JsonNode> items = new ArrayList<>();
        for (int pages = 0; pages < 10_000; pages++) {
            Reply page = changes(since, limit);
            page.body().path("items").forEach(items::add);
            assertThat(page.body().path("items").size()).isLessThanOrEqualTo(limit);
            since = page.body().path("next").asString();
            if (!page.body().path("hasMore").asBoolean()) {
                return new Walk(items, since);
            }
        }
        throw new AssertionError("the feed never ended");
    }

    static List<String> describe(List<JsonNode> items) {
        return items.stream()
                .map(i -> i.path("change").asString() + " " + i.path("entryId").asString())
                .toList();
    }

    @Test
    void publishUnpublishAndDeleteReachTheFeedInOrderAndDraftEditsNever() {
        String since = tail();
        Organisation secretariat = new Organisation("北九州イニシアティブ・ネットワーク事務局");
        Organisation draftOnly = new Organisation("ｷﾀｷｭｳｼｭｳ国際交流協会");
        secretariat.act("publish");
        secretariat.rename("北九州イニシアティブ・ネットワーク事務局（ＩＧＥＳ）");
        draftOnly.rename("北九州国際交流協会");
        secretariat.act("unpublish");
        secretariat.delete();

        Set<String> ids = Set.of(secretariat.id, draftOnly.id);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(describe(walk(since, 100).of(ids)))
                        .containsExactly(
                                "published " + secretariat.id,
                                "unpublished " + secretariat.id,
                                "deleted " + secretariat.id));

        Reply page = changes(since, 100);
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        List<JsonNode> mine = walk(since, 100).of(ids);
        JsonNode published = mine.get(0);
        assertThat(published.path("type").asString()).isEqualTo("organisation");
        assertThat(published.path("locale").asString()).isEqualTo("ja");
        assertThat(published.path("slug").asString()).isNotBlank();
        assertThat(published.path("at").asString()).isNotBlank();
        assertThat(mine.get(1).path("locale").asString()).isEqualTo("ja");
        assertThat(mine.get(1).has("slug")).isFalse();
        assertThat(mine.get(2).has("locale")).isFalse();
        assertThat(mine.get(2).path("type").asString()).isEqualTo("organisation");
        assertThat(mine.stream().map(i -> i.path("version").asLong()).toList())
                .isSorted()
                .doesNotHaveDuplicates();
        assertThat(walk(since, 100).items())
                .allSatisfy(i -> assertThat(i.path("change").asString()).isIn("published", "unpublished", "deleted"));
    }

    @Test
    void smallPagesWalkTheSameChangesAsOneLargePageAndACursorShowsOnlyLaterChanges() {
        String since = tail();
        List<Organisation> organisations =
                List.of(new Organisation("仙台市環境局"), new Organisation("福岡市環境局"), new Organisation("富山県環境政策課"));
        organisations.forEach(o -> o.act("publish"));
        Set<String> first = Set.of(organisations.get(0).id, organisations.get(1).id, organisations.get(2).id);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(walk(since, 100).of(first)).hasSize(3));

        Walk large = walk(since, 100);
        Walk small = walk(since, 1);
        assertThat(describe(small.items())).isEqualTo(describe(large.items()));
        assertThat(small.next()).isEqualTo(large.next());
        Reply onePage = changes(since, 1);
        assertThat(onePage.body().path("hasMore").asBoolean()).isTrue();
        assertThat(onePage.header("Link"))
                .startsWith("</api/delivery/changes?since=")
                .endsWith("&limit=1>; rel=\"next\"");

        Reply atEnd = changes(large.next(), 100);
        assertThat(atEnd.body().path("items")).isEmpty();
        assertThat(atEnd.body().path("hasMore").asBoolean()).isFalse();
        assertThat(atEnd.body().path("next").asString()).isEqualTo(large.next());
        assertThat(atEnd.header("Link")).isNull();

        Organisation later = new Organisation("水俣市環境モデル都市推進課");
        later.act("publish");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(describe(walk(large.next(), 100).of(Set.of(later.id))))
                        .containsExactly("published " + later.id));
        assertThat(walk(large.next(), 2).of(first)).isEmpty();
    }

    @Test
    void aCursorNamingOnlySomePartitionsReadsTheOthersFromTheirBeginning() {
        String tail = tail();
        Reply all = changes(null, 100);
        String partial = ChangeCursor.of(
                        Map.of(0, ChangeCursor.decode(tail).offsets().get(0)))
                .encode();

        Walk fromPartial = walk(partial, 100);
        Walk fromTail = walk(tail, 100);

        assertThat(fromTail.items()).isEmpty();
        assertThat(fromPartial.next()).isEqualTo(tail);
        assertThat(all.body().path("items").size()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "100000", "abc", "1.5"})
    void limitsOutsideOneToAHundredAreRefused(String limit) {
        Reply reply = api.get(Users.ANONYMOUS, "/api/delivery/changes?limit=" + limit);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("request.invalid");
        assertThat(reply.body().path("errors").get(0).path("field").asString()).isEqualTo("limit");
        assertThat(reply.body().path("errors").get(0).path("code").asString()).isEqualTo("range");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage!", "Yzo", "YzE6MC4wMQ", "eyJwIjowfQ"})
    void garbageCursorsAreFormatErrors(String since) {
        Reply reply = api.get(Users.ANONYMOUS, "/api/delivery/changes?since=" + since);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("request.invalid");
        assertThat(reply.body().path("errors").get(0).path("field").asString()).isEqualTo("since");
        assertThat(reply.body().path("errors").get(0).path("code").asString()).isEqualTo("format");
    }

    @Test
    void aCursorNamingAnUnknownPartitionOrAnOffsetPastTheEndIsARangeError() {
        Map<Integer, Long> end = ChangeCursor.decode(tail()).offsets();
        String unknownPartition = ChangeCursor.of(Map.of(end.size() + 7, 0L)).encode();
        String pastTheEnd = ChangeCursor.of(Map.of(0, end.get(0) + 1_000_000)).encode();

        for (String since : List.of(unknownPartition, pastTheEnd)) {
            Reply reply = api.get(Users.ANONYMOUS, "/api/delivery/changes?since=" + since);
            assertThat(reply.status()).as(reply.raw()).isEqualTo(400);
            assertThat(reply.body().path("errors").get(0).path("field").asString())
                    .isEqualTo("since");
            assertThat(reply.body().path("errors").get(0).path("code").asString())
                    .isEqualTo("range");
        }
    }

    @Test
    void badLimitAndBadCursorAreReportedTogether() {
        Reply reply = api.get(Users.ANONYMOUS, "/api/delivery/changes?since=garbage!&limit=0");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("limit", "since");
    }
}

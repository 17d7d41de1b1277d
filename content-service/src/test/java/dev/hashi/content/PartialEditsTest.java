package dev.hashi.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.hashi.testsupport.Reply;
import dev.hashi.testsupport.ServiceClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Editing one locale's values by path or by item id never deletes list items; removing items is explicit (issue case:
 * a Japanese write naming only the Minamata presentation deleted the Dalian one, English title and presenter included).
 */
class PartialEditsTest extends ContentServiceTest {

    static final String JSON_PATCH = "application/json-patch+json";
    static final String MINAMATA_JA = "住民協働の環境モデル都市づくりを目指して～水俣市～（改訂）";
    static final String DALIAN_EN = "Pollution Control Programmes and Cooperation with Japan";

    ServiceClient api;
    String id;
    String etag;
    String session;
    List<String> presentations;

    @BeforeEach
    void setUp() {
        seedTypes();
        api = api();
        Reply created = api.post(
                Users.EDITOR, "/api/content/entries", Pages.create("event-page", "en", Pages.conferencePage()));
        id = created.body().path("entryId").asString();
        Reply japanese = api.patch(
                Users.EDITOR,
                url(),
                Pages.patch("ja", Pages.japaneseTitles(created.body())),
                "If-Match",
                created.etag());
        assertThat(japanese.status()).as(japanese.raw()).isEqualTo(200);
        etag = japanese.etag();
        JsonNode localGovernments =
                japanese.body().path("fields").path("sessions").get(2);
        session = localGovernments.path("id").asString();
        presentations = new ArrayList<>();
        localGovernments
                .path("presentations")
                .forEach(p -> presentations.add(p.path("id").asString()));
    }

    String url() {
        return "/api/content/entries/" + id;
    }

    String presentation(int index, String field) {
        return "/fields/sessions/" + session + "/presentations/" + presentations.get(index) + "/" + field;
    }

    static Map<String, Object> op(String op, String path, Object value) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("op", op);
        operation.put("path", path);
        if (value != null) {
            operation.put("value", value);
        }
        return operation;
    }

    Reply jsonPatch(Object body, String ifMatch) {
        return api.patch(Users.EDITOR, url(), body, "Content-Type", JSON_PATCH, "If-Match", ifMatch);
    }

    JsonNode localGovernmentPresentations(JsonNode entry) {
        return entry.path("fields").path("sessions").get(2).path("presentations");
    }

    JsonNode revisionChanges(Reply reply) {
        return api.get(
                        Users.EDITOR,
                        url() + "/revisions/" + reply.body().path("version").asLong())
                .body()
                .path("changes");
    }

    void assertDalianIntact(JsonNode entry) {
        JsonNode dalian = localGovernmentPresentations(entry).get(4);
        assertThat(dalian.path("id").asString()).isEqualTo(presentations.get(4));
        assertThat(dalian.path("title").path("en").path("value").asString()).isEqualTo(DALIAN_EN);
        assertThat(dalian.path("presenter").path("en").path("value").asString()).isEqualTo("Dalian City, China");
    }

    @Test
    void japaneseTitleChangedByPathLeavesEveryOtherItemInEveryLocaleUntouched() {
        Reply patched = jsonPatch(List.of(op("replace", presentation(0, "title/ja"), MINAMATA_JA)), etag);

        assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
        assertThat(localGovernmentPresentations(patched.body())).hasSize(9);
        assertDalianIntact(patched.body());
        JsonNode changes = revisionChanges(patched);
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).path("path").asString())
                .isEqualTo("sessions[" + session + "].presentations[" + presentations.get(0) + "].title");
        assertThat(changes.get(0).path("locale").asString()).isEqualTo("ja");
        assertThat(changes.get(0).path("after").asString()).isEqualTo(MINAMATA_JA);
    }

    @Test
    void japaneseWriteNamingOneItemByIdChangesOnlyThatItem() {
        Map<String, Object> fields = Map.of(
                "sessions",
                Map.of(session, Map.of("presentations", Map.of(presentations.get(0), Map.of("title", MINAMATA_JA)))));
        Reply patched = api.patch(Users.EDITOR, url(), Pages.patch("ja", fields), "If-Match", etag);

        assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
        assertThat(localGovernmentPresentations(patched.body())).hasSize(9);
        assertDalianIntact(patched.body());
        assertThat(revisionChanges(patched)).hasSize(1);
    }

    @Test
    void japaneseWriteWithAnArrayNamingEveryItemByIdKeepsEveryItemAndEveryPath() {
        List<Object> items = new ArrayList<>();
        items.add(Map.of("id", presentations.get(0), "title", MINAMATA_JA));
        presentations.subList(1, presentations.size()).forEach(p -> items.add(Map.of("id", p)));
        List<Object> sessions = List.of(
                Map.of("id", sessionId(0)), Map.of("id", sessionId(1)), Map.of("id", session, "presentations", items));
        Reply patched =
                api.patch(Users.EDITOR, url(), Pages.patch("ja", Map.of("sessions", sessions)), "If-Match", etag);

        assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
        assertThat(patched.body()
                        .path("fields")
                        .path("sessions")
                        .get(2)
                        .path("id")
                        .asString())
                .isEqualTo(session);
        assertThat(localGovernmentPresentations(patched.body()).findValuesAsString("id"))
                .containsExactlyElementsOf(presentations);
        assertDalianIntact(patched.body());
        JsonNode changes = revisionChanges(patched);
        assertThat(changes).as(changes.toString()).hasSize(1);
        assertThat(changes.get(0).path("path").asString())
                .isEqualTo("sessions[" + session + "].presentations[" + presentations.get(0) + "].title");
    }

    @Test
    void japaneseArrayNamingEveryItemByIdOverAStaleVersionIsMergedKeepingEveryPath() {
        Reply english = jsonPatch(List.of(op("replace", presentation(4, "presenter/en"), "Dalian, China")), etag);
        assertThat(english.status()).as(english.raw()).isEqualTo(200);
        List<Object> items = new ArrayList<>();
        items.add(Map.of("id", presentations.get(0), "title", MINAMATA_JA));
        presentations.subList(1, presentations.size()).forEach(p -> items.add(Map.of("id", p)));
        List<Object> sessions = List.of(
                Map.of("id", sessionId(0)), Map.of("id", sessionId(1)), Map.of("id", session, "presentations", items));
        Reply patched =
                api.patch(Users.EDITOR, url(), Pages.patch("ja", Map.of("sessions", sessions)), "If-Match", etag);

        assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
        assertThat(localGovernmentPresentations(patched.body()).findValuesAsString("id"))
                .containsExactlyElementsOf(presentations);
        JsonNode changes = revisionChanges(patched);
        assertThat(changes).as(changes.toString()).hasSize(1);
        assertThat(changes.get(0).path("path").asString())
                .isEqualTo("sessions[" + session + "].presentations[" + presentations.get(0) + "].title");
    }

    @Test
    void japaneseWriteWithAnArrayLeavingOutItemsIsRefusedListingThemAndChangesNothing() {
        List<Object> sessions = List.of(
                Map.of("id", sessionId(0)),
                Map.of("id", sessionId(1)),
                Map.of(
                        "id",
                        session,
                        "presentations",
                        List.of(Map.of("id", presentations.get(0), "title", MINAMATA_JA))));
        Reply refused =
                api.patch(Users.EDITOR, url(), Pages.patch("ja", Map.of("sessions", sessions)), "If-Match", etag);

        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("edit.items-dropped");
        assertThat(refused.body().path("dropped").findValuesAsString("id"))
                .containsExactlyElementsOf(presentations.subList(1, 9));
        assertThat(refused.body().path("dropped").get(3).path("path").asString())
                .isEqualTo("sessions[" + session + "].presentations[" + presentations.get(4) + "]");
        Reply after = api.get(Users.EDITOR, url());
        assertThat(after.etag()).isEqualTo(etag);
        assertDalianIntact(after.body());
    }

    @Test
    void arrayLeavingOutItemsRemovesThemWhenTheWriteSaysSo() {
        Map<String, Object> body = Pages.patch(
                "ja",
                Map.of(
                        "sessions",
                        List.of(
                                Map.of("id", sessionId(0)),
                                Map.of("id", sessionId(1)),
                                Map.of(
                                        "id",
                                        session,
                                        "presentations",
                                        List.of(Map.of("id", presentations.get(0), "title", MINAMATA_JA))))));
        body.put("replaceLists", true);
        Reply replaced = api.patch(Users.EDITOR, url(), body, "If-Match", etag);

        assertThat(replaced.status()).as(replaced.raw()).isEqualTo(200);
        assertThat(localGovernmentPresentations(replaced.body())).hasSize(1);
        String dalianTitle = "sessions[" + session + "].presentations[" + presentations.get(4) + "].title";
        assertThat(revisionChanges(replaced))
                .as("the dropped items' values are removed, so their translation units can be marked removed")
                .anySatisfy(c -> {
                    assertThat(c.path("path").asString()).isEqualTo(dalianTitle);
                    assertThat(c.path("locale").asString()).isEqualTo("en");
                    assertThat(c.path("after").isNull() || c.path("after").isMissingNode())
                            .isTrue();
                });
    }

    @Test
    void jsonPatchAddsMovesAndRemovesItemsOnlyWhenAskedTo() {
        Map<String, Object> title = new LinkedHashMap<>();
        title.put("ja", "北九州市の環境国際協力");
        title.put("en", "Kitakyushu's international environmental cooperation");
        Map<String, Object> newItem = Map.of("title", title, "presenter", Map.of("ja", "ｷﾀｷｭｳｼｭｳ市"));
        Reply patched = jsonPatch(
                List.of(
                        op("test", presentation(4, "title/en"), DALIAN_EN),
                        op("add", "/fields/sessions/" + session + "/presentations/-", newItem),
                        Map.of(
                                "op",
                                "move",
                                "from",
                                "/fields/sessions/" + session + "/presentations/" + presentations.get(4),
                                "path",
                                "/fields/sessions/" + session + "/presentations/" + presentations.get(0)),
                        op("remove", "/fields/sessions/" + session + "/presentations/" + presentations.get(5), null)),
                etag);

        assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
        JsonNode after = localGovernmentPresentations(patched.body());
        assertThat(after).hasSize(9);
        assertThat(after.get(0).path("id").asString()).isEqualTo(presentations.get(4));
        assertThat(after.get(1).path("id").asString()).isEqualTo(presentations.get(0));
        assertThat(after.findValuesAsString("id")).doesNotContain(presentations.get(5));
        JsonNode added = after.get(8);
        assertThat(added.path("title").path("ja").path("value").asString()).isEqualTo("北九州市の環境国際協力");
        assertThat(added.path("title").path("en").path("originLocale").asString())
                .as("the first locale written is the source")
                .isEqualTo("ja");
        assertThat(added.path("presenter").path("ja").path("value").asString()).isEqualTo("ｷﾀｷｭｳｼｭｳ市");
    }

    @Test
    void failedTestOperationIsAConflictAndChangesNothing() {
        Reply refused = jsonPatch(
                List.of(
                        op("replace", presentation(0, "title/ja"), MINAMATA_JA),
                        op("test", presentation(4, "title/en"), "Something else")),
                etag);

        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("patch.test-failed");
        assertThat(refused.body().path("operation").asInt()).isEqualTo(1);
        assertThat(api.get(Users.EDITOR, url()).etag()).isEqualTo(etag);
    }

    @Test
    void malformedPatchesAreProblemsNamingTheOperationAndChangeNothing() {
        String title = presentation(0, "title/ja");
        Map<Object, String> cases = new LinkedHashMap<>();
        cases.put(Map.of("op", "replace"), "patch");
        cases.put(List.of(), "patch");
        cases.put(List.of("replace"), "patch[0]");
        cases.put(List.of(op("copy", title, "x")), "patch[0].op");
        cases.put(List.of(op("replace", "/title/ja", "x")), "patch[0].path");
        cases.put(List.of(op("replace", "fields/title/ja", "x")), "patch[0].path");
        cases.put(List.of(op("replace", "/fields/sessions/s-999/title/ja", "x")), "patch[0].path");
        cases.put(List.of(op("replace", "/fields/title/fr", "x")), "patch[0].path");
        cases.put(List.of(op("replace", "/fields/nope", "x")), "patch[0].path");
        cases.put(List.of(op("replace", title, 42)), "patch[0].value");
        cases.put(List.of(op("replace", title, null)), "patch[0].value");
        cases.put(List.of(op("replace", presentation(0, "title/en"), "Minamata")), "patch[0].path");
        cases.put(List.of(op("add", "/fields/date", "28 October 2003")), "patch[0].value");
        cases.put(List.of(op("replace", title, MINAMATA_JA), op("remove", "/fields/sessions", null)), "patch[1].path");
        cases.put(
                List.of(Map.of(
                        "op",
                        "move",
                        "from",
                        "/fields/sessions/" + session + "/presentations/" + presentations.get(0),
                        "path",
                        "/fields/sessions/" + sessionId(0) + "/presentations/-")),
                "patch[0].from");
        cases.put(List.of(op("add", "/fields/sessions/" + session + "/presentations/-", "title")), "patch[0].value");
        for (Map.Entry<Object, String> c : cases.entrySet()) {
            Reply refused = jsonPatch(c.getKey(), etag);
            assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
            assertThat(refused.code()).as(refused.raw()).isEqualTo("request.invalid");
            assertThat(refused.body().path("errors").get(0).path("field").asString())
                    .as(refused.raw())
                    .isEqualTo(c.getValue());
        }
        Reply unreadable = jsonPatch("[{\"op\": \"replace\",", etag);
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.code()).isEqualTo("request.malformed");
        assertThat(api.get(Users.EDITOR, url()).etag()).isEqualTo(etag);
    }

    String sessionId(int index) {
        return api.get(Users.EDITOR, url())
                .body()
                .path("fields")
                .path("sessions")
                .get(index)
                .path("id")
                .asString();
    }
}

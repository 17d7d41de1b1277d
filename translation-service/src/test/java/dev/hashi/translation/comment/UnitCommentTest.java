package dev.hashi.translation.comment;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hashi.identity.Identity;
import dev.hashi.testsupport.Reply;
import dev.hashi.translation.support.ConferencePages;
import dev.hashi.translation.support.ServiceTest;
import dev.hashi.translation.unit.UnitIds;

import tools.jackson.databind.JsonNode;

import static dev.hashi.translation.support.ContentEvents.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class UnitCommentTest extends ServiceTest {

    private static final Identity TRANSLATOR = translator("tr-okada", "ja:en");
    private static final Identity REVIEWER = reviewer("rv-ikeda", "ja:en");
    private static final Identity EDITOR = editor("ed-kato");

    @Test
    void aTranslatorsQuestionFlagsTheUnitInTheQueueUntilAReviewerAnswersAndItIsResolved() {
        String entry = ConferencePages.newEntryId();
        String unit = unitFor(entry, "住民協働の環境モデル都市づくり");
        String comments = "/api/translations/units/" + unit + "/comments";

        Reply asked = client().post(
                        TRANSLATOR,
                        comments,
                        Map.of("kind", "question", "text", "協働: \"cooperation\" or \"partnership\"?"));
        assertThat(asked.status()).as(asked.raw()).isEqualTo(201);
        String question = asked.body().path("commentId").asString();
        assertThat(asked.header("Location")).endsWith(comments + "/" + question);
        assertThat(asked.body().path("state").asString()).isEqualTo("open");
        assertThat(asked.body().path("createdBy").asString()).isEqualTo("tr-okada");
        assertThat(asked.etag()).isEqualTo("\"1\"");

        String queue = "/api/translations/queue?target=en&entryId=" + entry;
        JsonNode open = client().get(EDITOR, queue + "&question=open").body().path("items");
        assertThat(open.size()).isEqualTo(1);
        assertThat(open.get(0).path("unitId").asString()).isEqualTo(unit);
        assertThat(open.get(0).path("openQuestion").asBoolean()).isTrue();
        assertThat(client().get(EDITOR, queue + "&question=none")
                        .body()
                        .path("items")
                        .size())
                .isZero();

        Reply answered = client().post(
                        REVIEWER,
                        comments,
                        Map.of(
                                "kind",
                                "answer",
                                "text",
                                "Partnership, as in the conference title.",
                                "replyTo",
                                question));
        assertThat(answered.status()).isEqualTo(201);
        assertThat(answered.body().path("replyTo").asString()).isEqualTo(question);
        assertThat(answered.body().path("state").isNull()).isTrue();

        Reply stale = client().post(TRANSLATOR, comments + "/" + question + "/resolve", "", "If-Match", "\"7\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("version.conflict");
        Reply resolved = client().post(TRANSLATOR, comments + "/" + question + "/resolve", "", "If-Match", "\"1\"");
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.body().path("state").asString()).isEqualTo("resolved");
        assertThat(resolved.body().path("resolvedBy").asString()).isEqualTo("tr-okada");
        assertThat(resolved.etag()).isEqualTo("\"2\"");

        assertThat(client().get(EDITOR, queue + "&question=open")
                        .body()
                        .path("items")
                        .size())
                .isZero();
        assertThat(client().get(EDITOR, "/api/translations/units/" + unit)
                        .body()
                        .path("openQuestion")
                        .asBoolean())
                .isFalse();

        JsonNode first = client().get(EDITOR, comments + "?limit=1").body();
        assertThat(first.path("total").asInt()).isEqualTo(2);
        assertThat(first.path("items").get(0).path("commentId").asString()).isEqualTo(question);
        JsonNode second = client().get(
                        EDITOR,
                        comments + "?limit=1&cursor=" + first.path("next").asString())
                .body();
        assertThat(second.path("items").get(0).path("kind").asString()).isEqualTo("answer");
        assertThat(second.path("next").isString()).isFalse();
        JsonNode history = client().get(EDITOR, "/api/translations/units/" + unit + "/history?limit=100")
                .body();
        assertThat(history.toString()).contains("question-opened", "questions-resolved");
    }

    @Test
    void commentsAreBoundedCheckedAndKeptToThePairsParticipants() {
        String unit = unitFor(ConferencePages.newEntryId(), "仙台市地球温暖化対策推進協議会について");
        String comments = "/api/translations/units/" + unit + "/comments";
        Reply tooLong = client().post(TRANSLATOR, comments, Map.of("kind", "note", "text", "長".repeat(4001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.code()).isEqualTo("request.invalid");
        Reply badKind = client().post(TRANSLATOR, comments, Map.of("kind", "rant", "text", "x"));
        assertThat(badKind.status()).isEqualTo(400);
        Reply orphan = client().post(TRANSLATOR, comments, Map.of("kind", "answer", "text", "Yes."));
        assertThat(orphan.status()).isEqualTo(400);
        assertThat(orphan.body().path("errors").get(0).path("code").asString()).isEqualTo("comment.reply-to");
        Reply otherPair = client().post(translator("tr-park", "en:ko"), comments, Map.of("kind", "note", "text", "x"));
        assertThat(otherPair.status()).isEqualTo(403);
        assertThat(otherPair.body().path("reason").asString()).isEqualTo("locale-pair");
        assertThat(client().get(reader("rd-9"), comments).status()).isEqualTo(403);
        Reply note = client().post(EDITOR, comments, Map.of("kind", "note", "text", "Context: Sendai council, 2003"));
        assertThat(note.status()).isEqualTo(201);
        Reply notAQuestion = client().post(
                        EDITOR, comments + "/" + note.body().path("commentId").asString() + "/resolve", "");
        assertThat(notAQuestion.status()).isEqualTo(422);
        assertThat(notAQuestion.code()).isEqualTo("comment.not-a-question");
        assertThat(client().post(EDITOR, comments + "/c-nothing/resolve", "").code())
                .isEqualTo("comment.not-found");
        assertThat(client().get(EDITOR, "/api/translations/units/" + unit)
                        .body()
                        .path("openQuestion")
                        .asBoolean())
                .isFalse();
    }

    private String unitFor(String entry, String japanese) {
        content().changed(entry, 1, "editor-1", Map.of(), source("lead", "ja", japanese));
        String unit = UnitIds.of(entry, "lead", "en");
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        client().get(EDITOR, "/api/translations/units/" + unit).status() == 200);
        return unit;
    }
}

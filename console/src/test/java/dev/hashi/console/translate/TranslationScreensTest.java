package dev.hashi.console.translate;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import dev.hashi.console.StubGateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(
        properties = {
            "cms.console.sign-in.profile=dev",
            "server.servlet.session.cookie.secure=false",
            "cms.console.sessions.store=servlet" // MockHttpSession: the container's sessions
        })
@AutoConfigureMockMvc
class TranslationScreensTest {

    static final StubGateway GATEWAY = new StubGateway();

    static final String HASH = "9f2c1e0b7d4a5c3e8f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70";
    static final String MINAMATA = "住民協働の環境モデル都市づくりを目指して~水俣市~";
    static final String UNIT = """
            {"unitId":"u1","entryId":"e-minamata","type":"event-page","path":"title","sourceLocale":"ja",
             "targetLocale":"en","state":"%s","source":{"text":"%s","hash":"%s","size":23,"sizeUnit":"characters"},
             "target":null,"draft":%s,"titles":{"ja":"水俣市の取組み","en":null},"openQuestion":false,"version":3,
             "priority":0,"warnings":[]}""";

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("cms.console.gateway.url", GATEWAY::url);
    }

    @AfterAll
    static void stop() {
        GATEWAY.close();
    }

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void answers() {
        GATEWAY.received().clear();
        GATEWAY.answer("POST /api/dev/tokens", 200, "{\"token\":\"tok\",\"expiresAt\":\"2099-01-01T00:00:00Z\"}")
                .answer(
                        "GET /api/translations/queue",
                        200,
                        "{\"items\":[" + unit("untranslated", "null") + "],\"next\":null}")
                .answer("GET /api/translations/units/u1", 200, unit("untranslated", "null"))
                .answer("GET /api/translations/units/u1/suggestions", 200, """
                        {"items":[{"sourceText":"住民協働の環境モデル都市づくり","targetText":"Toward an Environmental \
                        Model City Built with Residents","score":88,"exact":false,"unitId":"u0"}],"next":null,"total":1}""")
                .answer("GET /api/translations/units/u1/context", 200, """
                        {"unitId":"u1","fieldLabel":{"value":"タイトル","locale":"ja"},
                         "limits":{"maxLength":300,"unit":"characters","sizeUnit":"characters"},
                         "neighbours":[{"path":"summary","fieldLabel":{"value":"概要","locale":"ja"},
                                        "values":{"ja":"水俣市の発表"}}],"previewUrl":null}""")
                .answer("GET /api/translations/units/u1/comments", 200, "{\"items\":[],\"next\":null,\"total\":0}")
                .answer("GET /api/translations/units/u1/glossary", 200, """
                        {"items":[{"termId":"g1","sourceLocale":"ja","targetLocale":"en","term":"水俣市",
                                   "translation":"Minamata City","note":"the city, not the bay","forbidden":["Minamata-shi"],
                                   "updatedBy":"ed","updatedAt":"2026-12-01T00:00:00Z","version":1}],
                         "next":null,"total":1}""")
                .answer("PUT /api/translations/units/u1/decision", 200, unit("source_only", "null"))
                .answer("POST /api/translations/units/u1/submit", 200, unit("translated", "null"))
                .answer("POST /api/translations/units/u1/approve", 200, unit("approved", "null"));
    }

    static String unit(String state, String draft) {
        return UNIT.formatted(state, MINAMATA, HASH, draft);
    }

    @Test
    void theJapaneseOnlyQueueListsOpenUnitsWithTheirSizeInCharacters() throws Exception {
        MockHttpSession session = signIn("translator");

        mvc.perform(get("/translations").session(session))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString(
                                "<a class=\"unit-link\" href=\"/translations/units/u1\" lang=\"ja\">" + MINAMATA)))
                .andExpect(content().string(containsString("23 characters")))
                .andExpect(content().string(containsString("Translations ja → en")));

        StubGateway.Received queue = GATEWAY.received().stream()
                .filter(r -> r.path().equals("/api/translations/queue"))
                .findFirst()
                .orElseThrow();
        assertThat(queue.query())
                .contains("source=ja", "target=en", "state=untranslated%2Coutdated%2Cin_progress%2Crejected");
        assertThat(queue.header("Authorization")).isEqualTo("Bearer tok");
    }

    @Test
    void aPageWithoutATitleInTheSourceLocaleIsNamedByItsTitleInTheTarget() throws Exception {
        GATEWAY.answer(
                "GET /api/translations/queue",
                200,
                "{\"items\":["
                        + unit("untranslated", "null")
                                .replace(
                                        "\"titles\":{\"ja\":\"水俣市の取組み\",\"en\":null}",
                                        "\"titles\":{\"en\":\"World Partnership Conference\"}")
                        + "],\"next\":null}");
        MockHttpSession session = signIn("translator");

        mvc.perform(get("/translations").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<span lang=\"en\">World Partnership Conference</span>")))
                .andExpect(content().string(not(containsString(">e-minamata<"))));
    }

    @Test
    void progressShowsEachPairAsABarAndTheSameNumbersAsATableOverallAndForOnePage() throws Exception {
        String pair = """
                {"sourceLocale":"ja","targetLocale":"en","sizeUnit":"characters","units":%d,
                 "unitsByState":{"untranslated":%d,"outdated":0,"in_progress":0,"rejected":0,"translated":1,
                                 "approved":1,"source_only":0,"removed":0},
                 "size":%d,"remainingSize":%d,"translatedPercent":40.0,"approvedPercent":%s}""";
        GATEWAY.answer(
                        "GET /api/translations/progress/pairs",
                        200,
                        "{\"items\":[" + pair.formatted(10, 8, 200, 180, "10.0") + "],\"next\":null,\"total\":1}")
                .answer(
                        "GET /api/translations/progress/entries/e-minamata",
                        200,
                        "{\"items\":[" + pair.formatted(5, 3, 120, 97, "19.2") + "],\"next\":null,\"total\":1}");
        MockHttpSession session = signIn("translator");

        String html = mvc.perform(get("/translations/progress")
                        .param("page", "e-minamata")
                        .session(session)
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        String onePage = section(html, "id=\"progress-page-ja-en-characters\"");
        assertThat(onePage)
                .contains("data-state=\"untranslated\">3</td>")
                .contains("data-state=\"approved\">1</td>")
                .contains("<td class=\"units\">5</td>")
                .contains("<td class=\"size\">120 characters</td>")
                .contains("<td class=\"remaining\">97 characters</td>");
        assertThat(section(html, "id=\"progress-all-ja-en-characters\""))
                .contains("<td class=\"remaining\">180 characters</td>");
        // the page's bar: approved 1, translated 1, untranslated 3 of 5 units, side by side from 0 to 100
        String bar = section(html, "id=\"progress-page\"");
        bar = bar.substring(bar.indexOf("<svg"), bar.indexOf("</svg>"));
        assertThat(bar)
                .contains("aria-label=\"ja → en: 5 units, 19.2 % done\"")
                .containsSubsequence(
                        "class=\"approved\" y=\"0\" height=\"6\" x=\"0.000\" width=\"20.000\" data-units=\"1\"",
                        "class=\"translated\" y=\"0\" height=\"6\" x=\"20.000\" width=\"20.000\" data-units=\"1\"",
                        "class=\"untranslated\" y=\"0\" height=\"6\" x=\"40.000\" width=\"60.000\" data-units=\"3\"");
        assertThat(GATEWAY.received())
                .extracting(StubGateway.Received::path)
                .contains("/api/translations/progress/pairs", "/api/translations/progress/entries/e-minamata");
    }

    @Test
    void theQueueFiltersByTypeAssigneeAndDueDateAndIgnoresMalformedOnes() throws Exception {
        MockHttpSession session = signIn("translator");

        mvc.perform(get("/translations")
                        .param("type", "event-page")
                        .param("assignee", "tr-sato")
                        .param("due", "2003-10-28")
                        .session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"tr-sato\"")))
                .andExpect(content().string(containsString("value=\"2003-10-28\"")));
        mvc.perform(get("/translations")
                        .param("due", "28/10/2003")
                        .param("type", "Event Page; drop")
                        .session(session))
                .andExpect(status().isOk());

        List<String> queries = GATEWAY.received().stream()
                .filter(r -> r.path().equals("/api/translations/queue"))
                .map(StubGateway.Received::query)
                .toList();
        assertThat(queries.get(0)).contains("type=event-page", "assignee=tr-sato", "dueBefore=2003-10-28");
        assertThat(queries.get(1))
                .doesNotContain("dueBefore")
                .doesNotContain("assignee")
                .doesNotContain("type=");
    }

    @Test
    void theQueueOfOnePageAsksForThatEntryOnly() throws Exception {
        MockHttpSession session = signIn("translator");

        mvc.perform(get("/translations").param("page", "e-minamata").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"page\" value=\"e-minamata\"")));

        assertThat(GATEWAY.received().stream()
                        .filter(r -> r.path().equals("/api/translations/queue"))
                        .findFirst()
                        .orElseThrow()
                        .query())
                .contains("entryId=e-minamata");
    }

    @Test
    void aStateFilterTheConsoleDoesNotKnowFallsBackToOpenUnits() throws Exception {
        MockHttpSession session = signIn("translator");

        mvc.perform(get("/translations")
                        .param("state", "}{")
                        .param("source", "../x")
                        .param("page", "../../api/tokens")
                        .session(session))
                .andExpect(status().isOk());

        assertThat(GATEWAY.received().stream()
                        .filter(r -> r.path().equals("/api/translations/queue"))
                        .findFirst()
                        .orElseThrow()
                        .query())
                .contains("source=ja", "state=untranslated%2Coutdated")
                .doesNotContain("entryId");
    }

    @Test
    void theUnitScreenShowsContextAndPutsAChosenSuggestionInTheEditor() throws Exception {
        MockHttpSession session = signIn("translator");

        mvc.perform(get("/translations/units/u1").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<span lang=\"ja\">タイトル</span>")))
                .andExpect(content().string(containsString("at most 300 characters")))
                .andExpect(content().string(containsString("<span lang=\"ja\">水俣市の発表</span>")))
                .andExpect(content().string(containsString("88 %")))
                .andExpect(content().string(containsString("<dt lang=\"ja\">水俣市</dt>")))
                .andExpect(content()
                        .string(containsString(
                                "<span lang=\"en\" class=\"glossary-translation\">Minamata City</span>")))
                .andExpect(content().string(containsString("<span lang=\"en\">Minamata-shi</span>")))
                .andExpect(content().string(not(containsString("id=\"source-only-form\""))))
                .andExpect(content().string(containsString("lang=\"en\"></textarea>")));

        mvc.perform(get("/translations/units/u1").param("suggestion", "0").session(session))
                .andExpect(content()
                        .string(containsString(
                                "lang=\"en\">Toward an Environmental Model City Built with Residents</textarea>")));
    }

    @Test
    void aReviewerMarksAUnitSourceOnlyWithAReason() throws Exception {
        MockHttpSession session = signIn("reviewer");
        mvc.perform(get("/translations/units/u1").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"source-only-form\"")));

        mvc.perform(post("/translations/units/u1/source-only")
                        .session(session)
                        .with(csrf())
                        .param("reason", "Japanese only: the talk was given in Japanese"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/translations/units/u1"));

        StubGateway.Received decision = GATEWAY.received().stream()
                .filter(r -> r.method().equals("PUT") && r.path().equals("/api/translations/units/u1/decision"))
                .findFirst()
                .orElseThrow();
        assertThat(decision.body()).isEqualTo("{\"reason\":\"Japanese only: the talk was given in Japanese\"}");
        assertThat(decision.header("Authorization")).isEqualTo("Bearer tok");
    }

    @Test
    void checkingBeforeSubmittingShowsWhatWouldFailAndKeepsTheText() throws Exception {
        GATEWAY.answer("POST /api/translations/units/u1/check", 200, """
                {"passes":false,"failures":[{"code":"check.placeholders","message":"Placeholders differ: {count}."}],
                 "warnings":[{"code":"glossary.missing-term","message":"水俣市 is Minamata City in the glossary.",
                              "term":"水俣市","expected":"Minamata City"}]}""");
        MockHttpSession session = signIn("translator");

        mvc.perform(post("/translations/units/u1/check")
                        .session(session)
                        .with(csrf())
                        .param("text", "Toward a model city")
                        .param("sourceHash", HASH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Submitting this would be refused:")))
                .andExpect(content()
                        .string(containsString(
                                "<li class=\"check-failure\" lang=\"en\">Placeholders differ: {count}.</li>")))
                .andExpect(content().string(containsString("水俣市 is Minamata City in the glossary.")))
                .andExpect(content().string(containsString("lang=\"en\">Toward a model city</textarea>")));

        StubGateway.Received check = GATEWAY.received().stream()
                .filter(r -> r.path().equals("/api/translations/units/u1/check"))
                .findFirst()
                .orElseThrow();
        assertThat(check.body()).isEqualTo("{\"text\":\"Toward a model city\"}");
        assertThat(GATEWAY.received()).noneMatch(r -> r.path().endsWith("/submit"));
    }

    @Test
    void submittingSendsTheTextWithTheSourceHashItWasMadeFrom() throws Exception {
        MockHttpSession session = signIn("translator");

        mvc.perform(post("/translations/units/u1/submit")
                        .session(session)
                        .with(csrf())
                        .param("text", "Toward an Environmental Model City (Minamata City)")
                        .param("sourceHash", HASH))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/translations/units/u1"));

        StubGateway.Received submit = GATEWAY.received().stream()
                .filter(r -> r.path().equals("/api/translations/units/u1/submit"))
                .findFirst()
                .orElseThrow();
        assertThat(submit.body())
                .contains(
                        "\"text\":\"Toward an Environmental Model City (Minamata City)\"", "\"sourceHash\":\"" + HASH);
    }

    @Test
    void aFormPostedWithoutTheCsrfTokenIsRefusedAndSubmitsNothing() throws Exception {
        MockHttpSession session = signIn("translator");
        GATEWAY.received().clear();

        mvc.perform(post("/translations/units/u1/submit")
                        .session(session)
                        .param("text", "x")
                        .param("sourceHash", HASH))
                .andExpect(status().isForbidden());

        assertThat(GATEWAY.received()).isEmpty();
    }

    @Test
    void failedChecksShowTheUnitAgainWithTheMessageAndTheTextKept() throws Exception {
        GATEWAY.answer("POST /api/translations/units/u1/submit", 422, """
                {"status":422,"code":"translation.checks-failed","detail":"The translation fails its checks.",
                 "errors":[{"field":"text","code":"check.placeholders","message":"{count} is missing"}]}""");
        MockHttpSession session = signIn("translator");

        mvc.perform(post("/translations/units/u1/submit")
                        .session(session)
                        .with(csrf())
                        .param("text", "My text kept")
                        .param("sourceHash", HASH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The translation does not pass the checks.")))
                .andExpect(content().string(containsString("{count} is missing")))
                .andExpect(content().string(containsString(">My text kept</textarea>")));
    }

    @Test
    void aReviewerApprovesACorrectionWithItsTextAndAnUnchangedSubmissionWithout() throws Exception {
        String draft = "{\"text\":\"Toward an Enviromental Model City\",\"sourceHash\":\"" + HASH
                + "\",\"translator\":\"dev-translator\"}";
        GATEWAY.answer("GET /api/translations/units/u1", 200, unit("translated", draft));
        MockHttpSession session = signIn("reviewer");

        mvc.perform(get("/translations/units/u1").session(session))
                .andExpect(content().string(containsString("id=\"approve-form\"")))
                .andExpect(content().string(not(containsString("id=\"submit-form\""))));

        mvc.perform(post("/translations/units/u1/approve")
                        .session(session)
                        .with(csrf())
                        .param("text", "Toward an Environmental Model City"))
                .andExpect(redirectedUrl("/translations/review?source=ja&target=en"));
        mvc.perform(post("/translations/units/u1/approve")
                        .session(session)
                        .with(csrf())
                        .param("text", "Toward an Enviromental Model City"))
                .andExpect(status().isFound());

        var approvals = GATEWAY.received().stream()
                .filter(r -> r.path().equals("/api/translations/units/u1/approve"))
                .map(StubGateway.Received::body)
                .toList();
        assertThat(approvals).containsExactly("{\"text\":\"Toward an Environmental Model City\"}", "{}");
    }

    @Test
    void aReviewerSeesWhatTheSubmissionChangesInTheCurrentTranslation() throws Exception {
        String draft = "{\"text\":\"Toward an Environmental Model City Built with Residents\",\"sourceHash\":\"" + HASH
                + "\",\"translator\":\"dev-translator\"}";
        GATEWAY.answer(
                "GET /api/translations/units/u1",
                200,
                unit("translated", draft)
                        .replace(
                                "\"target\":null",
                                "\"target\":{\"text\":\"Toward an Environmental Model City\",\"sourceHash\":\"" + HASH
                                        + "\",\"landedFrom\":\"u0\",\"author\":\"rv-mori\"}"));
        MockHttpSession session = signIn("reviewer");

        mvc.perform(get("/translations/units/u1").session(session))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString(
                                "<p class=\"diff\" lang=\"en\"><span>Toward an Environmental Model City</span>"
                                        + "<ins> Built with Residents</ins></p>")))
                .andExpect(content().string(not(containsString("id=\"review-first\""))));

        GATEWAY.answer("GET /api/translations/units/u1", 200, unit("translated", draft));
        mvc.perform(get("/translations/units/u1").session(session))
                .andExpect(content().string(containsString("id=\"review-first\"")))
                .andExpect(content().string(not(containsString("id=\"review-diff\""))));
    }

    @Test
    void theEditorPublishesAReadyLocaleWithTheVersionItSaw() throws Exception {
        GATEWAY.answer("GET /api/content/ready-to-publish", 200, """
                        {"items":[{"entryId":"e-minamata","type":"event-page","state":"draft","version":7,
                          "publishedVersion":5,"title":"Minamata","changes":[{"path":"title","change":"changed",
                          "published":"Old title","draft":"Toward an Environmental Model City","author":"dev-reviewer",
                          "unitId":"u1"}]}],"next":null}""")
                .answer("POST /api/content/entries/e-minamata/locales/en/publish", 200, "{\"version\":8}");
        MockHttpSession session = signIn("editor");

        mvc.perform(get("/translations/ready").param("locale", "en").session(session))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(containsString("<ins lang=\"en\">Toward an Environmental Model City</ins>")));
        mvc.perform(post("/translations/ready/e-minamata/publish")
                        .session(session)
                        .with(csrf())
                        .param("locale", "en")
                        .param("version", "7"))
                .andExpect(redirectedUrl("/translations/ready?locale=en"));

        StubGateway.Received publish = GATEWAY.received().stream()
                .filter(r -> r.path().equals("/api/content/entries/e-minamata/locales/en/publish"))
                .findFirst()
                .orElseThrow();
        assertThat(publish.header("If-Match")).isEqualTo("\"7\"");
    }

    @Test
    void theQueueSpeaksJapanese() throws Exception {
        MockHttpSession session = signIn("translator");

        mvc.perform(get("/translations").header("Accept-Language", "ja").session(session))
                .andExpect(content().string(containsString("日本語のみ（ja → en）")))
                .andExpect(content().string(containsString("23文字")));
    }

    /** The HTML from the element holding {@code attribute} to the end of its table or bar. */
    static String section(String html, String attribute) {
        int at = html.indexOf(attribute);
        assertThat(at).as(attribute).isNotNegative();
        int end = html.indexOf("</table>", at);
        return html.substring(at, end < 0 ? html.length() : end);
    }

    MockHttpSession signIn(String role) throws Exception {
        return (MockHttpSession) mvc.perform(
                        post("/sign-in/dev").with(csrf()).param("role", role).param("pair", "ja:en"))
                .andExpect(status().isFound())
                .andReturn()
                .getRequest()
                .getSession();
    }
}

package dev.hashi.console.pages;

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
class PageEditorTest {

    static final StubGateway GATEWAY = new StubGateway();

    static final String ENTRY = """
            {"entryId":"e-1","type":"event-page","version":4,"slugs":{"en":"wpc","ja":"wpc-ja"},
             "workflow":{"en":{"state":"published","publishedVersion":3},"ja":{"state":"draft","publishedVersion":null}},
             "missing":["en"],
             "fields":{"title":{"en":{"value":"Kitakyushu","originLocale":"en","updatedBy":"ed","source":true,"outdated":false},
                                "ja":{"value":"北九州","originLocale":"en","updatedBy":"tr","source":false,"outdated":false}},
                       "sessions":[{"id":"s-1","presentations":[{"id":"p-1","title":{"ja":{"value":"水俣","originLocale":"ja",
                                    "updatedBy":"ed","source":true,"outdated":false}}}]}]}}
            """;

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

    MockHttpSession session;

    @BeforeEach
    void signIn() throws Exception {
        GATEWAY.received().clear();
        GATEWAY.answer("POST /api/dev/tokens", 200, "{\"token\":\"tok\",\"expiresAt\":\"2099-01-01T00:00:00Z\"}")
                .answer("GET /api/content/entries/e-1", 200, ENTRY)
                .answer("GET /api/content/types/event-page", 200, "{\"type\":\"event-page\",\"titleField\":\"title\"}")
                .answer("GET /api/content/entries/e-1/schedules", 200, "{\"items\":[]}");
        session =
                (MockHttpSession) mvc.perform(post("/sign-in/dev").with(csrf()).param("role", "editor"))
                        .andReturn()
                        .getRequest()
                        .getSession();
    }

    @Test
    void theEditorShowsEachLocaleSideBySideWithLangAndOrigin() throws Exception {
        mvc.perform(get("/pages/e-1").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lang=\"ja\" value=\"北九州\"")))
                .andExpect(content().string(containsString("form=\"edit-ja\"")))
                .andExpect(content().string(containsString("translated from English by tr")))
                .andExpect(content().string(containsString("missing — delivery falls back to Japanese")));
    }

    @Test
    void savingOneLocaleSendsOnlyItsChangedValuesWithTheVersion() throws Exception {
        GATEWAY.answer("PATCH /api/content/entries/e-1", 200, ENTRY);

        mvc.perform(post("/pages/e-1/locales/ja")
                        .session(session)
                        .with(csrf())
                        .param("version", "4")
                        .param("f.title", "北九州会議")
                        .param("o.title", "北九州")
                        .param("f.sessions[s-1].presentations[p-1].title", "水俣")
                        .param("o.sessions[s-1].presentations[p-1].title", "水俣"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/pages/e-1?saved=ja&version=5"));

        StubGateway.Received patch = GATEWAY.received().stream()
                .filter(r -> r.method().equals("PATCH"))
                .findFirst()
                .orElseThrow();
        assertThat(patch.header("If-Match")).isEqualTo("\"4\"");
        assertThat(patch.header("Content-Type")).isEqualTo("application/json-patch+json");
        assertThat(patch.body()).isEqualTo("[{\"op\":\"add\",\"path\":\"/fields/title/ja\",\"value\":\"北九州会議\"}]");
    }

    @Test
    void aConflictIsShownAsTheClashingFieldWithBothTexts() throws Exception {
        GATEWAY.answer(
                "PATCH /api/content/entries/e-1",
                412,
                "{\"status\":412,\"code\":\"version.conflict\",\"currentVersion\":4,\"baseVersion\":3,"
                        + "\"conflicts\":[{\"path\":\"title\",\"locale\":\"ja\"}]}");

        mvc.perform(post("/pages/e-1/locales/ja")
                        .session(session)
                        .with(csrf())
                        .param("version", "3")
                        .param("f.title", "私の題名")
                        .param("o.title", "古い題名"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"conflict\"")))
                .andExpect(content().string(containsString("value clash")))
                .andExpect(content().string(containsString("value=\"私の題名\"")))
                .andExpect(content().string(containsString("class=\"current-text\">北九州</span>")))
                .andExpect(content().string(not(containsString("Something went wrong"))));
    }

    @Test
    void aPublishRefusalIsShownInTheEditor() throws Exception {
        GATEWAY.answer(
                "POST /api/content/entries/e-1/locales/ja/publish",
                422,
                "{\"status\":422,\"code\":\"publish.invalid\",\"errors\":[{\"field\":\"summary\","
                        + "\"code\":\"publish.required-missing\",\"message\":\"summary is required\"}]}");

        mvc.perform(post("/pages/e-1/locales/ja/workflow")
                        .session(session)
                        .with(csrf())
                        .param("action", "publish")
                        .param("version", "4"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This locale cannot be published yet.")))
                .andExpect(content().string(containsString("summary is required")));
    }

    @Test
    void anEntryIdThatIsNotOneIsNotSentToTheGateway() throws Exception {
        mvc.perform(get("/pages/..%2Fadmin").session(session)).andExpect(status().is4xxClientError());

        assertThat(GATEWAY.received()).noneMatch(r -> r.path().contains("admin"));
    }
}

package dev.hashi.console.admin;

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
class AdminScreensTest {

    static final StubGateway GATEWAY = new StubGateway();

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
                .answer("GET /api/tokens", 200, """
                        {"items":[{"id":"t-1","name":"ci","roles":["editor"],"localePairs":[],
                          "createdAt":"2026-12-01T00:00:00Z","createdBy":"dev-admin","expiresAt":"2027-03-01T00:00:00Z",
                          "revokedAt":null}],"total":1}""")
                .answer("GET /api/content/types", 200, """
                        {"items":[{"type":"event-page","name":"Event page","component":false,
                          "fields":[{"key":"title"},{"key":"summary"}],"version":2}],"next":null,"total":1}""")
                .answer("GET /api/delivery/locales", 200, """
                        {"defaultLocale":"en","locales":[{"tag":"en","fallbacks":["ja"],"chain":["en","ja"],
                          "names":{"en":"English","ja":"英語"}},{"tag":"ja","fallbacks":["en"],"chain":["ja","en"],
                          "names":{"en":"Japanese","ja":"日本語"}}]}""")
                .answer("POST /api/tokens", 201, """
                        {"id":"t-2","name":"translators","token":"hashi_secret_once","roles":["translator"],
                         "localePairs":["ja:en"],"expiresAt":"2027-03-01T00:00:00Z"}""")
                .answer("DELETE /api/tokens/t-1", 204, "");
    }

    @Test
    void onlyAdminsSeeTheAdminScreen() throws Exception {
        mvc.perform(get("/admin").session(signIn("editor"))).andExpect(status().isForbidden());
        assertThat(GATEWAY.received()).noneMatch(r -> r.path().equals("/api/tokens"));
    }

    @Test
    void theAdminScreenListsTokensTypesAndLocales() throws Exception {
        mvc.perform(get("/admin").session(signIn("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<code>event-page</code>")))
                .andExpect(content().string(containsString("<span lang=\"ja\">日本語</span>")))
                .andExpect(content().string(containsString("en → ja")))
                .andExpect(content().string(containsString("id=\"token-t-1\"")));
    }

    @Test
    void aNewTokensSecretIsShownOnceAndNotAgain() throws Exception {
        MockHttpSession session = signIn("admin");

        mvc.perform(post("/admin/tokens")
                        .session(session)
                        .with(csrf())
                        .param("name", "translators")
                        .param("roles", "translator")
                        .param("pairs", "ja:en")
                        .param("validDays", "30"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"hashi_secret_once\"")));
        mvc.perform(get("/admin").session(session))
                .andExpect(content().string(not(containsString("hashi_secret_once"))));

        StubGateway.Received create = GATEWAY.received().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/api/tokens"))
                .findFirst()
                .orElseThrow();
        assertThat(create.body())
                .isEqualTo("{\"name\":\"translators\",\"roles\":[\"translator\"],\"localePairs\":[\"ja:en\"],"
                        + "\"validDays\":30}");
    }

    @Test
    void revokingDeletesTheToken() throws Exception {
        mvc.perform(post("/admin/tokens/t-1/revoke").session(signIn("admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin"));

        assertThat(GATEWAY.received())
                .anyMatch(r -> r.method().equals("DELETE") && r.path().equals("/api/tokens/t-1"));
    }

    MockHttpSession signIn(String role) throws Exception {
        return (MockHttpSession) mvc.perform(post("/sign-in/dev").with(csrf()).param("role", role))
                .andExpect(status().isFound())
                .andReturn()
                .getRequest()
                .getSession();
    }
}

package dev.hashi.console.signin;

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
import org.springframework.test.web.servlet.MvcResult;

import dev.hashi.console.StubGateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(
        properties = {
            "cms.console.sign-in.profile=dev",
            "server.servlet.session.cookie.secure=false",
            "cms.console.sessions.store=servlet" // MockHttpSession: the container's sessions
        })
@AutoConfigureMockMvc
class SignInTest {

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
        GATEWAY.answer("POST /api/dev/tokens", 200, "{\"token\":\"tok-editor\",\"expiresAt\":\"2099-01-01T00:00:00Z\"}")
                .answer("GET /api/content/entries", 200, "{\"items\":[],\"next\":null,\"total\":0}")
                .answer("GET /api/content/types", 200, "{\"items\":[],\"next\":null,\"total\":0}")
                .answer("GET /api/content/ready-to-publish", 200, "{\"items\":[],\"next\":null}");
    }

    @Test
    void aScreenWithoutSignInRedirectsToTheSignInPage() throws Exception {
        mvc.perform(get("/pages")).andExpect(status().isFound()).andExpect(redirectedUrl("/sign-in"));
    }

    @Test
    void anHtmxRequestWithoutSignInIsToldWhereToGo() throws Exception {
        mvc.perform(get("/pages").header("HX-Request", "true"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/sign-in"));
    }

    @Test
    void theSignInPageSpeaksTheBrowsersLanguage() throws Exception {
        mvc.perform(get("/sign-in").header("Accept-Language", "ja-JP,ja;q=0.9,en;q=0.5"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<html lang=\"ja\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("サインイン")));
        mvc.perform(get("/sign-in").header("Accept-Language", "fr-FR,en;q=0.5"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<html lang=\"en\"")));
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndSignsNobodyIn() throws Exception {
        mvc.perform(post("/sign-in/dev").param("role", "editor")).andExpect(status().isForbidden());

        assertThat(GATEWAY.received()).isEmpty();
    }

    @Test
    void devSignInKeepsTheGatewaysTokenInTheSessionAndSendsItOnEveryCall() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/pages").session(session)).andExpect(redirectedUrl("/sign-in"));
        MvcResult signedIn = mvc.perform(post("/sign-in/dev")
                        .session(session)
                        .with(csrf())
                        .param("role", "translator")
                        .param("pair", "ja:en"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/pages"))
                .andReturn();
        MockHttpSession current = (MockHttpSession) signedIn.getRequest().getSession();

        assertThat(GATEWAY.received().get(0).body())
                .contains("\"roles\":[\"translator\"]")
                .contains("\"localePairs\":[\"ja:en\"]");
        mvc.perform(get("/pages").session(current))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("dev-translator")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("tok-"))));
        assertThat(GATEWAY.received())
                .filteredOn(r -> r.path().equals("/api/content/entries"))
                .singleElement()
                .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer tok-editor"));
    }

    @Test
    void anUnknownRoleIsNotSentToTheGateway() throws Exception {
        mvc.perform(post("/sign-in/dev").with(csrf()).param("role", "service"))
                .andExpect(redirectedUrl("/sign-in?invalid"));

        assertThat(GATEWAY.received()).isEmpty();
    }

    @Test
    void aRefusalOfTheGatewayIsShownAsAMessageNotAnErrorPage() throws Exception {
        MockHttpSession session = signIn("editor");
        GATEWAY.answer(
                "GET /api/content/entries",
                403,
                "{\"status\":403,\"code\":\"auth.forbidden\",\"detail\":\"no\",\"requestId\":\"req-9\"}");

        mvc.perform(get("/pages").session(session).header("Accept-Language", "ja"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("このロールでは実行できません")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("req-9")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("at dev.hashi"))));
    }

    @Test
    void aTokenTheGatewayNoLongerAcceptsEndsTheSession() throws Exception {
        MockHttpSession session = signIn("editor");
        GATEWAY.answer("GET /api/content/entries", 401, "{\"status\":401,\"code\":\"auth.invalid-token\"}");

        mvc.perform(get("/pages").session(session)).andExpect(redirectedUrl("/sign-in?expired"));
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void signOutEndsTheSession() throws Exception {
        MockHttpSession session = signIn("editor");

        mvc.perform(post("/sign-out").session(session).with(csrf())).andExpect(redirectedUrl("/sign-in?signed-out"));
        assertThat(session.isInvalid()).isTrue();
    }

    private MockHttpSession signIn(String role) throws Exception {
        MvcResult result = mvc.perform(post("/sign-in/dev").with(csrf()).param("role", role))
                .andExpect(status().isFound())
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession();
    }
}

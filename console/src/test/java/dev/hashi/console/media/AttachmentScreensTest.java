package dev.hashi.console.media;

import java.nio.charset.StandardCharsets;

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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(
        properties = {
            "cms.console.sign-in.profile=dev",
            "server.servlet.session.cookie.secure=false",
            "cms.console.sessions.store=servlet" // MockHttpSession: the container's sessions
        })
@AutoConfigureMockMvc
class AttachmentScreensTest {

    static final StubGateway GATEWAY = new StubGateway();

    static final String ASSET = """
            {"assetId":"a-1","kind":"presentation","title":{"ja":{"text":"福岡市の取組み"},"en":{"text":"Fukuoka"}},
             "availability":{"state":"on_request","contactText":{"ja":{"text":"事務局にお問い合わせください"}}},
             "variants":[{"locale":"ja","sizeBytes":6815744,"contentType":"application/pdf","fileName":"福岡.pdf",
                          "storedAt":"2026-12-01T00:00:00Z"}],"referenced":true,"version":4}""";

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
                        "GET /api/media/assets",
                        200,
                        "{\"items\":[" + ASSET + ",{\"assetId\":\"a-2\",\"kind\":\"document\",\"title\":{\"en\":"
                                + "{\"text\":\"Report\"}},\"availability\":{\"state\":\"pending\",\"expectedAt\":"
                                + "\"2026-12-24\"},\"variants\":[],\"referenced\":false,\"version\":1}],\"next\":null}")
                .answer("GET /api/media/assets/a-1", 200, ASSET)
                .answer("PUT /api/media/assets/a-1/variants/en", 200, ASSET.replace("\"version\":4", "\"version\":5"))
                .answer("POST /api/media/assets", 201, ASSET);
    }

    @Test
    void theListShowsAvailabilityWithContactTextAndExpectedDate() throws Exception {
        MockHttpSession session = signIn();

        mvc.perform(get("/attachments").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<span lang=\"ja\">福岡市の取組み</span>")))
                .andExpect(content().string(containsString("on request")))
                .andExpect(content().string(containsString("<span lang=\"ja\">事務局にお問い合わせください</span>")))
                .andExpect(content().string(containsString("expected on 2026-12-24")));
    }

    @Test
    void theAssetShowsItsVariantPerLocaleAndAnUploadFormForEach() throws Exception {
        MockHttpSession session = signIn();

        mvc.perform(get("/attachments/a-1").header("Accept-Language", "ja").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<span lang=\"ja\">福岡.pdf</span>")))
                .andExpect(content().string(containsString("6,815,744バイト")))
                .andExpect(content().string(containsString("data-upload-url=\"/attachments/a-1/variants/en\"")))
                .andExpect(content().string(containsString("要問い合わせ")));
    }

    @Test
    void anUploadIsStreamedOnToTheGatewayWithItsTypeAndFileName() throws Exception {
        MockHttpSession session = signIn();
        byte[] file = "%PDF-1.7 slides".repeat(1000).getBytes(StandardCharsets.US_ASCII);

        mvc.perform(put("/attachments/a-1/variants/en")
                        .session(session)
                        .with(csrf())
                        .param("fileName", "水俣 slides.pdf")
                        .contentType("application/pdf")
                        .content(file))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(true))
                .andExpect(jsonPath("$.version").value(5));

        StubGateway.Received upload = GATEWAY.received().stream()
                .filter(r -> r.method().equals("PUT"))
                .findFirst()
                .orElseThrow();
        assertThat(upload.path()).isEqualTo("/api/media/assets/a-1/variants/en");
        assertThat(upload.query()).isEqualTo("fileName=%E6%B0%B4%E4%BF%A3+slides.pdf");
        assertThat(upload.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(upload.header("Authorization")).isEqualTo("Bearer tok");
        assertThat(upload.body()).isEqualTo(new String(file, StandardCharsets.US_ASCII));
    }

    @Test
    void anUploadTheGatewayRefusesAnswersItsStatusAndMessage() throws Exception {
        GATEWAY.answer("PUT /api/media/assets/a-1/variants/en", 400, """
                {"status":400,"code":"request.invalid","errors":[{"field":"fileName","code":"media.file-name",
                 "message":"The file name may not contain '/'."}]}""");
        MockHttpSession session = signIn();

        mvc.perform(put("/attachments/a-1/variants/en")
                        .session(session)
                        .with(csrf())
                        .contentType("application/pdf")
                        .content(new byte[] {1, 2, 3}))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.ok").value(false))
                .andExpect(jsonPath("$.message").value("The file name may not contain '/'."));
    }

    @Test
    void anUploadWithoutTheCsrfHeaderIsRefusedAndSendsNothing() throws Exception {
        MockHttpSession session = signIn();
        GATEWAY.received().clear();

        mvc.perform(put("/attachments/a-1/variants/en")
                        .session(session)
                        .contentType("application/pdf")
                        .content(new byte[] {1, 2, 3}))
                .andExpect(status().isForbidden());

        assertThat(GATEWAY.received()).isEmpty();
    }

    @Test
    void aNewAssetIsCreatedWithTitlesPerLocaleAndItsAvailability() throws Exception {
        MockHttpSession session = signIn();

        mvc.perform(post("/attachments")
                        .session(session)
                        .with(csrf())
                        .param("kind", "presentation")
                        .param("title.ja", "福岡市の取組み")
                        .param("title.en", "")
                        .param("availability", "pending")
                        .param("expectedAt", "2026-12-24"))
                .andExpect(redirectedUrl("/attachments/a-1"));

        StubGateway.Received create = GATEWAY.received().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/api/media/assets"))
                .findFirst()
                .orElseThrow();
        assertThat(create.body())
                .isEqualTo("{\"kind\":\"presentation\",\"title\":{\"ja\":{\"text\":\"福岡市の取組み\"}},"
                        + "\"availability\":{\"state\":\"pending\",\"expectedAt\":\"2026-12-24\"}}");
    }

    MockHttpSession signIn() throws Exception {
        return (MockHttpSession) mvc.perform(post("/sign-in/dev").with(csrf()).param("role", "editor"))
                .andExpect(status().isFound())
                .andReturn()
                .getRequest()
                .getSession();
    }
}

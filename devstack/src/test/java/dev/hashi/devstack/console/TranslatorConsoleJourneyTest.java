package dev.hashi.devstack.console;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

import dev.hashi.devstack.SharedStack;
import dev.hashi.devstack.StackApi;
import dev.hashi.devstack.Team;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The translation journeys of the console in Chromium, through the gateway of a launched dev stack with the seeds
 * loaded: a translator finds the seeded page's Minamata title in the Japanese-only queue, uses the translation
 * memory's suggestion, checks it and submits; a reviewer corrects and approves; the editor sees the landed title
 * ready to publish and publishes English, which the English page's preview and delivery then show, and the page's
 * progress counts it; an editor uploads a file of a few MB with a progress bar; an admin creates and revokes a token.
 * Screenshots of the Translations, Progress, Attachments and Admin screens go to {@code docs/console/} in both UI
 * languages, each checked for content wider than the window.
 */
@SharedStack(SharedStack.CONSOLE)
class TranslatorConsoleJourneyTest {

    static final String MINAMATA = "住民協働の環境モデル都市づくりを目指して~水俣市~";
    static final String REMEMBERED = "Toward an Environmental Model City Built with Residents ~Minamata City~";
    static final String CORRECTED = "Toward an Environmental Model City Built with Its Residents ~Minamata City~";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration WAIT = Duration.ofSeconds(60);

    /** The slugs of this run's pages (a stack the journeys ran against before may hold those of earlier runs). */
    static final String RUN = Long.toString(System.nanoTime(), 36);

    @RegisterExtension
    static final Browsers.Shared browsers = new Browsers.Shared();

    static StackApi stack;
    static String admin;
    static String editor;
    static String translator;
    static String reviewer;

    @BeforeAll
    static void signInTheTeamAndDefineTheSeedTypes(StackApi shared) throws Exception {
        stack = shared;
        Team team = Team.signIn(stack);
        admin = team.admin();
        editor = team.editor();
        translator = team.translator();
        reviewer = team.reviewer();
    }

    @Test
    void aSuggestionTranslatesTheMinamataTitleAReviewerCorrectsItAndTheEditorPublishesEnglish() throws Exception {
        // translation memory remembers an approved translation of the same title on another page
        String remembered = createPage("console-memory-" + RUN);
        String rememberedUnit = awaitUnit(remembered);
        submitAndApprove(rememberedUnit, REMEMBERED);
        // the Minamata presentation of the page the stack seeded, published in English and Japanese
        KitakyushuPage seeded = KitakyushuPage.seeded(stack);
        String entryId = seeded.entryId;
        String unitId = awaitUnit(entryId);

        try (BrowserContext context = newContext("en-GB")) {
            Page tab = signedIn(context, "translator");
            tab.navigate(stack.gateway() + "/translations?source=ja&target=en&page=" + entryId);
            Locator row = tab.locator("#unit-" + unitId);
            assertThat(row.locator("a.unit-link[lang=ja]")).hasText(MINAMATA);
            assertThat(row).containsText("23 characters");
            Screens.shoot(tab, "translations", "en");

            row.locator("a.unit-link").click();
            assertThat(tab.locator("#source-text")).hasAttribute("lang", "ja");
            // the remembered translation, whichever place other approved translations of the title give it
            Locator suggestion = tab.locator("#unit-suggestions li")
                    .filter(new Locator.FilterOptions()
                            .setHas(tab.locator(".suggestion-text", new Page.LocatorOptions().setHasText(REMEMBERED))));
            assertThat(suggestion.locator(".suggestion-text")).hasText(REMEMBERED);
            Screens.shoot(tab, "translation-unit", "en");
            suggestion.locator("a.use-suggestion").click();
            assertThat(tab.locator("#translation-text")).hasValue(REMEMBERED);
            // the checks run before submitting, on the text in the editor, and keep it there
            tab.locator("#check").click();
            assertThat(tab.locator("#check-results")).isVisible();
            assertThat(tab.locator("#check-results .check-failure")).hasCount(0);
            assertThat(tab.locator("#translation-text")).hasValue(REMEMBERED);
            assertThat(unit(unitId).path("state").asString()).isEqualTo("untranslated");
            tab.locator("#submit").click();
            assertThat(tab.locator(".message.ok")).isVisible();

            tab.locator("header.shell button[value=ja]").click();
            assertThat(tab.locator("html")).hasAttribute("lang", "ja");
            Screens.shoot(tab, "translation-unit", "ja");
            tab.navigate(stack.gateway() + "/translations?source=ja&target=en&state=all&page=" + entryId);
            assertThat(tab.locator("#unit-" + unitId)).containsText("23文字");
            Screens.shoot(tab, "translations", "ja");
        }
        assertThat(unit(unitId).path("state").asString()).isEqualTo("translated");

        try (BrowserContext context = newContext("en-GB")) {
            Page tab = signedIn(context, "reviewer");
            tab.navigate(stack.gateway() + "/translations/review?source=ja");
            Locator row = tab.locator("#unit-" + unitId);
            assertThat(row.locator("a.unit-link[lang=en]")).hasText(REMEMBERED);
            row.locator("a.unit-link").click();
            assertThat(tab.locator("#review-text")).hasValue(REMEMBERED);
            // the seeded title had no English value: nothing to compare the submission with
            assertThat(tab.locator("#review-first")).isVisible();
            tab.locator("#review-text").fill(CORRECTED);
            Screens.shoot(tab, "review", "en");
            tab.locator("#approve").click();
            assertThat(tab.locator(".message.ok")).hasText("Approved with your correction.");
        }

        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> englishTitle(entryId).equals(CORRECTED));
        try (BrowserContext context = newContext("en-GB")) {
            Page tab = signedIn(context, "editor");
            tab.navigate(stack.gateway() + "/translations/ready?locale=en");
            Locator ready = tab.locator("#ready-" + entryId);
            assertThat(ready.locator("ins[lang=en]")).hasText(CORRECTED);
            Screens.shoot(tab, "ready", "en");
            ready.locator("button.publish").click();
            assertThat(tab.locator(".message.ok")).isVisible();
            assertThat(tab.locator("#ready-" + entryId)).hasCount(0);
            tab.locator("header.shell button[value=ja]").click();
            Screens.shoot(tab, "ready", "ja");

            // the English page's preview in the editor shows the English title, in English, no longer a fallback
            tab.navigate(stack.gateway() + "/pages/" + entryId + "/preview/en");
            Locator title = tab.locator("#preview dd[data-path*=presentations][data-path$='title']")
                    .filter(new Locator.FilterOptions().setHasText(CORRECTED));
            assertThat(title.locator("span[lang=en]")).hasText(CORRECTED);
            assertThat(title.locator(".fallback-note")).hasCount(0);
        }
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            HttpResponse<String> english = stack.get("/api/delivery/entries/event-page/" + seeded.slug + "?locale=en");
            assertThat(english.statusCode()).as(english.body()).isEqualTo(200);
            assertThat(english.body()).contains(CORRECTED);
        });

        // the page's progress: the Minamata title approved, the other Japanese-only titles still to do
        try (BrowserContext context = newContext("en-GB")) {
            Page tab = signedIn(context, "translator");
            tab.navigate(stack.gateway() + "/translations/progress?page=" + entryId);
            Locator numbers = tab.locator("#progress-page-ja-en-characters");
            assertThat(numbers.locator("td[data-state=approved]")).hasText("1");
            assertThat(numbers.locator("td[data-state=untranslated]"))
                    .hasText(String.valueOf(KitakyushuPage.SEEDED_JAPANESE_ONLY.size() - 1));
            assertThat(numbers.locator("td.units")).hasText(String.valueOf(KitakyushuPage.SEEDED_JAPANESE_ONLY.size()));
            // 120 characters in the five titles, 23 of them in the approved Minamata title
            assertThat(numbers.locator("td.size")).hasText("120 characters");
            assertThat(numbers.locator("td.remaining")).hasText("97 characters");
            assertThat(tab.locator("#progress-page svg.progress-bar rect.approved"))
                    .hasAttribute("data-units", "1");
            Screens.shoot(tab, "progress", "en");
            tab.locator("header.shell button[value=ja]").click();
            assertThat(tab.locator("#progress-page-ja-en-characters td.remaining"))
                    .hasText("97文字");
            Screens.shoot(tab, "progress", "ja");
        }
    }

    @Test
    void anEditorUploadsAFileOfAFewMegabytesWithAProgressBar() throws Exception {
        byte[] file = new byte[5 * 1024 * 1024];
        byte[] header = "%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, file, 0, header.length);
        for (int i = header.length; i < file.length; i++) {
            file[i] = (byte) ('a' + i % 26);
        }
        try (BrowserContext context = newContext("en-GB")) {
            Page tab = signedIn(context, "editor");
            tab.navigate(stack.gateway() + "/attachments");
            tab.locator("#new-kind").selectOption("presentation");
            tab.locator("#new-title-ja").fill("水俣市の取組み（発表資料）");
            tab.locator("#new-availability").selectOption("on_request");
            tab.locator("#new-contact-ja").fill("事務局にお問い合わせください。");
            tab.locator("#create-asset").click();
            assertThat(tab.locator("h1 span[lang=ja]")).hasText("水俣市の取組み（発表資料）");
            assertThat(tab.locator("#asset-facts .contact span[lang=ja]")).hasText("事務局にお問い合わせください。");

            tab.locator("#file-en").setInputFiles(new FilePayload("minamata-slides.pdf", "application/pdf", file));
            tab.locator("#upload-en").click();
            assertThat(tab.locator("#progress-en")).isVisible();
            assertThat(tab.locator("#variant-en output")).containsText("Uploaded.");
            // the bar is moved by the upload's progress events only: at 100 they reported the whole file sent
            assertThat(tab.locator("#progress-en")).hasJSProperty("value", 100);
            Screens.shoot(tab, "attachment", "en");

            tab.locator("#variant-en output a").click();
            assertThat(tab.locator("#variant-en .stored span[lang=en]")).hasText("minamata-slides.pdf");
            assertThat(tab.locator("#variant-en .stored")).containsText("5,242,880 bytes");
            tab.navigate(stack.gateway() + "/attachments");
            Screens.shoot(tab, "attachments", "en");
            tab.locator("header.shell button[value=ja]").click();
            Screens.shoot(tab, "attachments", "ja");
        }
    }

    @Test
    void anAdminCreatesATokenSeesItsSecretOnceAndRevokesIt() throws Exception {
        String name = "console-ci-" + RUN;
        try (BrowserContext context = newContext("ja-JP")) {
            Page tab = signedIn(context, "admin");
            tab.navigate(stack.gateway() + "/admin");
            assertThat(tab.locator("#type-list")).containsText("event-page");
            assertThat(tab.locator("#locale-list span[lang=ja]").first()).isVisible();
            tab.locator("#token-name").fill(name);
            tab.locator("#create-token input[value=editor]").check();
            tab.locator("#create-token-submit").click();
            Locator secret = tab.locator("#token-secret");
            assertThat(secret).isVisible();
            String value = secret.inputValue();
            assertThat(value).isNotBlank();
            Screens.shoot(tab, "admin", "ja");

            tab.navigate(stack.gateway() + "/admin");
            assertThat(tab.locator("#token-secret")).hasCount(0);
            assertThat(tab.content()).doesNotContain(value);
            Locator row = tab.locator("#token-list tr", new Page.LocatorOptions().setHasText(name));
            row.locator("button.danger").click();
            assertThat(tab.locator("#token-list tr", new Page.LocatorOptions().setHasText(name))
                            .locator(".badge.archived"))
                    .isVisible();
            tab.locator("header.shell button[value=en]").click();
            Screens.shoot(tab, "admin", "en");
        }
    }

    private static BrowserContext newContext(String locale) {
        BrowserContext context = browsers.browser()
                .newContext(new Browser.NewContextOptions().setLocale(locale).setViewportSize(1280, 900));
        // the services' JVMs are cold and share two cores with the rest of the build: a first page can take long
        context.setDefaultTimeout(60_000);
        return context;
    }

    private static Page signedIn(BrowserContext context, String role) {
        Page tab = context.newPage();
        tab.navigate(stack.gateway() + "/sign-in");
        tab.locator("#role-" + role).check();
        if (role.equals("translator") || role.equals("reviewer")) {
            tab.locator("#pair-ja-en").check();
        }
        tab.locator("#dev-sign-in-submit").click();
        assertThat(tab.locator("#signed-in-user")).hasText("dev-" + role);
        return tab;
    }

    /** An event page with one presentation titled {@link #MINAMATA} in Japanese only; its entry id. */
    private static String createPage(String slug) throws Exception {
        Map<String, Object> fields = Map.of(
                "title",
                "World Partnership Conference on Sustainable Development (" + slug + ")",
                "summary",
                "A declaration was adopted at the Conference.",
                "date",
                "2003-10-28",
                "sessions",
                List.of(Map.of(
                        "title",
                        "Local Governments",
                        "presentations",
                        List.of(Map.of("presenter", "Minamata City, Japan")))));
        HttpResponse<String> created = stack.send(
                "POST",
                "/api/content/entries",
                editor,
                JSON.writeValueAsString(Map.of("type", "event-page", "locale", "en", "slug", slug, "fields", fields)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode session = json(created).path("fields").path("sessions").get(0);
        String id = json(created).path("entryId").asString();
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", session.path("presentations").get(0).path("id").asString());
        item.put("title", MINAMATA);
        List<Map<String, Object>> presentations = new ArrayList<>(List.of(item));
        HttpResponse<String> titled = stack.send(
                "PATCH",
                "/api/content/entries/" + id,
                editor,
                JSON.writeValueAsString(Map.of(
                        "locale",
                        "ja",
                        "fields",
                        Map.of(
                                "sessions",
                                List.of(Map.of("id", session.path("id").asString(), "presentations", presentations))))),
                "If-Match",
                created.headers().firstValue("ETag").orElseThrow());
        assertThat(titled.statusCode()).as(titled.body()).isEqualTo(200);
        return id;
    }

    /** The Japanese-only unit of the page's Minamata title, once translation-service has it. */
    private static String awaitUnit(String entryId) {
        return await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> {
                            HttpResponse<String> queue = stack.send(
                                    "GET",
                                    "/api/translations/queue?source=ja&target=en&entryId=" + entryId,
                                    translator,
                                    null);
                            for (JsonNode item : json(queue).path("items")) {
                                if (item.path("source").path("text").asString().equals(MINAMATA)) {
                                    return item.path("unitId").asString();
                                }
                            }
                            return null;
                        },
                        id -> id != null);
    }

    private static void submitAndApprove(String unitId, String text) throws Exception {
        JsonNode unit = unit(unitId);
        HttpResponse<String> submitted = stack.send(
                "POST",
                "/api/translations/units/" + unitId + "/submit",
                translator,
                JSON.writeValueAsString(Map.of(
                        "text",
                        text,
                        "sourceHash",
                        unit.path("source").path("hash").asString())));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        HttpResponse<String> approved =
                stack.send("POST", "/api/translations/units/" + unitId + "/approve", reviewer, "{}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    }

    private static JsonNode unit(String unitId) throws Exception {
        return json(stack.send("GET", "/api/translations/units/" + unitId, reviewer, null));
    }

    /** The English title of the page's Minamata presentation in the editor's view. */
    private static String englishTitle(String entryId) throws Exception {
        JsonNode sessions = json(stack.send("GET", "/api/content/entries/" + entryId, editor, null))
                .path("fields")
                .path("sessions");
        for (JsonNode session : sessions) {
            for (JsonNode presentation : session.path("presentations")) {
                JsonNode title = presentation.path("title");
                if (MINAMATA.equals(title.path("ja").path("value").asString(null))) {
                    return title.path("en").path("value").asString("");
                }
            }
        }
        return "";
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}

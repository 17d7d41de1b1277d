package dev.hashi.devstack.console;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;

import dev.hashi.devstack.SharedStack;
import dev.hashi.devstack.StackApi;

import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editor's journeys in Chromium, through the gateway of a launched dev stack: sign-in required, a Japanese title
 * changed, published and previewed, a conflict shown as fields, a forged form post refused. Takes the screenshots in
 * {@code docs/console/} in both UI languages and checks nothing on them is wider than the window.
 */
@SharedStack(SharedStack.CONSOLE)
class PagesJourneyTest {

    @RegisterExtension
    static final Browsers.Shared browsers = new Browsers.Shared();

    static StackApi stack;
    static KitakyushuPage page;

    @BeforeAll
    static void createThePage(StackApi shared) throws Exception {
        stack = shared;
        page = KitakyushuPage.create(stack, "wpc-2003-console-" + Long.toString(System.nanoTime(), 36));
    }

    @Test
    void aScreenNeedsSignInFirstAndThenOpensAfterSigningIn() throws Exception {
        try (BrowserContext context = newContext("en-GB")) {
            Page tab = context.newPage();
            tab.navigate(stack.gateway() + "/pages/" + page.entryId);

            assertThat(tab).hasURL(stack.gateway() + "/sign-in");
            assertThat(tab.locator("#dev-sign-in")).isVisible();
            Screens.shoot(tab, "sign-in", "en");
            tab.locator("#role-editor").check();
            tab.locator("#dev-sign-in-submit").click();

            assertThat(tab).hasURL(stack.gateway() + "/pages/" + page.entryId);
            assertThat(tab.locator("#signed-in-user")).hasText("dev-editor");
        }
    }

    /**
     * What a newcomer sees after {@code ./hashi-dev}: the seeded Kitakyushu page published in both locales with
     * translations waiting, and in its editor each presentation title the source page has in Japanese only marked in
     * the English column as missing, with delivery falling back to the Japanese title (but the Minamata title, which
     * the translator journey on the same stack translates).
     */
    @Test
    void aNewcomerSeesTheSeededKitakyushuPageWithItsJapaneseOnlyTitlesMarked() throws Exception {
        KitakyushuPage seeded = KitakyushuPage.seeded(stack);
        try (BrowserContext context = newContext("en-GB")) {
            Page tab = signedIn(context, "editor");
            tab.navigate(stack.gateway() + "/pages?type=event-page");
            Locator row = tab.locator("#page-" + seeded.entryId);
            assertThat(row.locator("span[lang=en]")).containsText("World Partnership Conference on Sustainable");
            assertThat(row.locator("[data-locale=en] .badge.published")).isVisible();
            assertThat(row.locator("[data-locale=ja] .badge.published")).isVisible();
            assertThat(row.locator("[data-locale=en] .badge.waiting")).isVisible();

            row.locator("a.page-link").click();
            assertThat(tab).hasURL(stack.gateway() + "/pages/" + seeded.entryId);
            // the Minamata title is the one TranslatorConsoleJourneyTest translates on this stack, maybe before now
            List<String> untranslated = KitakyushuPage.SEEDED_JAPANESE_ONLY.stream()
                    .filter(title -> !title.equals(TranslatorConsoleJourneyTest.MINAMATA))
                    .toList();
            for (String title : untranslated) {
                Locator japanese = tab.locator("[data-locale=ja][data-path*=presentations][data-path$='.title']")
                        .filter(new Locator.FilterOptions()
                                .setHas(tab.locator("input[lang=ja][value=\"" + title + "\"]")));
                assertThat(japanese).hasCount(1);
                String path = japanese.getAttribute("data-path");
                // the English cell of the same title
                assertThat(tab.locator("[data-locale=en][data-path=\"" + path + "\"] .badge.fallback"))
                        .containsText("Japanese");
            }
            int withoutEnglish = 0;
            for (JsonNode session : seeded.read(stack).path("fields").path("sessions")) {
                for (JsonNode presentation : session.path("presentations")) {
                    withoutEnglish += presentation.path("title").has("en") ? 0 : 1;
                }
            }
            assertThat(withoutEnglish).isBetween(untranslated.size(), untranslated.size() + 1);
            // every presentation title without an English value is marked, and no other
            assertThat(tab.locator("[data-locale=en][data-path*=presentations][data-path$='.title'] .badge.fallback"))
                    .hasCount(withoutEnglish);
            Screens.shoot(tab, "seeded-page", "en");
            tab.locator("header.shell button[value=ja]").click();
            assertThat(tab.locator("html")).hasAttribute("lang", "ja");
            Screens.shoot(tab, "seeded-page", "ja");
        }
    }

    @Test
    void anEditorChangesTheJapaneseTitlePublishesJapaneseAndSeesItInThePreview() throws Exception {
        String newTitle = "持続可能な開発のための世界パートナーシップ会議（北九州）";
        try (BrowserContext context = newContext("en-GB")) {
            Page tab = signedIn(context, "editor");
            tab.navigate(stack.gateway() + "/pages?type=event-page");
            Locator row = tab.locator("#page-" + page.entryId);
            assertThat(row.locator("[data-locale=ja] .badge.draft")).isVisible();
            assertThat(row.locator("[lang=ja]")).containsText("世界パートナーシップ会議");
            Screens.shoot(tab, "pages", "en");

            row.locator("a.page-link").click();
            Locator japaneseTitle = titleInput(tab, "ja");
            assertThat(japaneseTitle).hasAttribute("lang", "ja");
            assertThat(tab.locator("[data-path*=presentations][data-path$='.title'][data-locale=en] .fallback"))
                    .isVisible();
            Screens.shoot(tab, "editor", "en");
            String englishBefore =
                    page.read(stack).path("fields").path("title").path("en").toString();
            japaneseTitle.fill(newTitle);
            tab.locator("#save-ja").click();

            assertThat(tab.locator("#saved-message")).isVisible();
            assertThat(page.japaneseTitle(stack)).isEqualTo(newTitle);
            assertThat(page.read(stack).path("fields").path("title").path("en").toString())
                    .as("the English title, value and origin, untouched by the Japanese save")
                    .isEqualTo(englishBefore);

            tab.locator("#publish-ja").click();
            assertThat(tab.locator("#published-message")).isVisible();
            assertThat(tab.locator("#workflow-ja .badge.published")).isVisible();

            tab.locator("#preview-ja").click();
            Locator previewTitle = tab.locator("#preview dd[data-path=title] span[lang=ja]");
            assertThat(previewTitle).hasText(newTitle);
            Screens.shoot(tab, "preview", "en");

            // the same screens in Japanese, through the language switch
            tab.locator("header.shell button[value=ja]").click();
            assertThat(tab.locator("html")).hasAttribute("lang", "ja");
            Screens.shoot(tab, "preview", "ja");
            tab.navigate(stack.gateway() + "/pages/" + page.entryId);
            Screens.shoot(tab, "editor", "ja");
            tab.navigate(stack.gateway() + "/pages?type=event-page");
            Screens.shoot(tab, "pages", "ja");
            tab.navigate(stack.gateway() + "/pages/" + page.entryId + "/history");
            Screens.shoot(tab, "history", "ja");
        }
        String japaneseSlug = page.read(stack).path("slugs").path("ja").asString();
        var delivered = stack.get("/api/delivery/entries/event-page/"
                + java.net.URLEncoder.encode(japaneseSlug, java.nio.charset.StandardCharsets.UTF_8) + "?locale=ja");
        assertThat(delivered.statusCode()).isEqualTo(200);
        assertThat(delivered.body()).contains(newTitle);
    }

    /**
     * On a page of its own: an editor schedules Japanese publishing for a later date and sees it pending, then saves a
     * Japanese title and restores the revision before that save from the history screen.
     */
    @Test
    void anEditorSchedulesPublishingAndRestoresTheRevisionBeforeASave() throws Exception {
        KitakyushuPage own =
                KitakyushuPage.create(stack, "wpc-2003-console-restore-" + Long.toString(System.nanoTime(), 36));
        long before = own.read(stack).path("version").asLong();
        try (BrowserContext context = newContext("en-GB")) {
            Page tab = signedIn(context, "editor");
            tab.navigate(stack.gateway() + "/pages/" + own.entryId);
            tab.locator("#schedule-action-ja").selectOption("publish");
            tab.locator("#schedule-at-ja").fill("2030-01-15T09:30");
            tab.locator("form:has(#schedule-at-ja) button[type=submit]").click();
            Locator scheduled =
                    tab.locator("#schedules li").filter(new Locator.FilterOptions().setHasText("2030-01-15T09:30"));
            assertThat(scheduled).containsText("publish");
            assertThat(scheduled.locator(".badge")).hasText("pending");

            titleInput(tab, "ja").fill("書き換えた題名");
            tab.locator("#save-ja").click();
            assertThat(tab.locator("#saved-message")).isVisible();
            assertThat(own.japaneseTitle(stack)).isEqualTo("書き換えた題名");

            tab.navigate(stack.gateway() + "/pages/" + own.entryId + "/history");
            Locator revision = tab.locator("#revisions tbody tr")
                    .filter(new Locator.FilterOptions()
                            .setHas(tab.locator(
                                    "td:first-child",
                                    new Page.LocatorOptions()
                                            .setHasText(java.util.regex.Pattern.compile("^" + before + "$")))));
            revision.locator("button").click();
            assertThat(tab.locator(".message.ok")).isVisible();
        }
        assertThat(own.japaneseTitle(stack))
                .as("the Japanese title of the restored revision")
                .isEqualTo(KitakyushuPage.JAPANESE_TITLE);
        JsonNode schedules = KitakyushuPage.JSON.readTree(stack.send(
                        "GET",
                        "/api/content/entries/" + own.entryId + "/schedules",
                        stack.devToken("{\"subject\":\"editor-check\",\"roles\":[\"editor\"]}"),
                        null)
                .body());
        assertThat(schedules.path("items").findValuesAsString("at")).contains("2030-01-15T09:30:00Z");
    }

    @Test
    void twoEditorsChangingTheSameTitleSeeTheClashAsThatFieldNotAnErrorPage() throws Exception {
        try (BrowserContext first = newContext("en-GB");
                BrowserContext second = newContext("ja-JP")) {
            Page one = signedIn(first, "editor");
            Page two = signedIn(second, "editor");
            one.navigate(stack.gateway() + "/pages/" + page.entryId);
            two.navigate(stack.gateway() + "/pages/" + page.entryId);

            titleInput(one, "ja").fill("北九州会議 2003（一）");
            one.locator("#save-ja").click();
            assertThat(one.locator("#saved-message")).isVisible();
            titleInput(two, "ja").fill("北九州会議 2003（二）");
            two.locator("#save-ja").click();

            assertThat(two.locator("#conflict")).isVisible();
            assertThat(two.locator("#conflict .conflict-field")).hasText("title（ja）");
            Locator clash = two.locator("[data-path=title][data-locale=ja]");
            assertThat(clash).hasClass(java.util.regex.Pattern.compile(".*\\bclash\\b.*"));
            assertThat(titleInput(two, "ja")).hasValue("北九州会議 2003（二）");
            assertThat(clash.locator(".current-text")).hasText("北九州会議 2003（一）");
            Screens.shoot(two, "conflict", "ja");
            assertThat(page.japaneseTitle(stack)).isEqualTo("北九州会議 2003（一）");

            two.locator("#save-ja").click();
            assertThat(two.locator("#saved-message")).isVisible();
            assertThat(page.japaneseTitle(stack))
                    .as("saving again after seeing the clash keeps the second editor's text")
                    .isEqualTo("北九州会議 2003（二）");
        }
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        try (BrowserContext context = newContext("en-GB")) {
            signedIn(context, "editor");
            long version = page.read(stack).path("version").asLong();
            String title = page.japaneseTitle(stack);

            APIResponse forged = context.request()
                    .post(
                            stack.gateway() + "/pages/" + page.entryId + "/locales/ja",
                            RequestOptions.create()
                                    .setForm(FormData.create()
                                            .set("version", String.valueOf(version))
                                            .set("f.title", "偽のタイトル")
                                            .set("o.title", title))
                                    .setMaxRedirects(0));

            assertThat(forged.status()).isEqualTo(403);
            assertThat(page.read(stack).path("version").asLong()).isEqualTo(version);
            assertThat(page.japaneseTitle(stack)).isEqualTo(title);
        }
    }

    private static BrowserContext newContext(String locale) {
        BrowserContext context = browsers.browser()
                .newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                        .setLocale(locale)
                        .setViewportSize(1280, 900));
        // the services' JVMs are cold and share two cores with the rest of the build: a first page can take long
        context.setDefaultTimeout(60_000);
        return context;
    }

    private static Page signedIn(BrowserContext context, String role) {
        Page tab = context.newPage();
        tab.navigate(stack.gateway() + "/sign-in");
        tab.locator("#role-" + role).check();
        tab.locator("#dev-sign-in-submit").click();
        assertThat(tab.locator("#signed-in-user")).hasText("dev-" + role);
        return tab;
    }

    private static Locator titleInput(Page tab, String locale) {
        return tab.locator("[data-path=title][data-locale=" + locale
                + "] input[type=text], [data-path=title][data-locale=" + locale + "] textarea");
    }
}

package dev.hashi.devstack.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.Page;

import static org.assertj.core.api.Assertions.assertThat;

/** Screenshots for {@code docs/console/}, each checked for content wider than the window. */
final class Screens {

    private Screens() {}

    /** Saves {@code screen.language.png} after checking nothing on the page is wider than the window. */
    static void shoot(Page tab, String screen, String language) throws IOException {
        Object overflow =
                tab.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue())
                .as("%s in %s is wider than the window", screen, language)
                .isLessThanOrEqualTo(0);
        Path docs = docs();
        Files.createDirectories(docs);
        tab.screenshot(new Page.ScreenshotOptions()
                .setPath(docs.resolve(screen + "." + language + ".png"))
                .setFullPage(true));
    }

    private static Path docs() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root").isNotNull();
        return dir.resolve("docs").resolve("console");
    }
}

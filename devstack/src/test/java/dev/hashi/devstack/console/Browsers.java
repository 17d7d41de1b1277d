package dev.hashi.devstack.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import static org.assertj.core.api.Assertions.fail;

/**
 * Debian's Chromium driven by Playwright (no browser download: {@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1}). Without
 * Chromium the browser tests are skipped on a developer's machine, saying why, and fail when {@code CI} is set, so
 * CI never passes without running them ({@code ./hashi-test} installs Chromium and the fonts).
 */
final class Browsers implements AutoCloseable {

    /** {@code HASHI_CHROMIUM}, else Debian's {@code /usr/bin/chromium}. */
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("HASHI_CHROMIUM", "/usr/bin/chromium"));

    final Playwright playwright;
    final Browser browser;

    private Browsers(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Skips the calling class without Chromium, or fails it when {@code CI} is set. */
    static void requireChromium() {
        if (!Files.isExecutable(CHROMIUM)) {
            String why = "Chromium is not installed at " + CHROMIUM
                    + " (run ./hashi-test, or apt-get install -y chromium fonts-noto-cjk)";
            if (System.getenv("CI") != null) {
                fail(why);
            }
            Assumptions.abort(why);
        }
    }

    static Browsers chromium() {
        requireChromium();
        // the screens' assertions wait for the stack's answers; on a loaded CI machine a 5 MB upload stored into the
        // embedded MongoDB, or a Kafka round trip, takes longer than Playwright's default of 5 s
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        // the test JVMs run as root in CI containers, where Chromium's sandbox cannot start
                        .setChromiumSandbox(false));
        return new Browsers(playwright, browser);
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }

    /**
     * One Chromium for every browser class of the test JVM ({@code @RegisterExtension static Browsers.Shared}),
     * launched before the first of them and closed when the run ends; each test opens its own context in it.
     */
    static final class Shared implements BeforeAllCallback {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Browsers.class);

        private Browsers browsers;

        @Override
        public void beforeAll(ExtensionContext context) {
            requireChromium();
            browsers = context.getRoot()
                    .getStore(NAMESPACE)
                    .computeIfAbsent(Browsers.class, key -> chromium(), Browsers.class);
        }

        Browser browser() {
            return browsers.browser;
        }
    }
}

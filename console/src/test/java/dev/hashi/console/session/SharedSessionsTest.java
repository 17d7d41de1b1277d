package dev.hashi.console.session;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.hashi.console.ConsoleApplication;
import dev.hashi.console.StubGateway;
import dev.hashi.embedded.SharedInfra;

import static org.assertj.core.api.Assertions.assertThat;

/** Two console instances on real ports sharing one MongoDB: a session is everybody's, and survives a restart. */
class SharedSessionsTest {

    static final StubGateway GATEWAY = new StubGateway();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Pattern COOKIE = Pattern.compile("hashi_console=([^;]*)");

    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void start() {
        GATEWAY.answer("POST /api/dev/tokens", 200, "{\"token\":\"tok-editor\",\"expiresAt\":\"2099-01-01T00:00:00Z\"}")
                .answer("GET /api/content/entries", 200, "{\"items\":[],\"next\":null,\"total\":0}")
                .answer("GET /api/content/types", 200, "{\"items\":[],\"next\":null,\"total\":0}")
                .answer("GET /api/content/ready-to-publish", 200, "{\"items\":[],\"next\":null}");
        first = console();
        second = console();
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
        GATEWAY.close();
    }

    @Test
    void aSessionSignedInOnOneConsoleIsSignedInOnTheOther() throws Exception {
        String cookie = signIn(first, "editor");

        HttpResponse<String> pages = get(second, "/pages", cookie);

        assertThat(pages.statusCode()).isEqualTo(200);
        assertThat(pages.body()).contains("dev-editor");
    }

    @Test
    void theCsrfTokenOfOneConsoleIsAcceptedByTheOtherAndSignOutEndsTheSessionOnBoth() throws Exception {
        String cookie = signIn(first, "reviewer");
        String token = field(get(first, "/pages", cookie).body(), "<meta name=\"_csrf\" content=\"([^\"]+)\"");

        HttpResponse<String> refused = post(second, "/sign-out", cookie, "");
        HttpResponse<String> signedOut = post(second, "/sign-out", cookie, "_csrf=" + encode(token));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location")).hasValue("/sign-in?signed-out");
        assertThat(get(first, "/pages", cookie).headers().firstValue("Location"))
                .hasValue("/sign-in");
    }

    @Test
    void aRestartedConsoleKeepsTheSession() throws Exception {
        String cookie = signIn(second, "translator");

        second.close();
        second = console();

        HttpResponse<String> pages = get(second, "/pages", cookie);
        assertThat(pages.statusCode()).isEqualTo(200);
        assertThat(pages.body()).contains("dev-translator");
    }

    @Test
    void theSessionCookieIsHttpOnlySameSiteLaxAndSecure() throws Exception {
        HttpResponse<String> page = get(first, "/sign-in", null);

        assertThat(page.headers().allValues("Set-Cookie"))
                .singleElement()
                .satisfies(header -> assertThat(header)
                        .startsWith("hashi_console=")
                        .contains("; Secure")
                        .contains("; HttpOnly")
                        .contains("; SameSite=Lax"));
    }

    /** Signs in with the dev form as a browser would: the form's CSRF token, then the role; the new session cookie. */
    private static String signIn(ConfigurableApplicationContext console, String role) throws Exception {
        HttpResponse<String> form = get(console, "/sign-in", null);
        String cookie = cookie(form);
        String token = field(form.body(), "name=\"_csrf\" value=\"([^\"]+)\"");
        HttpResponse<String> signedIn =
                post(console, "/sign-in/dev", cookie, "_csrf=" + encode(token) + "&role=" + role);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/");
        String changed = cookie(signedIn);
        assertThat(changed).as("a new session id at sign-in").isNotEqualTo(cookie);
        return changed;
    }

    private static ConfigurableApplicationContext console() {
        return new SpringApplicationBuilder(ConsoleApplication.class)
                .run(
                        "--server.port=0",
                        "--cms.console.sign-in.profile=dev",
                        "--cms.console.gateway.url=" + GATEWAY.url(),
                        "--cms.console.sessions.mongodb-uri="
                                + SharedInfra.mongo().connectionString(),
                        "--cms.console.sessions.database=console_shared_sessions_test");
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext console, String path, String cookie)
            throws IOException, InterruptedException {
        return send(request(console, path, cookie).GET());
    }

    private static HttpResponse<String> post(
            ConfigurableApplicationContext console, String path, String cookie, String form)
            throws IOException, InterruptedException {
        return send(request(console, path, cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static HttpRequest.Builder request(ConfigurableApplicationContext console, String path, String cookie) {
        String port = console.getEnvironment().getProperty("local.server.port");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        return cookie == null ? request : request.header("Cookie", "hashi_console=" + cookie);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .map(COOKIE::matcher)
                .filter(Matcher::find)
                .map(matcher -> matcher.group(1))
                .reduce((earlier, later) -> later)
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
    }

    private static String field(String html, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(html);
        assertThat(matcher.find()).as(pattern).isTrue();
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

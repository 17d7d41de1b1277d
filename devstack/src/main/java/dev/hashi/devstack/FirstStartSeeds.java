package dev.hashi.devstack;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import dev.hashi.seeds.SeedCommand;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads a seed set into an empty installation once every service is ready ({@code HASHI_SEED}: a set shipped in the
 * seeds jar or a directory, default {@code wpc-2003}; {@code off} loads nothing). It goes through the gateway's public
 * API as {@code ./hashi-seed} does, in this JVM, with an admin token it mints from the gateway's dev token endpoint
 * ({@code POST /api/dev/tokens}, dev profile only) unless {@code HASHI_SEED_TOKEN} holds one.
 *
 * <p>"Empty" means no content entry and no media asset: a stack started again over its data, or pointed at a used
 * database, is left as it is. The entries and the assets' metadata are loaded before the banner (a few seconds); the
 * stand-in files (about 24 MB for wpc-2003) are uploaded afterwards in the background by a second run of the same
 * idempotent loader, which finds everything else in place. Progress of both runs goes to {@code seeds.log} in the
 * log folder; the banner says what happened in one line.
 */
final class FirstStartSeeds {

    static final String DEFAULT_SET = "wpc-2003";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String set;
    private final String token;

    private FirstStartSeeds(String set, String token) {
        this.set = set;
        this.token = token;
    }

    /** {@code HASHI_SEED} (blank: the default set; {@code off}, {@code none}, {@code false}: nothing). */
    static FirstStartSeeds fromEnvironment(Map<String, String> env) {
        String value = env.getOrDefault("HASHI_SEED", "").trim();
        String set = switch (value.toLowerCase(Locale.ROOT)) {
            case "" -> DEFAULT_SET;
            case "off", "none", "false", "no" -> null;
            default -> value;
        };
        String token = env.get("HASHI_SEED_TOKEN");
        return new FirstStartSeeds(set, token == null || token.isBlank() ? null : token.trim());
    }

    boolean off() {
        return set == null;
    }

    /**
     * Loads the set if the installation is empty and starts the background upload of its files.
     *
     * @param onFilesDone told one line when the background uploads end (printed by the launcher)
     * @return the banner's line: what was loaded, or why nothing was
     */
    String load(String gateway, Path logDir, Consumer<String> onFilesDone) {
        if (set == null) {
            return "off (HASHI_SEED=off)";
        }
        long began = System.nanoTime();
        Path log = logDir.resolve("seeds.log");
        try {
            String bearer = token != null ? token : devToken(gateway);
            if (bearer == null) {
                return set + " not loaded: no token (the gateway mints dev tokens only with HASHI_PROFILE=dev;"
                        + " set HASHI_SEED_TOKEN to an admin API token)";
            }
            String used = used(gateway, bearer);
            if (used != null) {
                return set + " skipped: the installation is not empty (" + used
                        + "); ./hashi-seed loads a set into any installation";
            }
            Run entries = run(gateway, bearer, log, true);
            String took = String.format("%.1f s", (System.nanoTime() - began) / 1e9);
            if (entries.status() != 0) {
                return set + " FAILED (exit " + entries.status() + ", " + took + "): " + entries.summary() + "; see "
                        + log;
            }
            Thread files = new Thread(
                    () -> {
                        long start = System.nanoTime();
                        Run uploads = run(gateway, bearer, log, false);
                        onFilesDone.accept(String.format(
                                "seeds %s: stand-in files %s in %.1f s (%s); see %s",
                                set,
                                uploads.status() == 0 ? "uploaded" : "FAILED",
                                (System.nanoTime() - start) / 1e9,
                                uploads.summary(),
                                log));
                    },
                    "first-start-seed-files");
            files.setDaemon(true);
            files.start();
            return set + " loaded into the empty installation (" + entries.summary() + ", " + took
                    + "); stand-in files uploading in the background, see " + log;
        } catch (IOException | RuntimeException e) {
            return set + " not loaded: " + e + "; see " + log;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return set + " not loaded: interrupted";
        }
    }

    /** The exit status and the loader's "done: …" line. */
    record Run(int status, String summary) {}

    private Run run(String gateway, String bearer, Path log, boolean skipFiles) {
        List<String> args = new ArrayList<>(List.of("--gateway", gateway, "--token", bearer, "--set", set));
        if (skipFiles) {
            args.add("--skip-files");
        }
        try {
            Files.createDirectories(log.getParent());
        } catch (IOException e) {
            return new Run(1, "cannot write " + log + ": " + e.getMessage());
        }
        StringBuilder summary = new StringBuilder();
        try (OutputStream file = new FileOutputStream(log.toFile(), true);
                PrintStream out = new PrintStream(new LastLine(file, summary), true, StandardCharsets.UTF_8)) {
            out.println("== first start, " + (skipFiles ? "entries and asset metadata" : "stand-in files") + " ==");
            int status = SeedCommand.run(args.toArray(String[]::new), Map.of(), out, out);
            return new Run(status, summary.length() == 0 ? "no summary" : summary.toString());
        } catch (IOException | RuntimeException e) {
            return new Run(1, e.toString());
        }
    }

    /** Passes bytes on and keeps the last line that starts with "done: " (the loader's counts). */
    private static final class LastLine extends OutputStream {
        private final OutputStream out;
        private final StringBuilder summary;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        LastLine(OutputStream out, StringBuilder summary) {
            this.out = out;
            this.summary = summary;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                if (text.startsWith("done: ")) {
                    summary.setLength(0);
                    summary.append(text.substring("done: ".length()));
                }
                line.reset();
            } else {
                line.write(b);
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }

    /** An admin JWT from the dev token endpoint, or {@code null} when the gateway does not offer it. */
    private static String devToken(String gateway) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(gateway + "/api/dev/tokens"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":\"hashi-seed\",\"roles\":[\"admin\"]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            return null;
        }
        return JSON.readTree(response.body()).path("token").asString(null);
    }

    /** What the installation already holds ("content entries", "media assets"), or {@code null} when empty. */
    private static String used(String gateway, String bearer) throws IOException, InterruptedException {
        List<String> held = new ArrayList<>();
        for (String[] list : new String[][] {
            {"/api/content/entries?limit=1", "content entries"}, {"/api/media/assets?limit=1", "media assets"}
        }) {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(gateway + list[0]))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + bearer)
                            .header("Accept", "application/json")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "GET " + list[0] + " answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode items = JSON.readTree(response.body()).path("items");
            if (!items.isEmpty()) {
                held.add(list[1]);
            }
        }
        return held.isEmpty() ? null : String.join(" and ", held) + " exist";
    }
}

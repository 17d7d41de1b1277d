package dev.hashi.seeds;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.hashi.seeds.Api.Reply;
import dev.hashi.seeds.Loader.Localized;

import tools.jackson.databind.JsonNode;

/**
 * Loads what {@link Exporter} wrote into an installation through the public API, idempotently like {@link Loader}:
 * types are defined (an unchanged definition changes nothing), entries are found by their slug and assets by kind
 * and title, what exists is only completed, and a second run says "nothing changed".
 *
 * <p>Order: types; every entry created in its first locale without references (so references can point anywhere);
 * assets with their contact entries and, when exported, their files; then each entry's values in every locale with
 * its references and media, and its workflow state per locale (published, in review or archived; draft is the
 * state a write leaves).
 */
final class Importer {

    private final Path from;
    private final Api api;
    private final PrintStream out;
    private final Duration publishWait;
    private final Map<String, String> ids = new LinkedHashMap<>();
    private final Map<String, JsonNode> types = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private int created;
    private int updated;
    private int unchanged;

    Importer(Path from, Api api, PrintStream out, Duration publishWait) {
        this.from = from;
        this.api = api;
        this.out = out;
        this.publishWait = publishWait;
    }

    /** @return the failures, one line each */
    List<String> run() {
        JsonNode manifest = read("export.yaml");
        if (!Exporter.FORMAT.equals(manifest.path("format").asString(""))) {
            failures.add("export.yaml: not a " + Exporter.FORMAT + " export");
            return failures;
        }
        for (JsonNode file : manifest.path("types")) {
            type(read(file.asString()));
        }
        List<JsonNode> entries = new ArrayList<>();
        for (JsonNode file : manifest.path("entries")) {
            entries.add(read(file.asString()));
        }
        Map<String, Boolean> changed = new LinkedHashMap<>();
        for (JsonNode entry : entries) {
            changed.put(entry.path("key").asString(), create(entry));
        }
        for (JsonNode file : manifest.path("assets")) {
            String path = file.asString();
            asset(read(path), Path.of(path).getParent());
        }
        for (JsonNode entry : entries) {
            complete(entry, changed.getOrDefault(entry.path("key").asString(), false));
        }
        out.printf(
                "done: %d created, %d updated, %d unchanged, %d failed%n",
                created, updated, unchanged, failures.size());
        if (created == 0 && updated == 0 && failures.isEmpty()) {
            out.println("nothing changed: the installation already holds the export");
        }
        if (!failures.isEmpty()) {
            out.println("failures:");
            failures.forEach(f -> out.println("  " + f));
        }
        return failures;
    }

    private JsonNode read(String relative) {
        try {
            return SeedSet.YAML.readTree(Files.readString(from.resolve(relative)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void line(String key, String what) {
        out.println(key + ": " + what);
    }

    private void fail(String key, String why) {
        failures.add(key + ": " + why);
        line(key, "FAILED: " + why);
    }

    // ---- types ---------------------------------------------------------------------------------------------------

    private void type(JsonNode definition) {
        String key = definition.path("type").asString();
        types.put(key, definition);
        Map<String, Object> body = new LinkedHashMap<>();
        definition.properties().forEach(p -> {
            if (!p.getKey().equals("type")) {
                body.put(p.getKey(), p.getValue());
            }
        });
        Reply current = api.get("/api/content/types/" + key);
        Reply defined = current.status() == 404
                ? api.send("PUT", "/api/content/types/" + key, body)
                : api.send("PUT", "/api/content/types/" + key, body, "If-Match", current.etag());
        if (!defined.ok()) {
            fail("type/" + key, defined.describe());
        } else if (current.status() == 404) {
            created++;
            line("type/" + key, "created");
        } else if (!String.valueOf(defined.etag()).equals(String.valueOf(current.etag()))) {
            updated++;
            line("type/" + key, "updated");
        } else {
            unchanged++;
        }
    }

    // ---- entries -------------------------------------------------------------------------------------------------

    /** Finds the entry by one of its slugs or creates it in its first locale without references. */
    private boolean create(JsonNode entry) {
        String key = entry.path("key").asString();
        String type = entry.path("type").asString();
        List<Reply> listFailures = new ArrayList<>();
        for (JsonNode candidate : api.list(
                "/api/content/entries?type=" + URLEncoder.encode(type, StandardCharsets.UTF_8), listFailures)) {
            for (var slug : entry.path("slugs").properties()) {
                if (slug.getValue()
                        .asString()
                        .equals(candidate.path("slugs").path(slug.getKey()).asString(null))) {
                    ids.put(key, candidate.path("entryId").asString());
                    return false;
                }
            }
        }
        if (!listFailures.isEmpty()) {
            fail(key, listFailures.get(0).describe());
            return false;
        }
        String locale = firstLocale(entry);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("locale", locale);
        if (entry.path("slugs").path(locale).isString()) {
            body.put("slug", entry.path("slugs").path(locale).asString());
        }
        body.put("fields", Loader.wire(tree(type, entry.path("fields"), locale, true, false)));
        Reply reply =
                api.send("POST", "/api/content/entries", body, "Idempotency-Key", Loader.idempotencyKey(key, body));
        if (!reply.ok()) {
            fail(key, reply.describe());
            return false;
        }
        ids.put(key, reply.json().path("entryId").asString());
        created++;
        line(key, "created " + ids.get(key) + " in " + locale);
        return true;
    }

    /** The entry's values in every locale, then its workflow state per locale. */
    private void complete(JsonNode entry, boolean isNew) {
        String key = entry.path("key").asString();
        String id = ids.get(key);
        if (id == null) {
            return;
        }
        Reply read = api.get("/api/content/entries/" + id);
        if (!read.ok()) {
            fail(key, read.describe());
            return;
        }
        String etag = etag(read);
        JsonNode view = read.json();
        boolean wrote = false;
        List<String> locales = locales(entry);
        for (int i = 0; i < locales.size(); i++) {
            String locale = locales.get(i);
            Map<String, Object> desired =
                    tree(entry.path("type").asString(), entry.path("fields"), locale, i == 0, true);
            List<String> kept = new ArrayList<>();
            Map<String, Object> patch = Loader.missing(desired, view.path("fields"), locale, "", kept);
            kept.forEach(path -> line(key, "kept " + locale + " " + path + " as it is"));
            // a new entry takes every locale's exported slug (the API would derive one from the title instead)
            String slug = entry.path("slugs").path(locale).asString(null);
            boolean slugDiffers = isNew
                    && slug != null
                    && !slug.equals(view.path("slugs").path(locale).asString(null));
            if (patch == null && !slugDiffers) {
                continue;
            }
            Map<String, Object> write = new LinkedHashMap<>();
            write.put("locale", locale);
            write.put("fields", patch == null ? Map.of() : patch);
            if (slugDiffers) {
                write.put("slug", slug);
            }
            Reply patched = api.send("PATCH", "/api/content/entries/" + id, write, "If-Match", etag);
            if (!patched.ok()) {
                fail(key, patched.describe());
                return;
            }
            etag = etag(patched);
            view = patched.json();
            wrote = true;
        }
        List<String> moved = new ArrayList<>();
        for (var state : entry.path("workflow").properties()) {
            String locale = state.getKey();
            String want = state.getValue().asString();
            String now = view.path("workflow").path(locale).path("state").asString("");
            String action = switch (want) {
                case "published" -> now.equals("published") && !wrote ? null : "publish";
                case "in_review" -> now.equals("in_review") ? null : "submit";
                case "archived" -> now.equals("archived") ? null : "archive";
                default -> null;
            };
            if (action == null) {
                continue;
            }
            Reply reply = transition(id, locale, action, etag);
            if (!reply.ok()) {
                fail(key, reply.describe());
                return;
            }
            etag = etag(reply);
            moved.add(action + " " + locale);
        }
        if (isNew) {
            if (wrote || !moved.isEmpty()) {
                line(key, "completed (" + String.join(", ", moved) + ")");
            }
        } else if (wrote || !moved.isEmpty()) {
            updated++;
            line(key, "updated" + (moved.isEmpty() ? "" : " (" + String.join(", ", moved) + ")"));
        } else {
            unchanged++;
        }
    }

    private static String etag(Reply reply) {
        return reply.etag() != null
                ? reply.etag()
                : "\"" + reply.json().path("version").asLong() + "\"";
    }

    private Reply transition(String id, String locale, String action, String etag) {
        long deadline = System.nanoTime() + publishWait.toNanos();
        String path = "/api/content/entries/" + id + "/locales/" + locale + "/" + action;
        while (true) {
            Reply reply = api.send("POST", path, null, "If-Match", etag);
            boolean assetsLag = reply.status() == 422 && reply.body().contains("publish.asset-missing");
            if (!assetsLag || System.nanoTime() > deadline) {
                return reply;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return reply;
            }
        }
    }

    /** The locales the entry has values in: those of its slugs first, in their order, then the others. */
    private static List<String> locales(JsonNode entry) {
        List<String> locales = new ArrayList<>();
        entry.path("slugs").properties().forEach(p -> locales.add(p.getKey()));
        collect(entry.path("fields"), locales);
        return locales;
    }

    private static void collect(JsonNode node, List<String> locales) {
        if (node.isObject()) {
            node.properties().forEach(p -> {
                if (p.getValue().isObject()
                        && p.getValue().has("value")
                        && p.getValue().has("origin")) {
                    if (!locales.contains(p.getKey())) {
                        locales.add(p.getKey());
                    }
                } else {
                    collect(p.getValue(), locales);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, locales));
        }
    }

    private static String firstLocale(JsonNode entry) {
        List<String> locales = locales(entry);
        return locales.isEmpty() ? "en" : locales.get(0);
    }

    /**
     * The fields in {@code locale} as the loader's trees hold them: localized texts as {@link Localized}, items as
     * lists of maps; {@code shared}: with the values every locale shares, {@code references}: with references and
     * media (as this installation's ids).
     */
    private Map<String, Object> tree(String type, JsonNode fields, String locale, boolean shared, boolean references) {
        Map<String, Object> tree = new LinkedHashMap<>();
        JsonNode definition = types.get(type);
        if (definition == null) {
            return tree;
        }
        for (JsonNode field : definition.path("fields")) {
            String key = field.path("key").asString();
            JsonNode value = fields.path(key);
            if (value.isMissingNode() || value.isNull()) {
                continue;
            }
            String kind = field.path("kind").asString();
            if (kind.equals("components")) {
                List<Map<String, Object>> items = new ArrayList<>();
                for (JsonNode item : value) {
                    items.add(tree(field.path("componentType").asString(), item, locale, shared, references));
                }
                if (!items.isEmpty()) {
                    tree.put(key, items);
                }
            } else if (field.path("localized").asBoolean()) {
                JsonNode v = value.path(locale).path("value");
                if (v.isString()) {
                    tree.put(key, new Localized(v.asString()));
                }
            } else if (shared) {
                switch (kind) {
                    case "reference", "media" -> {
                        if (references && ids.containsKey(value.asString())) {
                            tree.put(key, ids.get(value.asString()));
                        }
                    }
                    case "reference-list", "media-list" -> {
                        if (references) {
                            List<String> mapped = new ArrayList<>();
                            value.forEach(k -> {
                                if (ids.containsKey(k.asString())) {
                                    mapped.add(ids.get(k.asString()));
                                }
                            });
                            if (!mapped.isEmpty()) {
                                tree.put(key, mapped);
                            }
                        }
                    }
                    default -> tree.put(key, Api.JSON.treeToValue(value, Object.class));
                }
            }
        }
        return tree;
    }

    // ---- assets --------------------------------------------------------------------------------------------------

    private void asset(JsonNode asset, Path dir) {
        String key = asset.path("key").asString();
        String kind = asset.path("kind").asString();
        var first = asset.path("title").properties().iterator().next();
        String locale = first.getKey();
        String title = first.getValue().path("text").asString();
        List<Reply> listFailures = new ArrayList<>();
        JsonNode existing = null;
        for (JsonNode candidate : api.list("/api/media/assets?kind=" + kind, listFailures)) {
            if (title.equals(candidate.path("title").path(locale).path("text").asString(null))) {
                existing = candidate;
                break;
            }
        }
        if (!listFailures.isEmpty()) {
            fail(key, listFailures.get(0).describe());
            return;
        }
        List<String> notes = new ArrayList<>();
        if (existing == null) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("kind", kind);
            for (String text : List.of("title", "alt", "caption")) {
                if (!asset.path(text).isEmpty()) {
                    body.put(text, asset.path(text));
                }
            }
            JsonNode availability = asset.path("availability");
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("state", availability.path("state").asString());
            if (!availability.path("contactText").isEmpty()) {
                state.put("contactText", availability.path("contactText"));
            }
            if (availability.path("contactEntry").isString()) {
                state.put(
                        "contactEntryId",
                        ids.get(availability.path("contactEntry").asString()));
            }
            if (availability.path("expectedAt").isString()) {
                state.put("expectedAt", availability.path("expectedAt").asString());
            }
            body.put("availability", state);
            Reply reply =
                    api.send("POST", "/api/media/assets", body, "Idempotency-Key", Loader.idempotencyKey(key, body));
            if (!reply.ok()) {
                fail(key, reply.describe());
                return;
            }
            existing = reply.json();
            created++;
            notes.add("created " + existing.path("assetId").asString());
        }
        String id = existing.path("assetId").asString();
        ids.put(key, id);
        for (JsonNode variant : asset.path("variants")) {
            String variantLocale = variant.path("locale").asString();
            boolean has = false;
            for (JsonNode v : existing.path("variants")) {
                has |= variantLocale.equals(v.path("locale").asString());
            }
            if (has || !variant.path("file").isString()) {
                continue;
            }
            Path file =
                    from.resolve(dir.resolve(variant.path("file").asString()).toString());
            long size;
            try {
                size = Files.size(file);
            } catch (IOException e) {
                fail(key, "cannot read " + file + ": " + e.getMessage());
                return;
            }
            Reply uploaded = api.upload(
                    "/api/media/assets/" + id + "/variants/" + variantLocale + "?fileName="
                            + URLEncoder.encode(variant.path("fileName").asString("file"), StandardCharsets.UTF_8),
                    variant.path("contentType").asString("application/octet-stream"),
                    () -> {
                        try {
                            return Files.newInputStream(file);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    },
                    size);
            if (!uploaded.ok()) {
                fail(key, uploaded.describe());
                return;
            }
            notes.add("uploaded " + variantLocale + " " + size + " bytes");
        }
        if (notes.isEmpty()) {
            unchanged++;
        } else {
            if (!notes.get(0).startsWith("created")) {
                updated++;
            }
            line(key, String.join("; ", notes));
        }
    }
}

package dev.hashi.seeds;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.hashi.seeds.Api.Reply;

import tools.jackson.databind.JsonNode;

/**
 * Writes what an installation holds, through the public API, as one YAML file per content type, entry and asset, so
 * that {@link Importer} can load it into another installation. Ids are replaced by keys that do not depend on the
 * installation: an entry is {@code entry/<type>/<slug>} (its slug in the first locale that has one), an asset
 * {@code asset/<kind>/<its first title, slugged>}; references and media fields hold those keys. Component list items
 * are written in order without their ids.
 *
 * <pre>
 * export.yaml                       format, what was exported, the files in import order
 * types/&lt;type&gt;.yaml                 the definition as PUT /api/content/types/{type} takes it
 * entries/&lt;type&gt;/&lt;slug&gt;.yaml        key, type, slugs, workflow state per locale, fields: a localized field maps each
 *                                   locale to {value, origin}; references and media are keys
 * assets/&lt;kind&gt;/&lt;name&gt;.yaml         key, kind, title/alt/caption per locale {text, origin}, availability (contactEntry a
 *                                   key), variants (locale, fileName, contentType, size, file when --binaries)
 * assets/&lt;kind&gt;/&lt;name&gt;.&lt;locale&gt;.bin the variant's bytes (--binaries)
 * </pre>
 */
final class Exporter {

    static final String FORMAT = "hashi-export/1";

    private final Api api;
    private final Path out;
    private final boolean binaries;
    private final PrintStream log;
    private final List<String> failures = new ArrayList<>();

    Exporter(Api api, Path out, boolean binaries, PrintStream log) {
        this.api = api;
        this.out = out;
        this.binaries = binaries;
        this.log = log;
    }

    /** @return the failures, each one line; empty when everything was written */
    List<String> run() throws IOException {
        Files.createDirectories(out);
        List<Reply> listFailures = new ArrayList<>();

        Map<String, JsonNode> types = new TreeMap<>();
        for (JsonNode type : api.list("/api/content/types", listFailures)) {
            types.put(type.path("type").asString(), type);
        }
        List<String> typeFiles = new ArrayList<>();
        for (JsonNode type : types.values()) {
            Map<String, Object> definition = new LinkedHashMap<>();
            definition.put("type", type.path("type").asString());
            definition.put("name", type.path("name").asString());
            definition.put("component", type.path("component").asBoolean());
            if (type.path("titleField").isString()) {
                definition.put("titleField", type.path("titleField").asString());
            }
            definition.put("fields", type.path("fields"));
            if (!type.path("publishPolicy").isEmpty()) {
                definition.put("publishPolicy", type.path("publishPolicy"));
            }
            typeFiles.add(write("types/" + type.path("type").asString() + ".yaml", definition));
        }
        log.printf("types: %d%n", types.size());

        // every entry of every type that is not a component, read whole
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        for (JsonNode type : types.values()) {
            if (type.path("component").asBoolean()) {
                continue;
            }
            String key = type.path("type").asString();
            for (JsonNode item : api.list(
                    "/api/content/entries?type=" + URLEncoder.encode(key, StandardCharsets.UTF_8), listFailures)) {
                String id = item.path("entryId").asString();
                Reply read = api.get("/api/content/entries/" + id);
                if (!read.ok()) {
                    failures.add(read.describe());
                    continue;
                }
                entries.put(id, read.json());
            }
        }
        Map<String, JsonNode> assets = new LinkedHashMap<>();
        for (JsonNode asset : api.list("/api/media/assets", listFailures)) {
            assets.put(asset.path("assetId").asString(), asset);
        }
        listFailures.forEach(f -> failures.add(f.describe()));

        Map<String, String> keys = new HashMap<>();
        Set<String> taken = new LinkedHashSet<>();
        for (JsonNode entry : entries.values()) {
            keys.put(
                    entry.path("entryId").asString(),
                    unique(taken, "entry/" + entry.path("type").asString() + "/" + firstSlug(entry)));
        }
        for (JsonNode asset : assets.values()) {
            keys.put(
                    asset.path("assetId").asString(),
                    unique(
                            taken,
                            "asset/" + asset.path("kind").asString() + "/" + name(firstText(asset.path("title")))));
        }

        List<String> entryFiles = new ArrayList<>();
        for (JsonNode entry : entries.values()) {
            String key = keys.get(entry.path("entryId").asString());
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("key", key);
            file.put("type", entry.path("type").asString());
            file.put("slugs", slugs(entry));
            Map<String, String> workflow = new TreeMap<>();
            entry.path("workflow").properties().forEach(p -> {
                if (p.getValue().path("state").isString()) {
                    workflow.put(p.getKey(), p.getValue().path("state").asString());
                }
            });
            file.put("workflow", workflow);
            file.put("fields", fields(types, entry.path("type").asString(), entry.path("fields"), keys));
            entryFiles.add(write(key.substring("entry/".length()).replaceFirst("^", "entries/") + ".yaml", file));
        }
        log.printf("entries: %d%n", entries.size());

        List<String> assetFiles = new ArrayList<>();
        for (JsonNode asset : assets.values()) {
            String key = keys.get(asset.path("assetId").asString());
            String path = "assets/" + key.substring("asset/".length());
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("key", key);
            file.put("kind", asset.path("kind").asString());
            for (String text : List.of("title", "alt", "caption")) {
                if (!asset.path(text).isEmpty()) {
                    file.put(text, texts(asset.path(text)));
                }
            }
            JsonNode availability = asset.path("availability");
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("state", availability.path("state").asString());
            if (!availability.path("contactText").isEmpty()) {
                state.put("contactText", texts(availability.path("contactText")));
            }
            if (availability.path("contactEntryId").isString()) {
                String id = availability.path("contactEntryId").asString();
                state.put("contactEntry", keys.getOrDefault(id, "missing:" + id));
            }
            if (availability.path("expectedAt").isString()) {
                state.put("expectedAt", availability.path("expectedAt").asString());
            }
            file.put("availability", state);
            List<Map<String, Object>> variants = new ArrayList<>();
            for (JsonNode variant : asset.path("variants")) {
                String locale = variant.path("locale").asString();
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("locale", locale);
                v.put("fileName", variant.path("fileName").asString(null));
                v.put("contentType", variant.path("contentType").asString(null));
                v.put("size", variant.path("sizeBytes").asLong());
                v.put("sha256", variant.path("sha256").asString(null));
                if (binaries) {
                    String bin = path + "." + locale + ".bin";
                    Reply downloaded = api.download(
                            "/api/media/assets/" + asset.path("assetId").asString() + "/content?locale=" + locale,
                            out.resolve(bin));
                    if (downloaded.ok()) {
                        v.put("file", Path.of(bin).getFileName().toString());
                    } else {
                        failures.add(downloaded.describe());
                    }
                }
                variants.add(v);
            }
            if (!variants.isEmpty()) {
                file.put("variants", variants);
            }
            assetFiles.add(write(path + ".yaml", file));
        }
        log.printf("assets: %d%s%n", assets.size(), binaries ? " with their files" : "");

        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", FORMAT);
        manifest.put("exportedAt", Instant.now().toString());
        manifest.put("binaries", binaries);
        manifest.put("types", typeFiles);
        // in key order: the API lists by id, and ids differ between installations
        manifest.put("entries", entryFiles.stream().sorted().toList());
        manifest.put("assets", assetFiles.stream().sorted().toList());
        write("export.yaml", manifest);
        log.printf(
                "exported %d types, %d entries, %d assets to %s%s%n",
                typeFiles.size(),
                entryFiles.size(),
                assetFiles.size(),
                out,
                failures.isEmpty() ? "" : "; " + failures.size() + " failures");
        failures.forEach(f -> log.println("  failed: " + f));
        return failures;
    }

    /** A type's fields as the export writes them: localized values per locale, ids as keys, items without ids. */
    static Map<String, Object> fields(
            Map<String, JsonNode> types, String type, JsonNode values, Map<String, String> keys) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (JsonNode definition : types.get(type).path("fields")) {
            String key = definition.path("key").asString();
            JsonNode value = values.path(key);
            if (value.isMissingNode() || value.isNull()) {
                continue;
            }
            String kind = definition.path("kind").asString();
            if (kind.equals("components")) {
                List<Object> items = new ArrayList<>();
                for (JsonNode item : value) {
                    items.add(fields(types, definition.path("componentType").asString(), item, keys));
                }
                fields.put(key, items);
            } else if (definition.path("localized").asBoolean()) {
                Map<String, Object> perLocale = new TreeMap<>();
                value.properties().forEach(p -> {
                    Map<String, Object> v = new LinkedHashMap<>();
                    v.put("value", Api.JSON.treeToValue(p.getValue().path("value"), Object.class));
                    v.put("origin", p.getValue().path("originLocale").asString(p.getKey()));
                    perLocale.put(p.getKey(), v);
                });
                fields.put(key, perLocale);
            } else {
                Object raw = Api.JSON.treeToValue(value.path("value"), Object.class);
                if (raw == null) {
                    continue;
                }
                fields.put(
                        key,
                        switch (kind) {
                            case "reference", "media" -> keys.getOrDefault(String.valueOf(raw), "missing:" + raw);
                            case "reference-list", "media-list" ->
                                ((List<?>) raw)
                                        .stream()
                                                .map(id -> keys.getOrDefault(String.valueOf(id), "missing:" + id))
                                                .toList();
                            default -> raw;
                        });
            }
        }
        return fields;
    }

    private static Map<String, Object> texts(JsonNode localized) {
        Map<String, Object> texts = new TreeMap<>();
        localized.properties().forEach(p -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("text", p.getValue().path("text").asString());
            t.put("origin", p.getValue().path("origin").asString(p.getKey()));
            texts.put(p.getKey(), t);
        });
        return texts;
    }

    /** The entry's slugs by locale, in locale order, so two exports of the same entry write the same file. */
    private static Map<String, String> slugs(JsonNode entry) {
        Map<String, String> slugs = new TreeMap<>();
        entry.path("slugs").properties().forEach(slug -> {
            if (slug.getValue().isString()) {
                slugs.put(slug.getKey(), slug.getValue().asString());
            }
        });
        return slugs;
    }

    private static String firstSlug(JsonNode entry) {
        return slugs(entry).values().stream()
                .findFirst()
                .orElse(entry.path("entryId").asString());
    }

    private static String firstText(JsonNode localized) {
        for (var text : localized.properties()) {
            return text.getValue().path("text").asString();
        }
        return "untitled";
    }

    /** Letters and digits of any script, lower case, joined by single hyphens, at most 80 characters. */
    static String name(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder name = new StringBuilder();
        normal.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c)) {
                name.appendCodePoint(c);
            } else if (name.length() > 0 && name.charAt(name.length() - 1) != '-') {
                name.append('-');
            }
        });
        String joined = name.toString().replaceAll("-+$", "");
        int end = joined.offsetByCodePoints(0, Math.min(80, joined.codePointCount(0, joined.length())));
        return joined.isEmpty() ? "untitled" : joined.substring(0, end).replaceAll("-+$", "");
    }

    private static String unique(Set<String> taken, String key) {
        String candidate = key;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = key + "-" + n;
        }
        return candidate;
    }

    private String write(String relative, Object content) throws IOException {
        Path file = out.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, SeedSet.YAML.writeValueAsString(content));
        return relative;
    }
}

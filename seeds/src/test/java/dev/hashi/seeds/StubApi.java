package dev.hashi.seeds;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for the gateway that behaves like the API for the calls the loader makes: content types (installed
 * from content-service's own {@code content-types.json}), entries with localized values, item ids, versions,
 * {@code If-Match} and publishing, and media assets with variant uploads. Writes naming fields the type lacks are
 * refused as the service refuses them. Every call is recorded; {@link #failWhen} makes chosen calls answer 500.
 */
final class StubApi implements AutoCloseable {

    static final Path CONTENT_TYPES = Path.of("../content-service/src/main/resources/seed/content-types.json");
    private static final String TOKEN = "hsh_test-token";

    private final HttpServer server;
    private final Map<String, JsonNode> types = new LinkedHashMap<>();
    private final Map<String, ObjectNode> entries = new LinkedHashMap<>();
    private final Map<String, ObjectNode> assets = new LinkedHashMap<>();
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private volatile BiPredicate<String, String> failWhen = (call, body) -> false;
    private int sequence;

    StubApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    String token() {
        return TOKEN;
    }

    /** Calls (method and path with query) and bodies that answer 500 from now on. */
    void failWhen(BiPredicate<String, String> calls) {
        this.failWhen = calls;
    }

    List<String> writes() {
        synchronized (calls) {
            return calls.stream().filter(c -> !c.startsWith("GET ")).toList();
        }
    }

    JsonNode entryBySlug(String slug) {
        return entries.values().stream()
                .filter(e -> e.path("slugs").path("en").asString("").equals(slug))
                .findFirst()
                .orElse(null);
    }

    Map<String, ObjectNode> assets() {
        return assets;
    }

    Map<String, ObjectNode> entries() {
        return entries;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        URI uri = exchange.getRequestURI();
        String call = method + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        calls.add(call);
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            problem(exchange, 401, "auth.required", "no token");
            return;
        }
        if (failWhen.test(call, new String(body, StandardCharsets.UTF_8))) {
            problem(exchange, 500, "internal.error", "injected failure");
            return;
        }
        String path = uri.getRawPath();
        Map<String, String> query = query(uri.getRawQuery());
        Matcher m;
        if (method.equals("GET") && (m = match("/api/content/types/([^/]+)", path)) != null) {
            JsonNode type = types.get(m.group(1));
            if (type == null) {
                problem(exchange, 404, "type.not-found", "no type");
            } else {
                json(exchange, 200, type, null);
            }
        } else if (method.equals("POST") && path.equals("/api/content/types/seed")) {
            JsonNode seed = Api.JSON.readTree(Files.readString(CONTENT_TYPES));
            ArrayNode keys = Api.JSON.createArrayNode();
            for (JsonNode type : seed) {
                ObjectNode view = ((ObjectNode) type.path("definition")).deepCopy();
                view.put("type", type.path("key").asString());
                types.put(type.path("key").asString(), view);
                keys.add(type.path("key").asString());
            }
            json(exchange, 200, Api.JSON.createObjectNode().set("types", keys), null);
        } else if (method.equals("GET") && path.equals("/api/content/entries")) {
            ArrayNode items = Api.JSON.createArrayNode();
            for (ObjectNode entry : entries.values()) {
                if (entry.path("type").asString().equals(query.get("type"))) {
                    items.add(summary(entry));
                }
            }
            json(exchange, 200, page(items), null);
        } else if (method.equals("POST") && path.equals("/api/content/entries")) {
            JsonNode request = Api.JSON.readTree(body);
            String type = request.path("type").asString();
            ObjectNode entry = Api.JSON.createObjectNode();
            entry.put("entryId", "e-" + (++sequence));
            entry.put("type", type);
            entry.put("version", 1);
            ObjectNode slugs = entry.putObject("slugs");
            if (request.has("slug")) {
                slugs.put(
                        request.path("locale").asString(), request.path("slug").asString());
            }
            entry.putObject("workflow");
            ObjectNode fields = entry.putObject("fields");
            String error = write(
                    type, request.path("fields"), fields, request.path("locale").asString());
            if (error != null) {
                problem(exchange, 400, "request.invalid", error);
                return;
            }
            entries.put(entry.path("entryId").asString(), entry);
            json(exchange, 201, entry, "\"1\"");
        } else if ((m = match("/api/content/entries/([^/]+)", path)) != null) {
            ObjectNode entry = entries.get(m.group(1));
            if (entry == null) {
                problem(exchange, 404, "entry.not-found", "no entry");
            } else if (method.equals("GET")) {
                json(exchange, 200, entry, etag(entry));
            } else if (method.equals("PATCH")) {
                if (!etag(entry).equals(exchange.getRequestHeaders().getFirst("If-Match"))) {
                    problem(exchange, 412, "version.conflict", "stale");
                    return;
                }
                JsonNode request = Api.JSON.readTree(body);
                String error = write(
                        entry.path("type").asString(),
                        request.path("fields"),
                        (ObjectNode) entry.path("fields"),
                        request.path("locale").asString());
                if (error != null) {
                    problem(exchange, 400, "request.invalid", error);
                    return;
                }
                entry.put("version", entry.path("version").asLong() + 1);
                json(exchange, 200, entry, etag(entry));
            } else {
                problem(exchange, 405, "request.method-not-allowed", method);
            }
        } else if (method.equals("POST")
                && (m = match("/api/content/entries/([^/]+)/locales/([^/]+)/publish", path)) != null) {
            ObjectNode entry = entries.get(m.group(1));
            if (!etag(entry).equals(exchange.getRequestHeaders().getFirst("If-Match"))) {
                problem(exchange, 412, "version.conflict", "stale");
                return;
            }
            entry.put("version", entry.path("version").asLong() + 1);
            ObjectNode state = ((ObjectNode) entry.path("workflow")).putObject(m.group(2));
            state.put("state", "published");
            state.put("publishedVersion", entry.path("version").asLong());
            json(exchange, 200, entry, etag(entry));
        } else if (method.equals("GET") && path.equals("/api/media/assets")) {
            ArrayNode items = Api.JSON.createArrayNode();
            for (ObjectNode asset : assets.values()) {
                if (query.get("kind") == null || asset.path("kind").asString().equals(query.get("kind"))) {
                    items.add(asset);
                }
            }
            json(exchange, 200, page(items), null);
        } else if (method.equals("POST") && path.equals("/api/media/assets")) {
            ObjectNode asset = (ObjectNode) Api.JSON.readTree(body);
            asset.put("assetId", "a-" + (++sequence));
            asset.put("version", 1);
            asset.putArray("variants");
            assets.put(asset.path("assetId").asString(), asset);
            json(exchange, 201, asset, "\"1\"");
        } else if (method.equals("PUT") && (m = match("/api/media/assets/([^/]+)/variants/([^/]+)", path)) != null) {
            ObjectNode asset = assets.get(m.group(1));
            ObjectNode variant = ((ArrayNode) asset.path("variants")).addObject();
            variant.put("locale", m.group(2));
            variant.put("sizeBytes", body.length);
            variant.put("declaredType", exchange.getRequestHeaders().getFirst("Content-Type"));
            variant.put("fileName", query.get("fileName"));
            variant.put("sha256", sha256(body));
            variant.put("head", new String(body, 0, Math.min(body.length, 200), StandardCharsets.ISO_8859_1));
            asset.put("version", asset.path("version").asLong() + 1);
            json(exchange, 200, asset, etag(asset));
        } else {
            problem(exchange, 404, "route.not-found", call);
        }
    }

    /** Writes {@code request} into {@code stored} in {@code locale}, the way content-service stores values. */
    private String write(String typeKey, JsonNode request, ObjectNode stored, String locale) {
        JsonNode type = types.get(typeKey);
        if (type == null) {
            return "type.unknown " + typeKey;
        }
        for (Map.Entry<String, JsonNode> field : request.properties()) {
            JsonNode definition = null;
            for (JsonNode f : type.path("fields")) {
                if (f.path("key").asString().equals(field.getKey())) {
                    definition = f;
                }
            }
            if (definition == null) {
                return "entry.field-unknown " + typeKey + "." + field.getKey();
            }
            String kind = definition.path("kind").asString();
            if (kind.equals("components")) {
                ArrayNode before = stored.path(field.getKey()).isArray()
                        ? (ArrayNode) stored.path(field.getKey())
                        : Api.JSON.createArrayNode();
                ArrayNode after = Api.JSON.createArrayNode();
                for (JsonNode item : field.getValue()) {
                    ObjectNode target = null;
                    if (item.has("id")) {
                        for (JsonNode old : before) {
                            if (old.path("id").asString().equals(item.path("id").asString())) {
                                target = (ObjectNode) old;
                            }
                        }
                        if (target == null) {
                            return "entry.item-unknown " + item.path("id").asString();
                        }
                    } else {
                        target = Api.JSON.createObjectNode();
                        target.put("id", "i-" + (++sequence));
                    }
                    ObjectNode values = ((ObjectNode) item).deepCopy();
                    values.remove("id");
                    String error = write(definition.path("componentType").asString(), values, target, locale);
                    if (error != null) {
                        return error;
                    }
                    after.add(target);
                }
                stored.set(field.getKey(), after);
            } else if (definition.path("localized").asBoolean(false)) {
                ObjectNode perLocale = stored.path(field.getKey()).isObject()
                        ? (ObjectNode) stored.path(field.getKey())
                        : stored.putObject(field.getKey());
                perLocale.putObject(locale).set("value", field.getValue());
            } else {
                stored.putObject(field.getKey()).set("value", field.getValue());
            }
        }
        return null;
    }

    private ObjectNode summary(ObjectNode entry) {
        ObjectNode summary = Api.JSON.createObjectNode();
        summary.put("entryId", entry.path("entryId").asString());
        summary.put("type", entry.path("type").asString());
        String titleField =
                types.get(entry.path("type").asString()).path("titleField").asString();
        ObjectNode titles = summary.putObject("titles");
        entry.path("fields")
                .path(titleField)
                .properties()
                .forEach(p -> titles.set(p.getKey(), p.getValue().path("value")));
        summary.set("slugs", entry.path("slugs"));
        return summary;
    }

    private static ObjectNode page(ArrayNode items) {
        ObjectNode page = Api.JSON.createObjectNode();
        page.set("items", items);
        page.putNull("next");
        page.put("total", items.size());
        return page;
    }

    private static String etag(JsonNode resource) {
        return "\"" + resource.path("version").asLong() + "\"";
    }

    private static Matcher match(String pattern, String path) {
        Matcher m = Pattern.compile(pattern).matcher(path);
        return m.matches() ? m : null;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void json(HttpExchange exchange, int status, JsonNode body, String etag) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (etag != null) {
            exchange.getResponseHeaders().set("ETag", etag);
        }
        send(exchange, status, Api.JSON.writeValueAsBytes(body));
    }

    private static void problem(HttpExchange exchange, int status, String code, String detail) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        ObjectNode problem = Api.JSON.createObjectNode();
        problem.put("status", status);
        problem.put("code", code);
        problem.put("detail", detail);
        send(exchange, status, Api.JSON.writeValueAsBytes(problem));
    }

    private static void send(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

package dev.hashi.seeds;

import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.hashi.seeds.Api.Reply;
import dev.hashi.seeds.SeedModel.Asset;
import dev.hashi.seeds.SeedModel.Organisation;
import dev.hashi.seeds.SeedModel.Page;
import dev.hashi.seeds.SeedModel.Person;
import dev.hashi.seeds.SeedModel.Presentation;
import dev.hashi.seeds.SeedModel.Session;
import dev.hashi.seeds.SeedModel.Text;

import tools.jackson.databind.JsonNode;

import static dev.hashi.seeds.SeedModel.orEmpty;

/**
 * Loads a seed set into a running installation through the gateway, idempotently: every item is first looked up
 * by a handle the API offers (an organisation by its name in its first locale among the {@code organisation}
 * entries, an asset by kind and title, the page by its slug among the {@code event-page} entries); what exists is
 * completed where values are missing and otherwise left as it is (a value an editor changed is kept and named), so a
 * second run writes nothing and says "unchanged" for every item. One line per item as it goes; a failing call is
 * reported and the run goes on with what does not depend on it; the failures are listed again at the end.
 */
final class Loader {

    enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED,
        FAILED,
        SKIPPED
    }

    /** What a run did. */
    record Result(Map<Outcome, Integer> counts, List<String> failures) {
        boolean failed() {
            return !failures.isEmpty();
        }
    }

    private final SeedSet set;
    private final Api api;
    private final PrintStream out;
    private final Duration publishWait;
    private final Map<String, String> ids = new LinkedHashMap<>();
    private final Set<String> broken = new LinkedHashSet<>();
    private final Map<Outcome, Integer> counts = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private int done;
    private int total;
    private boolean skipFiles;

    Loader(SeedSet set, Api api, PrintStream out, Duration publishWait) {
        this.set = set;
        this.api = api;
        this.out = out;
        this.publishWait = publishWait;
    }

    /** Loads entries and asset metadata only: no stand-in is uploaded (a later run without it uploads them). */
    Loader skipFiles(boolean skip) {
        this.skipFiles = skip;
        return this;
    }

    /** One item's progress: what was done, and the first failure if any. */
    private static final class Step {
        final String key;
        final List<String> notes = new ArrayList<>();
        Outcome outcome = Outcome.UNCHANGED;
        String failure;

        Step(String key) {
            this.key = key;
        }

        void changed(Outcome what, String note) {
            if (outcome == Outcome.UNCHANGED || (outcome == Outcome.UPDATED && what == Outcome.CREATED)) {
                outcome = what;
            }
            notes.add(note);
        }

        boolean fail(Reply reply) {
            return fail(reply.describe());
        }

        boolean fail(String message) {
            outcome = Outcome.FAILED;
            failure = message;
            return false;
        }
    }

    Result run() {
        List<Organisation> organisations = set.items(Organisation.class);
        List<Asset> assets = set.items(Asset.class);
        List<Page> pages = set.items(Page.class);
        total = 1 + organisations.size() + assets.size() + pages.size();
        out.printf("loading seed set %s: %d items%n", set.name(), total);

        Step types = new Step("types");
        boolean typesReady = types(types);
        finish(types);
        for (Organisation organisation : organisations) {
            Step step = new Step(organisation.key());
            if (typesReady) {
                organisation(step, organisation);
            } else {
                step.outcome = Outcome.SKIPPED;
                step.failure = "not attempted: the content types are not ready";
            }
            finish(step);
        }
        for (Asset asset : assets) {
            Step step = new Step(asset.key());
            String blocked = blocked(
                    asset.availability() == null ? null : asset.availability().contactEntry());
            if (blocked != null) {
                step.outcome = Outcome.SKIPPED;
                step.failure = blocked;
            } else {
                asset(step, asset);
            }
            finish(step);
        }
        for (Page page : pages) {
            Step step = new Step(page.key());
            String blocked = typesReady
                    ? blocked(references(page).toArray(String[]::new))
                    : "not attempted: the content types are not ready";
            if (blocked != null) {
                step.outcome = Outcome.SKIPPED;
                step.failure = blocked;
            } else {
                page(step, page);
            }
            finish(step);
        }

        for (Outcome outcome : Outcome.values()) {
            counts.putIfAbsent(outcome, 0);
        }
        out.printf(
                "done: %d created, %d updated, %d unchanged, %d failed, %d skipped%n",
                counts.get(Outcome.CREATED),
                counts.get(Outcome.UPDATED),
                counts.get(Outcome.UNCHANGED),
                counts.get(Outcome.FAILED),
                counts.get(Outcome.SKIPPED));
        if (counts.get(Outcome.UNCHANGED) == total) {
            out.println("nothing changed: the installation already holds the seed set");
        }
        if (!failures.isEmpty()) {
            out.println("failures:");
            failures.forEach(f -> out.println("  " + f));
        }
        return new Result(Map.copyOf(counts), List.copyOf(failures));
    }

    private void finish(Step step) {
        done++;
        counts.merge(step.outcome, 1, Integer::sum);
        String what = switch (step.outcome) {
            case CREATED -> "created";
            case UPDATED -> "updated";
            case UNCHANGED -> "unchanged";
            case FAILED -> "FAILED";
            case SKIPPED -> "SKIPPED";
        };
        StringBuilder line = new StringBuilder(String.format("[%2d/%d] %s: %s", done, total, step.key, what));
        String id = ids.get(step.key);
        if (id != null) {
            line.append(" ").append(id);
        }
        if (!step.notes.isEmpty()) {
            line.append(" (").append(String.join("; ", step.notes)).append(")");
        }
        if (step.failure != null) {
            line.append(": ").append(step.failure);
            failures.add(step.key + ": " + step.failure);
            broken.add(step.key);
        }
        out.println(line);
    }

    private String blocked(String... keys) {
        for (String key : keys) {
            if (key != null && (broken.contains(key) || !ids.containsKey(key))) {
                return "not attempted: " + key + " is not loaded";
            }
        }
        return null;
    }

    // ---- types ---------------------------------------------------------------------------------------------------

    private boolean types(Step step) {
        Map<String, Set<String>> used = usedFields();
        Map<String, Set<String>> lacking = lacking(used, step);
        if (lacking == null) {
            return false;
        }
        if (lacking.isEmpty()) {
            step.notes.add(String.join(", ", used.keySet()));
            return true;
        }
        Reply seeded = api.send("POST", "/api/content/types/seed", Map.of());
        if (!seeded.ok()) {
            return step.fail(seeded);
        }
        step.changed(Outcome.UPDATED, "installed the seed types for " + lacking.keySet());
        Map<String, Set<String>> still = lacking(used, step);
        if (still == null) {
            return false;
        }
        if (!still.isEmpty()) {
            return step.fail("the seed types lack fields the data uses: " + still);
        }
        return true;
    }

    /** Per type, the fields the data uses that the installed type lacks (all of them when the type is missing). */
    private Map<String, Set<String>> lacking(Map<String, Set<String>> used, Step step) {
        Map<String, Set<String>> lacking = new TreeMap<>();
        for (Map.Entry<String, Set<String>> type : used.entrySet()) {
            Reply reply = api.get("/api/content/types/" + type.getKey());
            if (reply.status() == 404) {
                lacking.put(type.getKey(), type.getValue());
                continue;
            }
            if (!reply.ok()) {
                step.fail(reply);
                return null;
            }
            Set<String> have = new TreeSet<>();
            reply.json().path("fields").forEach(f -> have.add(f.path("key").asString()));
            Set<String> missing = new TreeSet<>(type.getValue());
            missing.removeAll(have);
            if (!missing.isEmpty()) {
                lacking.put(type.getKey(), missing);
            }
        }
        return lacking;
    }

    /** The fields the set writes, per content type, in the manifest's type order. */
    Map<String, Set<String>> usedFields() {
        Map<String, Set<String>> used = new LinkedHashMap<>();
        orEmpty(set.manifest().types()).forEach(t -> used.put(t, new TreeSet<>()));
        for (Organisation o : set.items(Organisation.class)) {
            collectKeys(used, "organisation", organisationFields(o, null, true));
        }
        for (Page page : set.items(Page.class)) {
            Map<String, Object> tree = pageFields(page, null, true, true);
            collectKeys(used, "event-page", tree);
        }
        return used;
    }

    private void collectKeys(Map<String, Set<String>> used, String type, Map<String, Object> tree) {
        Set<String> keys = used.computeIfAbsent(type, t -> new TreeSet<>());
        tree.forEach((key, value) -> {
            keys.add(key);
            String component = componentType(type, key);
            if (component != null && value instanceof List<?> items) {
                for (Object item : items) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> fields = (Map<String, Object>) item;
                    collectKeys(used, component, fields);
                }
            }
        });
    }

    private static String componentType(String type, String field) {
        if (type.equals("event-page") && field.equals("sessions")) {
            return "session";
        }
        if (type.equals("session")) {
            return switch (field) {
                case "moderators", "commentators", "panel" -> "person";
                case "presentations" -> "presentation";
                default -> null;
            };
        }
        return null;
    }

    // ---- organisations -------------------------------------------------------------------------------------------

    private void organisation(Step step, Organisation organisation) {
        String locale = organisation.name().keySet().iterator().next();
        List<Reply> listFailures = new ArrayList<>();
        String existing = null;
        for (JsonNode entry : api.list("/api/content/entries?type=organisation", listFailures)) {
            if (organisation
                    .name()
                    .get(locale)
                    .equals(entry.path("titles").path(locale).asString(null))) {
                existing = entry.path("entryId").asString();
                break;
            }
        }
        if (!listFailures.isEmpty()) {
            step.fail(listFailures.get(0));
            return;
        }
        Map<String, Map<String, Object>> byLocale = new LinkedHashMap<>();
        for (String l : locales(organisation)) {
            byLocale.put(l, organisationFields(organisation, l, l.equals(locale)));
        }
        entry(
                step,
                organisation.key(),
                "organisation",
                locale,
                null,
                existing,
                byLocale,
                orEmpty(organisation.publish()));
    }

    private static Set<String> locales(Organisation o) {
        Set<String> locales = new LinkedHashSet<>(o.name().keySet());
        for (Text text : new Text[] {o.shortName(), o.division(), o.unit(), o.address()}) {
            locales.addAll(orEmpty(text).keySet());
        }
        return locales;
    }

    /** The organisation's fields in {@code locale} ({@code null}: every locale's, for the field inventory). */
    private static Map<String, Object> organisationFields(Organisation o, String locale, boolean withShared) {
        Map<String, Object> fields = new LinkedHashMap<>();
        text(fields, "name", o.name(), locale);
        text(fields, "shortName", o.shortName(), locale);
        text(fields, "division", o.division(), locale);
        text(fields, "unit", o.unit(), locale);
        text(fields, "address", o.address(), locale);
        if (withShared) {
            shared(fields, "website", o.website());
            shared(fields, "email", o.email());
            shared(fields, "phone", o.phone());
        }
        return fields;
    }

    // ---- assets --------------------------------------------------------------------------------------------------

    private void asset(Step step, Asset asset) {
        String locale = asset.title().keySet().iterator().next();
        String title = asset.title().get(locale);
        List<Reply> listFailures = new ArrayList<>();
        JsonNode existing = null;
        for (JsonNode candidate : api.list("/api/media/assets?kind=" + asset.kind(), listFailures)) {
            if (title.equals(candidate.path("title").path(locale).path("text").asString(null))) {
                existing = candidate;
                break;
            }
        }
        if (!listFailures.isEmpty()) {
            step.fail(listFailures.get(0));
            return;
        }
        if (existing == null) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("kind", asset.kind());
            body.put("title", localized(asset.title()));
            body.put("availability", availability(asset));
            Reply created =
                    api.send("POST", "/api/media/assets", body, "Idempotency-Key", idempotencyKey(asset.key(), body));
            if (!created.ok()) {
                step.fail(created);
                return;
            }
            existing = created.json();
            step.changed(Outcome.CREATED, "availability " + asset.availability().state());
        } else {
            String state = existing.path("availability").path("state").asString("");
            if (!state.equals(asset.availability().state())) {
                step.notes.add("kept its availability " + state + " (the seed says "
                        + asset.availability().state() + ")");
            }
        }
        String id = existing.path("assetId").asString();
        ids.put(asset.key(), id);
        if (asset.file() == null) {
            return;
        }
        if (skipFiles) {
            boolean has = false;
            for (JsonNode variant : existing.path("variants")) {
                has |= asset.file().locale().equals(variant.path("locale").asString());
            }
            if (!has) {
                step.notes.add("its " + asset.file().locale() + " stand-in is left for a later run (--skip-files)");
            }
            return;
        }
        for (JsonNode variant : existing.path("variants")) {
            if (asset.file().locale().equals(variant.path("locale").asString())) {
                return;
            }
        }
        var file = asset.file();
        Reply uploaded = api.upload(
                "/api/media/assets/" + id + "/variants/" + file.locale() + "?fileName="
                        + URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8),
                file.contentType(),
                () -> StandIns.open(asset.key(), file.contentType(), file.sizeBytes()),
                file.sizeBytes());
        if (!uploaded.ok()) {
            step.fail(uploaded);
            return;
        }
        step.changed(
                Outcome.UPDATED,
                "uploaded the " + file.locale() + " stand-in " + file.fileName() + ", " + file.sizeBytes() + " bytes");
    }

    private Map<String, Object> availability(Asset asset) {
        Map<String, Object> availability = new LinkedHashMap<>();
        availability.put("state", asset.availability().state());
        if (asset.availability().contactText() != null) {
            availability.put("contactText", localized(asset.availability().contactText()));
        }
        if (asset.availability().contactEntry() != null) {
            availability.put("contactEntryId", ids.get(asset.availability().contactEntry()));
        }
        if (asset.availability().expectedAt() != null) {
            availability.put("expectedAt", asset.availability().expectedAt());
        }
        return availability;
    }

    private static Map<String, Object> localized(Text text) {
        Map<String, Object> out = new LinkedHashMap<>();
        text.forEach((locale, value) -> out.put(locale, Map.of("text", value)));
        return out;
    }

    // ---- pages ---------------------------------------------------------------------------------------------------

    private void page(Step step, Page page) {
        List<Reply> listFailures = new ArrayList<>();
        String existing = null;
        for (JsonNode entry : api.list("/api/content/entries?type=" + page.type(), listFailures)) {
            if (page.slug().equals(entry.path("slugs").path(page.createLocale()).asString(null))) {
                existing = entry.path("entryId").asString();
                break;
            }
        }
        if (!listFailures.isEmpty()) {
            step.fail(listFailures.get(0));
            return;
        }
        Map<String, Map<String, Object>> byLocale = new LinkedHashMap<>();
        byLocale.put(page.createLocale(), pageFields(page, page.createLocale(), true, false));
        for (String locale : pageLocales(page)) {
            byLocale.putIfAbsent(locale, pageFields(page, locale, false, false));
        }
        entry(step, page.key(), page.type(), page.createLocale(), page.slug(), existing, byLocale, page.publish());
    }

    private Set<String> pageLocales(Page page) {
        Set<String> locales = new TreeSet<>();
        collectLocales(SeedSet.YAML.readTree(set.file(page.key()).text()), locales);
        for (Session session : orEmpty(page.sessions())) {
            for (String key : orEmpty(session.presentations())) {
                collectLocales(SeedSet.YAML.readTree(set.file(key).text()), locales);
            }
        }
        return locales;
    }

    private static void collectLocales(JsonNode node, Set<String> locales) {
        if (node.isObject()) {
            node.properties().forEach(p -> {
                if (SeedSet.LOCALES.contains(p.getKey()) && p.getValue().isString()) {
                    locales.add(p.getKey());
                } else {
                    collectLocales(p.getValue(), locales);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectLocales(n, locales));
        }
    }

    private Set<String> references(Page page) {
        Set<String> keys = new LinkedHashSet<>();
        keys.addAll(orEmpty(page.organisers()));
        keys.addAll(orEmpty(page.contacts()));
        if (page.declaration() != null) {
            keys.add(page.declaration());
        }
        for (Session session : orEmpty(page.sessions())) {
            for (String key : orEmpty(session.presentations())) {
                Presentation p = (Presentation) set.file(key).item();
                keys.addAll(orEmpty(p.attachments()));
                if (p.organisation() != null) {
                    keys.add(p.organisation());
                }
            }
            for (List<Person> people :
                    List.of(orEmpty(session.moderators()), orEmpty(session.commentators()), orEmpty(session.panel()))) {
                people.stream()
                        .map(Person::organisation)
                        .filter(Objects::nonNull)
                        .forEach(keys::add);
            }
        }
        return keys;
    }

    /**
     * The page's fields in {@code locale}: its texts in that locale and, with {@code withShared}, the values every
     * locale shares (date, references); component lists always list every item, in order. {@code every}: every
     * locale's texts (for the field inventory, with placeholder ids).
     */
    Map<String, Object> pageFields(Page page, String locale, boolean withShared, boolean every) {
        Map<String, Object> fields = new LinkedHashMap<>();
        text(fields, "title", page.title(), locale);
        text(fields, "summary", page.summary(), locale);
        text(fields, "venue", page.venue(), locale);
        text(fields, "programmeIntro", page.programmeIntro(), locale);
        if (withShared) {
            shared(fields, "date", page.date());
            shared(fields, "declaration", id(page.declaration(), every));
            shared(fields, "organisers", ids(page.organisers(), every));
            shared(fields, "contacts", ids(page.contacts(), every));
        }
        List<Map<String, Object>> sessions = new ArrayList<>();
        for (Session session : orEmpty(page.sessions())) {
            Map<String, Object> s = new LinkedHashMap<>();
            text(s, "title", session.title(), locale);
            text(s, "theme", session.theme(), locale);
            text(s, "description", session.description(), locale);
            people(s, "moderators", session.moderators(), locale, withShared, every);
            List<Map<String, Object>> presentations = new ArrayList<>();
            for (String key : orEmpty(session.presentations())) {
                Presentation p = (Presentation) set.file(key).item();
                Map<String, Object> item = new LinkedHashMap<>();
                text(item, "title", p.title(), locale);
                text(item, "presenter", p.presenter(), locale);
                text(item, "city", p.city(), locale);
                text(item, "country", p.country(), locale);
                if (withShared) {
                    shared(item, "organisation", id(p.organisation(), every));
                    shared(item, "attachments", ids(p.attachments(), every));
                }
                presentations.add(item);
            }
            if (!presentations.isEmpty()) {
                s.put("presentations", presentations);
            }
            people(s, "commentators", session.commentators(), locale, withShared, every);
            people(s, "panel", session.panel(), locale, withShared, every);
            sessions.add(s);
        }
        if (!sessions.isEmpty()) {
            fields.put("sessions", sessions);
        }
        return fields;
    }

    private void people(
            Map<String, Object> into,
            String key,
            List<Person> people,
            String locale,
            boolean withShared,
            boolean every) {
        if (orEmpty(people).isEmpty()) {
            return;
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (Person person : people) {
            Map<String, Object> item = new LinkedHashMap<>();
            text(item, "name", person.name(), locale);
            text(item, "position", person.position(), locale);
            text(item, "affiliation", person.affiliation(), locale);
            if (withShared) {
                shared(item, "organisation", id(person.organisation(), every));
            }
            items.add(item);
        }
        into.put(key, items);
    }

    private String id(String key, boolean placeholder) {
        if (key == null) {
            return null;
        }
        return placeholder ? "<" + key + ">" : ids.get(key);
    }

    private List<String> ids(List<String> keys, boolean placeholder) {
        if (orEmpty(keys).isEmpty()) {
            return null;
        }
        return keys.stream().map(k -> id(k, placeholder)).toList();
    }

    /** A localized text of {@code locale}, or (locale {@code null}) a marker that the field is written. */
    private static void text(Map<String, Object> fields, String key, Text text, String locale) {
        if (text == null) {
            return;
        }
        if (locale == null) {
            fields.put(key, new Localized(String.join(" / ", text.values())));
        } else if (text.containsKey(locale)) {
            fields.put(key, new Localized(text.get(locale)));
        }
    }

    private static void shared(Map<String, Object> fields, String key, Object value) {
        if (value != null) {
            fields.put(key, value);
        }
    }

    /** A localized value in a field tree (written as its text). */
    record Localized(String text) {}

    // ---- entries: create or complete, then publish ---------------------------------------------------------------

    private void entry(
            Step step,
            String key,
            String type,
            String createLocale,
            String slug,
            String existing,
            Map<String, Map<String, Object>> byLocale,
            List<String> publish) {
        boolean wrote = false;
        String id = existing;
        String etag;
        JsonNode view;
        if (id == null) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", type);
            body.put("locale", createLocale);
            if (slug != null) {
                body.put("slug", slug);
            }
            body.put("fields", wire(byLocale.get(createLocale)));
            Reply created =
                    api.send("POST", "/api/content/entries", body, "Idempotency-Key", idempotencyKey(key, body));
            if (!created.ok()) {
                step.fail(created);
                return;
            }
            id = created.json().path("entryId").asString();
            etag = etag(created);
            view = created.json();
            wrote = true;
            step.changed(Outcome.CREATED, "in " + createLocale);
        } else {
            Reply read = api.get("/api/content/entries/" + id);
            if (!read.ok()) {
                step.fail(read);
                return;
            }
            etag = etag(read);
            view = read.json();
        }
        ids.put(key, id);
        for (Map.Entry<String, Map<String, Object>> locale : byLocale.entrySet()) {
            List<String> kept = new ArrayList<>();
            Map<String, Object> patch = missing(locale.getValue(), view.path("fields"), locale.getKey(), "", kept);
            kept.forEach(path -> step.notes.add("kept " + locale.getKey() + " " + path + " as edited"));
            if (patch == null) {
                continue;
            }
            Reply patched = api.send(
                    "PATCH",
                    "/api/content/entries/" + id,
                    Map.of("locale", locale.getKey(), "fields", patch),
                    "If-Match",
                    etag);
            if (!patched.ok()) {
                step.fail(patched);
                return;
            }
            etag = etag(patched);
            view = patched.json();
            wrote = true;
            step.changed(Outcome.UPDATED, "wrote " + locale.getKey());
        }
        for (String locale : orEmpty(publish)) {
            String state = view.path("workflow").path(locale).path("state").asString("");
            if (state.equals("published") && !wrote) {
                continue;
            }
            Reply published = publish(id, locale, etag);
            if (!published.ok()) {
                step.fail(published);
                return;
            }
            etag = etag(published);
            view = published.json();
            step.changed(Outcome.UPDATED, "published " + locale);
        }
    }

    /** The reply's ETag, else the entry's version in the body as one. */
    private static String etag(Reply reply) {
        return reply.etag() != null
                ? reply.etag()
                : "\"" + reply.json().path("version").asLong() + "\"";
    }

    /**
     * Publishes a locale; while media-service has not yet announced a just-created asset to content-service the
     * publish is refused with {@code publish.asset-missing}, so that refusal is retried for up to the publish wait.
     */
    private Reply publish(String id, String locale, String etag) {
        long deadline = System.nanoTime() + publishWait.toNanos();
        String path = "/api/content/entries/" + id + "/locales/" + locale + "/publish";
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

    /**
     * What {@code desired} has that the entry lacks in {@code locale}, as a PATCH body's fields (list items named by
     * their ids, every existing item listed so none is removed), or {@code null} when nothing is missing. Values the
     * entry holds with another text are left alone and named in {@code kept}.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> missing(
            Map<String, Object> desired, JsonNode current, String locale, String at, List<String> kept) {
        Map<String, Object> patch = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : desired.entrySet()) {
            String path = at + field.getKey();
            JsonNode now = current.path(field.getKey());
            Object want = field.getValue();
            if (want instanceof Localized text) {
                JsonNode value = now.path(locale).path("value");
                if (value.isMissingNode() || value.isNull()) {
                    patch.put(field.getKey(), text.text());
                } else if (!value.asString().equals(text.text())) {
                    kept.add(path);
                }
            } else if (want instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
                List<Map<String, Object>> items = (List<Map<String, Object>>) list;
                List<Object> itemsPatch = new ArrayList<>();
                boolean changed = false;
                int i = 0;
                for (JsonNode existing : now) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("id", existing.path("id").asString());
                    if (i < items.size()) {
                        Map<String, Object> sub = missing(items.get(i), existing, locale, path + "[" + i + "].", kept);
                        if (sub != null) {
                            item.putAll(sub);
                            changed = true;
                        }
                    }
                    itemsPatch.add(item);
                    i++;
                }
                for (; i < items.size(); i++) {
                    itemsPatch.add(wire(items.get(i)));
                    changed = true;
                }
                if (changed) {
                    patch.put(field.getKey(), itemsPatch);
                }
            } else {
                JsonNode value = now.path("value");
                Object have =
                        value.isMissingNode() || value.isNull() ? null : Api.JSON.treeToValue(value, Object.class);
                if (have == null) {
                    patch.put(field.getKey(), want);
                } else if (!have.equals(want)) {
                    kept.add(path);
                }
            }
        }
        return patch.isEmpty() ? null : patch;
    }

    /** The tree as the API takes it: localized markers become their text. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> wire(Map<String, Object> tree) {
        Map<String, Object> out = new LinkedHashMap<>();
        tree.forEach((key, value) -> {
            if (value instanceof Localized text) {
                out.put(key, text.text());
            } else if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
                out.put(
                        key,
                        list.stream()
                                .map(item -> wire((Map<String, Object>) item))
                                .toList());
            } else {
                out.put(key, value);
            }
        });
        return out;
    }

    /**
     * A key per item and body: a retry of the same create is answered from the first, a changed body is new. The
     * readable part keeps only the characters an {@code Idempotency-Key} may hold (a key made from a Japanese title
     * becomes dashes); the digest covers the whole item key and the body, so two items never share a key.
     */
    static String idempotencyKey(String key, Object body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(key.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            byte[] digest = sha.digest(Api.JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
            String readable = key.replace('/', '.').replaceAll("[^A-Za-z0-9._:-]", "-");
            if (readable.length() > 80) {
                readable = readable.substring(0, 80);
            }
            return "hashi-seed:" + readable + ":"
                    + HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

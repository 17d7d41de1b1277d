package dev.hashi.seeds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.hashi.seeds.SeedModel.Asset;
import dev.hashi.seeds.SeedModel.Item;
import dev.hashi.seeds.SeedModel.Organisation;
import dev.hashi.seeds.SeedModel.Page;
import dev.hashi.seeds.SeedModel.Person;
import dev.hashi.seeds.SeedModel.Presentation;
import dev.hashi.seeds.SeedModel.Session;
import dev.hashi.seeds.SeedModel.SetManifest;
import dev.hashi.seeds.SeedModel.Text;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static dev.hashi.seeds.SeedModel.orEmpty;

/**
 * A seed set read and validated: its manifest ({@code set.yaml}) and every file it lists, each read into its typed
 * shape (unknown members are refused), then checked as a whole: keys unique and of the right shape, locales supported,
 * references resolving to a file of the right kind, availability and file facts complete. Every problem is reported
 * at once with its file and, where known, line.
 */
final class SeedSet {

    /** The locales the platform supports (content-service's {@code cms.content.locales}). */
    static final Set<String> LOCALES = Set.of("en", "ja");

    static final Set<String> ASSET_KINDS = Set.of("presentation", "document", "image", "audio", "video", "other");
    private static final Set<String> STATES = Set.of("available", "on_request", "pending");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** A file of the set: its path inside the set, its text and what it holds. */
    record SeedFile(String path, String text, Item item) {}

    /** A problem found in the data. */
    record Finding(String file, int line, String message) {
        @Override
        public String toString() {
            return file + (line > 0 ? ":" + line : "") + ": " + message;
        }
    }

    /** The data is not valid; every problem found. */
    static final class InvalidSeedException extends RuntimeException {
        private final List<Finding> findings;

        InvalidSeedException(List<Finding> findings) {
            super("the seed data is not valid:\n  "
                    + String.join(
                            "\n  ", findings.stream().map(Finding::toString).toList()));
            this.findings = List.copyOf(findings);
        }

        List<Finding> findings() {
            return findings;
        }
    }

    /** Where the files come from: a directory, or the classpath under {@code seeds/<name>/}. */
    interface Source {
        String read(String path);

        String describe();
    }

    private final String name;
    private final SetManifest manifest;
    private final Map<String, SeedFile> byKey;
    private final List<SeedFile> files;

    private SeedSet(String name, SetManifest manifest, List<SeedFile> files) {
        this.name = name;
        this.manifest = manifest;
        this.files = List.copyOf(files);
        this.byKey = new LinkedHashMap<>();
        files.forEach(f -> byKey.put(f.item().key(), f));
    }

    /** The set named {@code set}: a directory when one exists at that path, else the set shipped in the jar. */
    static SeedSet load(String set) {
        Path directory = Path.of(set);
        if (Files.isDirectory(directory)) {
            return load(set, directory(directory));
        }
        return load(set, classpath("seeds/" + set + "/"));
    }

    static Source directory(Path directory) {
        return new Source() {
            @Override
            public String read(String path) {
                try {
                    return Files.readString(directory.resolve(path), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public String describe() {
                return directory.toString();
            }
        };
    }

    static Source classpath(String prefix) {
        return new Source() {
            @Override
            public String read(String path) {
                try (InputStream in = SeedSet.class.getClassLoader().getResourceAsStream(prefix + path)) {
                    if (in == null) {
                        throw new UncheckedIOException(new IOException("no resource " + prefix + path));
                    }
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public String describe() {
                return "classpath:" + prefix;
            }
        };
    }

    static SeedSet load(String name, Source source) {
        List<Finding> findings = new ArrayList<>();
        SetManifest manifest;
        try {
            manifest = YAML.readValue(source.read("set.yaml"), SetManifest.class);
        } catch (JacksonException e) {
            throw new InvalidSeedException(List.of(new Finding("set.yaml", line(e), e.getOriginalMessage())));
        } catch (UncheckedIOException e) {
            throw new InvalidSeedException(List.of(new Finding(
                    "set.yaml", 0, "no seed set '" + name + "' at " + source.describe() + ": " + e.getMessage())));
        }
        List<SeedFile> files = new ArrayList<>();
        for (String path : orEmpty(manifest.files())) {
            String text;
            try {
                text = source.read(path);
            } catch (UncheckedIOException e) {
                findings.add(new Finding(path, 0, "listed in set.yaml but not readable: " + e.getMessage()));
                continue;
            }
            try {
                JsonNode tree = YAML.readTree(text);
                String key = tree.path("key").asString("");
                Class<? extends Item> shape = shape(key);
                if (shape == null) {
                    findings.add(new Finding(
                            path,
                            1,
                            "key '" + key + "' must start with organisation/, asset/, presentation/ or page/"));
                    continue;
                }
                files.add(new SeedFile(path, text, YAML.readValue(text, shape)));
            } catch (JacksonException e) {
                findings.add(new Finding(path, line(e), e.getOriginalMessage()));
            }
        }
        SeedSet set = new SeedSet(name, manifest, files);
        findings.addAll(set.validate());
        if (!findings.isEmpty()) {
            throw new InvalidSeedException(findings);
        }
        return set;
    }

    private static int line(JacksonException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    private static Class<? extends Item> shape(String key) {
        if (key.startsWith("organisation/")) {
            return Organisation.class;
        }
        if (key.startsWith("asset/")) {
            return Asset.class;
        }
        if (key.startsWith("presentation/")) {
            return Presentation.class;
        }
        if (key.startsWith("page/")) {
            return Page.class;
        }
        return null;
    }

    String name() {
        return name;
    }

    SetManifest manifest() {
        return manifest;
    }

    List<SeedFile> files() {
        return files;
    }

    SeedFile file(String key) {
        return byKey.get(key);
    }

    <T extends Item> List<T> items(Class<T> shape) {
        return files.stream()
                .map(SeedFile::item)
                .filter(shape::isInstance)
                .map(shape::cast)
                .toList();
    }

    private List<Finding> validate() {
        List<Finding> findings = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (SeedFile file : files) {
            Check check = new Check(file, findings);
            String previous = seen.put(file.item().key(), file.path());
            if (previous != null) {
                check.fail("key", "key " + file.item().key() + " is also used by " + previous);
            }
            Item item = file.item();
            if (item instanceof Organisation o) {
                check.required("name", o.name());
                check.texts(o.name(), o.shortName(), o.division(), o.unit(), o.address());
                check.locales("publish", o.publish());
            } else if (item instanceof Asset a) {
                validateAsset(check, a);
            } else if (item instanceof Presentation p) {
                check.required("title", p.title());
                check.texts(p.title(), p.presenter(), p.city(), p.country());
                check.reference("organisation", p.organisation(), "organisation/");
                orEmpty(p.attachments()).forEach(ref -> check.reference("attachments", ref, "asset/"));
            } else if (item instanceof Page p) {
                validatePage(check, p);
            }
        }
        return findings;
    }

    private void validateAsset(Check check, Asset a) {
        if (!ASSET_KINDS.contains(String.valueOf(a.kind()))) {
            check.fail("kind", "kind must be one of " + ASSET_KINDS + ", not " + a.kind());
        }
        check.required("title", a.title());
        check.texts(a.title());
        check.locales("languages", a.languages());
        if (a.availability() == null
                || !STATES.contains(String.valueOf(a.availability().state()))) {
            check.fail("availability", "availability.state must be one of " + STATES);
            return;
        }
        String state = a.availability().state();
        if (state.equals("on_request")) {
            check.required("contactText", a.availability().contactText());
            check.texts(a.availability().contactText());
            check.reference("contactEntry", a.availability().contactEntry(), "organisation/");
        }
        if (state.equals("pending")
                && a.availability().expectedAt() != null
                && !DATE.matcher(a.availability().expectedAt()).matches()) {
            check.fail("expectedAt", "expectedAt must be an ISO date (yyyy-MM-dd)");
        }
        if (a.file() != null) {
            if (!state.equals("available")) {
                check.fail("file", "only an available asset has a file; this one is " + state);
            }
            if (a.file().sizeBytes() <= 0) {
                check.fail("sizeBytes", "sizeBytes must be positive");
            }
            if (!LOCALES.contains(String.valueOf(a.file().locale()))) {
                check.fail("locale", "file.locale must be one of " + LOCALES);
            }
            if (a.file().fileName() == null || a.file().contentType() == null) {
                check.fail("file", "file needs fileName and contentType");
            }
            if (!a.file().standIn()) {
                check.fail("standIn", "the original files are not available: a file must be marked standIn: true");
            }
        } else if (state.equals("available")) {
            check.fail("availability", "an available asset needs its file facts (file:)");
        }
    }

    private void validatePage(Check check, Page p) {
        if (!"event-page".equals(p.type())) {
            check.fail("type", "a page's type must be event-page");
        }
        if (p.slug() == null || !SLUG.matcher(p.slug()).matches()) {
            check.fail("slug", "slug must be lower-case words joined by hyphens");
        }
        if (!LOCALES.contains(String.valueOf(p.createLocale()))) {
            check.fail("createLocale", "createLocale must be one of " + LOCALES);
        }
        check.locales("publish", p.publish());
        check.required("title", p.title());
        check.required("summary", p.summary());
        if (p.date() == null || !DATE.matcher(p.date()).matches()) {
            check.fail("date", "date must be an ISO date (yyyy-MM-dd)");
        }
        check.texts(p.title(), p.summary(), p.venue(), p.programmeIntro());
        check.reference("declaration", p.declaration(), "asset/");
        orEmpty(p.organisers()).forEach(ref -> check.reference("organisers", ref, "organisation/"));
        orEmpty(p.contacts()).forEach(ref -> check.reference("contacts", ref, "organisation/"));
        for (Session session : orEmpty(p.sessions())) {
            check.required("title", session.title());
            check.texts(session.title(), session.theme(), session.description());
            orEmpty(session.presentations()).forEach(ref -> check.reference("presentations", ref, "presentation/"));
            for (List<Person> people :
                    List.of(orEmpty(session.moderators()), orEmpty(session.commentators()), orEmpty(session.panel()))) {
                for (Person person : people) {
                    check.required("name", person.name());
                    check.texts(person.name(), person.position(), person.affiliation());
                    check.reference("organisation", person.organisation(), "organisation/");
                }
            }
        }
    }

    /** Checks of one file, reported at the line of the member they concern. */
    private final class Check {
        private final SeedFile file;
        private final List<Finding> findings;

        Check(SeedFile file, List<Finding> findings) {
            this.file = file;
            this.findings = findings;
        }

        void fail(String member, String message) {
            findings.add(new Finding(file.path(), lineOf(file.text(), member + ":"), message));
        }

        void required(String member, Text text) {
            if (text == null || text.isEmpty()) {
                fail(member, member + " is required");
            }
        }

        void texts(Text... texts) {
            for (Text text : texts) {
                if (text == null) {
                    continue;
                }
                text.forEach((locale, value) -> {
                    if (!LOCALES.contains(locale)) {
                        fail(locale, "locale " + locale + " is not supported (" + LOCALES + ")");
                    }
                    if (value == null || value.isBlank()) {
                        fail(locale, "the " + locale + " text is empty; leave the locale out instead");
                    }
                });
            }
        }

        void locales(String member, List<String> locales) {
            orEmpty(locales).stream()
                    .filter(l -> !LOCALES.contains(l))
                    .forEach(l -> fail(member, member + ": locale " + l + " is not supported (" + LOCALES + ")"));
        }

        void reference(String member, String key, String prefix) {
            if (key == null) {
                return;
            }
            if (!key.startsWith(prefix)) {
                fail(member, member + " must name a " + prefix + "… key, not " + key);
            } else if (!byKey.containsKey(key)) {
                findings.add(new Finding(
                        file.path(), lineOf(file.text(), key), member + " names " + key + ", which no file defines"));
            }
        }
    }

    /** The first line (1-based) containing {@code needle}, or 0. */
    static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        return 0;
    }
}

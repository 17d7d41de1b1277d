package dev.hashi.seeds;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hashi.seeds.SeedModel.Asset;
import dev.hashi.seeds.SeedModel.Organisation;
import dev.hashi.seeds.SeedModel.Page;
import dev.hashi.seeds.SeedModel.Presentation;
import dev.hashi.seeds.SeedSet.Finding;
import dev.hashi.seeds.SeedSet.InvalidSeedException;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The wpc-2003 seed set: valid, faithful to the page's facts, its typos listed, every field known to the types. */
class SeedDataTest {

    static final Path SOURCES = Path.of("src/main/resources/seeds/wpc-2003");

    @Test
    void theSetLoadsWithOneFilePerEntryAndEveryReferenceResolves() throws IOException {
        SeedSet set = SeedSet.load("wpc-2003");

        assertThat(set.items(Organisation.class))
                .extracting(Organisation::key)
                .containsExactly("organisation/unescap", "organisation/iges");
        assertThat(set.items(Asset.class)).hasSize(11);
        assertThat(set.items(Presentation.class)).hasSize(9);
        assertThat(set.items(Page.class)).extracting(Page::slug).containsExactly("wpc-2003-kitakyushu");
        try (Stream<Path> files = Files.walk(SOURCES)) {
            Set<String> onDisk = files.filter(p -> p.toString().endsWith(".yaml") && !p.endsWith("set.yaml"))
                    .map(p -> SOURCES.relativize(p).toString())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(onDisk)
                    .as("every file in the directory is listed in set.yaml")
                    .isEqualTo(new TreeSet<>(set.manifest().files()));
        }
    }

    @Test
    void japaneseOnlyTitlesAreJapaneseValuesWithoutEnglishAndTheOthersAreEnglishOnly() {
        SeedSet set = SeedSet.load("wpc-2003");
        Map<String, Set<String>> titleLocales = new TreeMap<>();
        set.items(Presentation.class)
                .forEach(p -> titleLocales.put(p.key(), p.title().keySet()));

        assertThat(titleLocales)
                .containsEntry("presentation/minamata", Set.of("ja"))
                .containsEntry("presentation/sendai", Set.of("ja"))
                .containsEntry("presentation/fukuoka", Set.of("ja"))
                .containsEntry("presentation/toyama", Set.of("ja"))
                .containsEntry("presentation/iges", Set.of("ja"))
                .containsEntry("presentation/puchon", Set.of("en"))
                .containsEntry("presentation/surabaya", Set.of("en"))
                .containsEntry("presentation/dalian", Set.of("en"))
                .containsEntry("presentation/kitakyushu", Set.of("en"));
        Presentation minamata = (Presentation) set.file("presentation/minamata").item();
        assertThat(minamata.title().get("ja")).isEqualTo("住民協働の環境モデル都市づくりを目指して~水俣市~");
        Presentation surabaya = (Presentation) set.file("presentation/surabaya").item();
        assertThat(surabaya.attachments()).containsExactly("asset/surabaya-1", "asset/surabaya-2");
        Presentation iges = (Presentation) set.file("presentation/iges").item();
        assertThat(iges.organisation()).isEqualTo("organisation/iges");
        assertThat(iges.city()).isNull();
    }

    @Test
    void theFilesKeepThePagesKindsSizesAndAvailability() {
        SeedSet set = SeedSet.load("wpc-2003");
        Map<String, String> facts = new TreeMap<>();
        for (Asset asset : set.items(Asset.class)) {
            facts.put(
                    asset.key(),
                    asset.availability().state()
                            + (asset.file() == null
                                    ? ""
                                    : " " + asset.file().label() + " "
                                            + asset.file().size() + "="
                                            + asset.file().sizeBytes() + " "
                                            + asset.file().contentType() + " "
                                            + asset.file().locale()
                                            + (asset.file().standIn() ? " stand-in" : "")));
        }
        String ppt = "application/vnd.ms-powerpoint";
        assertThat(facts)
                .containsEntry("asset/minamata", "available Powerpoint 6.5MB=6500000 " + ppt + " ja stand-in")
                .containsEntry("asset/puchon", "available PDF 47KB=47000 application/pdf en stand-in")
                .containsEntry("asset/surabaya-1", "available Powerpoint 1 5.5MB=5500000 " + ppt + " en stand-in")
                .containsEntry("asset/surabaya-2", "available Powerpoint 2 650KB=650000 " + ppt + " en stand-in")
                .containsEntry("asset/sendai", "available Powerpoint 1.94MB=1940000 " + ppt + " ja stand-in")
                .containsEntry("asset/dalian", "available Powerpoint 3.85MB=3850000 " + ppt + " en stand-in")
                .containsEntry("asset/iges", "available Powerpoint 410KB=410000 " + ppt + " ja stand-in")
                .containsEntry("asset/kitakyushu", "available Powerpoint 4.98MB=4980000 " + ppt + " en stand-in")
                .containsEntry("asset/fukuoka", "on_request")
                .containsEntry("asset/toyama", "on_request")
                .containsEntry("asset/declaration", "pending");
        for (String key : List.of("asset/fukuoka", "asset/toyama")) {
            Asset asset = (Asset) set.file(key).item();
            assertThat(asset.availability().contactEntry()).isEqualTo("organisation/iges");
            assertThat(asset.availability().contactText())
                    .containsExactly(Map.entry(
                            "en", "Presentation is too large for download.Please contact the Secretariat for copy."));
        }
        Asset declaration = (Asset) set.file("asset/declaration").item();
        assertThat(declaration.languages()).containsExactly("en", "ja");
        assertThat(declaration.availability().expectedAt()).isNull();
    }

    @Test
    void theConsistencyCheckListsTheSourcesTyposWithFileAndLineAndNothingElse() {
        SeedSet.Source source = SeedSet.classpath("seeds/wpc-2003/");
        List<String> findings = Consistency.check(SeedSet.load("wpc-2003", source), source).stream()
                .map(Finding::toString)
                .toList();

        assertThat(findings)
                .containsExactly(
                        "assets/fukuoka.yaml:10: no space after the full stop in"
                                + " '…oo large for download.Please contact the Secr…'",
                        "assets/toyama.yaml:10: no space after the full stop in"
                                + " '…oo large for download.Please contact the Secr…'",
                        "pages/wpc-2003-kitakyushu.yaml:43: unknown word 'Internatioanl' (did you mean"
                                + " 'international'?)",
                        "pages/wpc-2003-kitakyushu.yaml:47: unknown word 'particpation'");
    }

    @Test
    void theCheckFindsATypoAddedToAnyFile(@TempDir Path copy) throws IOException {
        copyTo(copy);
        Path iges = copy.resolve("organisations/iges.yaml");
        Files.writeString(iges, Files.readString(iges).replace("Global Environmental", "Global Enviromental"));

        SeedSet.Source source = SeedSet.directory(copy);
        assertThat(Consistency.check(SeedSet.load("copy", source), source))
                .extracting(Finding::toString)
                .contains("organisations/iges.yaml:7: unknown word 'Enviromental' (did you mean 'environmental'?)");
    }

    @Test
    void unknownMembersBadLocalesAndBrokenReferencesAreRefusedWithTheirFileAndLine(@TempDir Path copy)
            throws IOException {
        copyTo(copy);
        Path unescap = copy.resolve("organisations/unescap.yaml");
        Files.writeString(unescap, Files.readString(unescap) + "colour: blue\n");
        Path dalian = copy.resolve("presentations/dalian.yaml");
        Files.writeString(
                dalian,
                Files.readString(dalian)
                        .replace("asset/dalian", "asset/no-such-file")
                        .replace("city:\n  en:", "city:\n  fr:"));

        assertThatThrownBy(() -> SeedSet.load("copy", SeedSet.directory(copy)))
                .isInstanceOf(InvalidSeedException.class)
                .satisfies(e -> assertThat(((InvalidSeedException) e).findings())
                        .extracting(Finding::toString)
                        .anySatisfy(f -> assertThat(f)
                                .startsWith("organisations/unescap.yaml:17:")
                                .contains("colour"))
                        .contains(
                                "presentations/dalian.yaml:6: locale fr is not supported ([en, ja])"
                                        .replace("[en, ja]", SeedSet.LOCALES.toString()),
                                "presentations/dalian.yaml:9: attachments names asset/no-such-file, which no file"
                                        + " defines"));
    }

    @Test
    void everyFieldTheDataWritesIsAFieldOfContentServicesSeedTypes() throws IOException {
        JsonNode types = Api.JSON.readTree(Files.readString(StubApi.CONTENT_TYPES));
        Map<String, Set<String>> defined = new TreeMap<>();
        for (JsonNode type : types) {
            Set<String> fields = new TreeSet<>();
            type.path("definition")
                    .path("fields")
                    .forEach(f -> fields.add(f.path("key").asString()));
            defined.put(type.path("key").asString(), fields);
        }
        SeedSet set = SeedSet.load("wpc-2003");
        Map<String, Set<String>> used = new Loader(set, null, System.out, java.time.Duration.ZERO).usedFields();

        assertThat(used.keySet())
                .containsExactlyInAnyOrderElementsOf(set.manifest().types());
        used.forEach((type, fields) ->
                assertThat(defined.get(type)).as("fields of %s", type).containsAll(fields));
        assertThat(used.get("presentation")).contains("title", "city", "country", "organisation", "attachments");
        assertThat(used.get("event-page")).contains("declaration", "organisers", "contacts", "sessions");
    }

    @Test
    void standInsHaveTheStatedSizeTheirTypesSignatureAndTheSameBytesEveryTime() throws Exception {
        assertThat(digest(StandIns.open("asset/puchon", "application/pdf", 47_000)))
                .isEqualTo(digest(StandIns.open("asset/puchon", "application/pdf", 47_000)))
                .isNotEqualTo(digest(StandIns.open("asset/dalian", "application/pdf", 47_000)));
        byte[] pdf = StandIns.open("asset/puchon", "application/pdf", 47_000).readAllBytes();
        assertThat(pdf).hasSize(47_000);
        assertThat(new String(pdf, 0, 80, StandardCharsets.ISO_8859_1))
                .startsWith("%PDF-1.4")
                .contains("stand-in");
        assertThat(new String(pdf, 47_000 - 7, 7, StandardCharsets.ISO_8859_1)).isEqualTo("\n%%EOF\n");
        long size = 0;
        byte[] head = new byte[8];
        try (InputStream ppt = StandIns.open("asset/minamata", "application/vnd.ms-powerpoint", 6_500_000)) {
            size += ppt.readNBytes(head, 0, 8);
            size += ppt.transferTo(java.io.OutputStream.nullOutputStream());
        }
        assertThat(size).isEqualTo(6_500_000);
        assertThat(HexFormat.of().formatHex(head)).isEqualTo("d0cf11e0a1b11ae1");
    }

    private static String digest(InputStream in) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (in) {
            sha.update(in.readAllBytes());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static void copyTo(Path copy) throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(SOURCES.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }
}

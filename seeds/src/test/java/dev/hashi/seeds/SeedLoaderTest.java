package dev.hashi.seeds;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The loader against a stub of the API: first run in dependency order, second run unchanged, failures reported. */
class SeedLoaderTest {

    StubApi api;

    @BeforeEach
    void start() throws Exception {
        api = new StubApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    record Run(int status, String out, String err) {}

    Run seed(String... extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("--gateway", api.uri().toString(), "--publish-wait", "0"));
        args.addAll(List.of(extra));
        int status = SeedCommand.run(
                args.toArray(String[]::new),
                Map.of("HASHI_SEED_TOKEN", api.token()),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void idempotencyKeysHoldOnlyTheCharactersTheApiAcceptsAndStayDistinctForJapaneseKeys() {
        Map<String, String> body = Map.of("kind", "presentation");
        String first = Loader.idempotencyKey("asset/presentation/クリーンな環境のための北九州イニシアチブ", body);
        String second = Loader.idempotencyKey("asset/presentation/美しい日本海を未来世代へ", body);

        assertThat(first).matches("[A-Za-z0-9._:-]{1,255}");
        assertThat(second).matches("[A-Za-z0-9._:-]{1,255}");
        assertThat(first).isNotEqualTo(second);
        assertThat(Loader.idempotencyKey("asset/presentation/美しい日本海を未来世代へ", body))
                .isEqualTo(second);
    }

    @Test
    void theFirstRunCreatesEverythingInDependencyOrderAndPublishes() {
        Run run = seed();

        assertThat(run.status()).as(run.out() + run.err()).isZero();
        List<String> writes = api.writes();
        assertThat(writes.get(0)).isEqualTo("POST /api/content/types/seed");
        int lastOrganisation = writes.lastIndexOf("POST /api/content/entries/e-2/locales/en/publish");
        int firstAsset = writes.indexOf("POST /api/media/assets");
        int lastAsset = writes.lastIndexOf("POST /api/media/assets");
        int page = writes.lastIndexOf("POST /api/content/entries");
        assertThat(lastOrganisation).isBetween(1, firstAsset);
        assertThat(page).isGreaterThan(lastAsset);
        assertThat(writes.subList(page + 1, writes.size()))
                .hasSize(3)
                .satisfies(rest -> assertThat(rest.get(0)).startsWith("PATCH /api/content/entries/"))
                .satisfies(rest -> assertThat(rest.get(1)).endsWith("/locales/en/publish"))
                .satisfies(rest -> assertThat(rest.get(2)).endsWith("/locales/ja/publish"));
        assertThat(writes.stream().filter(w -> w.startsWith("PUT /api/media/assets/")))
                .hasSize(8);
        assertThat(run.out()).contains("[ 1/15] types: updated", "organisation/iges: created", "done: 14 created");

        JsonNode page1 = api.entryBySlug("wpc-2003-kitakyushu");
        assertThat(page1.path("workflow").path("en").path("state").asString()).isEqualTo("published");
        assertThat(page1.path("workflow").path("ja").path("state").asString())
                .as("Japanese is published too: the English page shows the Japanese-only titles from it")
                .isEqualTo("published");
        JsonNode local = page1.path("fields").path("sessions").get(2);
        assertThat(local.path("theme").path("en").path("value").asString())
                .isEqualTo("Internatioanl cooperation in environmental activities and experiences");
        JsonNode minamata = local.path("presentations").get(0);
        assertThat(minamata.path("title").path("ja").path("value").asString()).isEqualTo("住民協働の環境モデル都市づくりを目指して~水俣市~");
        assertThat(minamata.path("title").has("en")).as("Japanese only").isFalse();
        assertThat(minamata.path("city").path("en").path("value").asString()).isEqualTo("Minamata City");
        JsonNode surabaya = local.path("presentations").get(2);
        assertThat(surabaya.path("attachments").path("value")).hasSize(2);
        assertThat(surabaya.path("title").has("ja"))
                .as("no invented translation")
                .isFalse();
        assertThat(local.path("commentators")).hasSize(4);

        String iges = api.entries().values().stream()
                .filter(e -> e.path("fields")
                        .path("shortName")
                        .path("en")
                        .path("value")
                        .asString()
                        .equals("IGES"))
                .findFirst()
                .orElseThrow()
                .path("entryId")
                .asString();
        assertThat(page1.path("fields").path("contacts").path("value").get(0).asString())
                .isEqualTo(iges);
        ObjectNode fukuoka = asset("福岡市における環境国際協力の取組み");
        assertThat(fukuoka.path("availability").path("state").asString()).isEqualTo("on_request");
        assertThat(fukuoka.path("availability").path("contactEntryId").asString())
                .isEqualTo(iges);
        assertThat(fukuoka.path("variants")).isEmpty();
        ObjectNode minamataSlides = asset("住民協働の環境モデル都市づくりを目指して~水俣市~");
        JsonNode variant = minamataSlides.path("variants").get(0);
        assertThat(variant.path("locale").asString()).isEqualTo("ja");
        assertThat(variant.path("sizeBytes").asLong()).isEqualTo(6_500_000);
        assertThat(variant.path("fileName").asString()).isEqualTo("minamata.stand-in.ppt");
        assertThat(variant.path("head").asString()).contains("stand-in");
        assertThat(minamata.path("attachments").path("value").get(0).asString())
                .isEqualTo(minamataSlides.path("assetId").asString());
        ObjectNode declaration = asset("Declaration adopted at the Conference");
        assertThat(declaration.path("availability").path("state").asString()).isEqualTo("pending");
        assertThat(page1.path("fields").path("declaration").path("value").asString())
                .isEqualTo(declaration.path("assetId").asString());
    }

    @Test
    void aSecondRunWritesNothingAndSaysUnchangedForEveryItem() {
        assertThat(seed().status()).isZero();
        int before = api.writes().size();

        Run again = seed();

        assertThat(again.status()).as(again.out()).isZero();
        assertThat(api.writes()).hasSize(before);
        assertThat(again.out())
                .contains("done: 0 created, 0 updated, 15 unchanged, 0 failed, 0 skipped")
                .contains("nothing changed")
                .contains("asset/minamata: unchanged")
                .contains("page/wpc-2003-kitakyushu: unchanged");
    }

    @Test
    void aValueAnEditorChangedIsKeptAndNamedNotOverwritten() {
        assertThat(seed().status()).isZero();
        int before = api.writes().size();
        ObjectNode theme = (ObjectNode) api.entryBySlug("wpc-2003-kitakyushu")
                .path("fields")
                .path("sessions")
                .get(2)
                .path("theme")
                .path("en");
        theme.put("value", "International cooperation in environmental activities and experiences");

        Run again = seed();

        assertThat(again.status()).isZero();
        assertThat(api.writes()).hasSize(before);
        assertThat(again.out())
                .contains("page/wpc-2003-kitakyushu: unchanged e-")
                .contains("kept en sessions[2].theme as edited");
    }

    @Test
    void anInterruptedFirstRunIsCompletedByTheNextOne() {
        api.failWhen((call, body) -> call.startsWith("PATCH "));
        Run first = seed();
        assertThat(first.status()).isEqualTo(1);
        assertThat(api.entryBySlug("wpc-2003-kitakyushu")).isNotNull();

        api.failWhen((call, body) -> false);
        Run second = seed();

        assertThat(second.status()).as(second.out()).isZero();
        assertThat(second.out()).contains("page/wpc-2003-kitakyushu: updated").contains("wrote ja");
        JsonNode minamata = api.entryBySlug("wpc-2003-kitakyushu")
                .path("fields")
                .path("sessions")
                .get(2)
                .path("presentations")
                .get(0);
        assertThat(minamata.path("title").path("ja").path("value").asString()).startsWith("住民協働");
        assertThat(api.entries()).hasSize(3);
    }

    @Test
    void aFailingCallIsReportedTheRunGoesOnAndExitsNonZero() {
        api.failWhen(
                (call, body) -> call.equals("POST /api/media/assets") && body.contains("Pollution Control Programmes"));

        Run run = seed();

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out())
                .contains("asset/dalian: FAILED: POST /api/media/assets → 500 internal.error: injected failure")
                .contains("asset/iges: created")
                .contains("asset/kitakyushu: created")
                .contains("page/wpc-2003-kitakyushu: SKIPPED: not attempted: asset/dalian is not loaded")
                .contains("done: 12 created, 1 updated, 0 unchanged, 1 failed, 1 skipped");
        assertThat(run.out().substring(run.out().indexOf("failures:")))
                .contains("asset/dalian: POST /api/media/assets → 500")
                .contains("page/wpc-2003-kitakyushu: not attempted");
        assertThat(api.assets()).hasSize(10);
    }

    @Test
    void aDryRunPrintsThePlanAndTheWarningsAndCallsNothing() {
        Run run = seed("--dry-run");

        assertThat(run.status()).isZero();
        assertThat(api.calls).isEmpty();
        assertThat(run.out())
                .contains("4 consistency warnings")
                .contains("unknown word 'Internatioanl'")
                .contains("asset/minamata (presentation, available)")
                .contains("6500000-byte stand-in minamata.stand-in.ppt")
                .contains("page/wpc-2003-kitakyushu (slug wpc-2003-kitakyushu)");
    }

    @Test
    void withoutATokenNothingIsCalledAndTheStatusIsTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SeedCommand.run(
                new String[] {"--gateway", api.uri().toString()},
                Map.of(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("HASHI_SEED_TOKEN");
        assertThat(api.calls).isEmpty();
    }

    private ObjectNode asset(String title) {
        return api.assets().values().stream()
                .filter(a -> a.path("title").properties().stream()
                        .anyMatch(t -> t.getValue().path("text").asString().equals(title)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no asset titled " + title));
    }
}

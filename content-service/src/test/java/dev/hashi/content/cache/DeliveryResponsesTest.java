package dev.hashi.content.cache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules that decide what the delivery cache keeps and what an event evicts. */
class DeliveryResponsesTest {

    private static final Duration SETTLE = Duration.ofSeconds(2);

    private final AtomicLong clock = new AtomicLong(1_000_000_000_000L);
    private DeliveryResponses responses;

    @BeforeEach
    void listening() {
        responses = new DeliveryResponses(1_000_000, 100, SETTLE, clock::get);
        responses.listenWith(() -> true);
    }

    @Test
    void aResponseReadAtItsFloorsIsStoredAndAnEventAboutAnAggregateItListsEvictsIt() {
        CacheKey page = key("/api/delivery/entries/event-page/wpc", "en");
        CacheKey other = key("/api/delivery/entries/organisation/secretariat", "ja");
        assertThat(responses.store(page, versioned("e-1=3, a-minamata=2"), responses.begin()))
                .isTrue();
        assertThat(responses.store(other, versioned("e-2=1"), responses.begin()))
                .isTrue();

        responses.changed("a-minamata", 3, null);

        assertThat(responses.get(page)).isEmpty();
        assertThat(responses.get(other))
                .as("lists neither the asset nor its type")
                .isPresent();
    }

    @Test
    void aResponseReadBeforeAnEventIsServedButNotStored() {
        responses.changed("e-1", 4, "event-page");
        DeliveryResponses.Ticket ticket = responses.begin();

        assertThat(responses.store(key("/p", "en"), versioned("e-1=3"), ticket))
                .as("rendered from version 3, below the floor 4")
                .isFalse();
        assertThat(responses.store(key("/p", "en"), versioned("e-1=4"), ticket)).isTrue();
    }

    @Test
    void anEventDuringTheLoadOfAListKeepsItFromBeingStored() {
        DeliveryResponses.Ticket ticket = responses.begin();
        responses.changed("e-9", 1, "speaker");

        assertThat(responses.store(key("/api/delivery/entries/speaker", "en"), listing("speaker"), ticket))
                .isFalse();
        assertThat(responses.store(key("/api/delivery/entries/speaker", "en"), listing("speaker"), responses.begin()))
                .isTrue();
    }

    @Test
    void anEventOfAListedTypeOrOfAnyTypeForStarEvictsLists() {
        CacheKey speakers = key("/api/delivery/entries/speaker", "en");
        CacheKey search = key("/api/delivery/search", "ja");
        CacheKey pages = key("/api/delivery/entries/event-page", "en");
        responses.store(speakers, listing("speaker"), responses.begin());
        responses.store(search, listing("*"), responses.begin());
        responses.store(pages, listing("event-page"), responses.begin());

        responses.changed("e-new", 1, "speaker");

        assertThat(responses.get(speakers)).isEmpty();
        assertThat(responses.get(search)).isEmpty();
        assertThat(responses.get(pages)).isPresent();
    }

    @Test
    void anUnversionedResponseIsStoredOnlyWhenNoEventCameRecentlyAndAnyEventEvictsIt() {
        CacheKey page = key("/p", "en");
        DeliveryResponses.Ticket ticket = responses.begin();
        responses.changed("a-unrelated", 7, null);
        assertThat(responses.store(page, unversioned(), ticket))
                .as("an event came during the load")
                .isFalse();
        assertThat(responses.store(page, unversioned(), responses.begin()))
                .as("within the settle time of the last event")
                .isFalse();

        clock.addAndGet(SETTLE.toNanos() + 1);
        assertThat(responses.store(page, unversioned(), responses.begin())).isTrue();

        responses.changed("e-anything", 1, "organisation");
        assertThat(responses.get(page)).isEmpty();
    }

    @Test
    void nothingIsStoredWhileTheEventsAreNotReadAndAResetDropsEverythingAndEveryLoadInFlight() {
        CacheKey page = key("/p", "en");
        responses.listenWith(() -> false);
        assertThat(responses.store(page, versioned("e-1=1"), responses.begin())).isFalse();

        responses.listenWith(() -> true);
        DeliveryResponses.Ticket inFlight = responses.begin();
        responses.store(page, versioned("e-1=1"), responses.begin());
        responses.reset();

        assertThat(responses.get(page)).isEmpty();
        assertThat(responses.store(page, versioned("e-1=1"), inFlight)).isFalse();
    }

    @Test
    void floorsOverflowingTheirCapacityDropTheCache() {
        responses = new DeliveryResponses(1_000_000, 2, SETTLE, clock::get);
        responses.listenWith(() -> true);
        CacheKey page = key("/p", "en");
        responses.store(page, versioned("e-1=1"), responses.begin());
        responses.changed("a-1", 1, null);
        responses.changed("a-2", 1, null);
        assertThat(responses.get(page)).isPresent();

        responses.changed("a-3", 1, null);

        assertThat(responses.get(page)).isEmpty();
    }

    @Test
    void theCacheIsBoundedByBytes() {
        responses = new DeliveryResponses(10_000, 100, SETTLE, clock::get);
        responses.listenWith(() -> true);
        for (int i = 0; i < 50; i++) {
            responses.store(key("/p/" + i, "en"), versioned("e-" + i + "=1"), responses.begin());
        }
        responses.cleanUp();
        assertThat(responses.size()).isBetween(1L, 30L);
    }

    @Test
    void malformedDependencyHeadersAreRefused() {
        assertThat(Dependencies.parse("e-1", null)).isEmpty();
        assertThat(Dependencies.parse("e-1=x", null)).isEmpty();
        assertThat(Dependencies.parse("e-1=", null)).isEmpty();
        assertThat(Dependencies.parse("e-1=2, a-2=5", " speaker , *")).hasValueSatisfying(d -> {
            assertThat(d.versions()).isEqualTo(Map.of("e-1", 2L, "a-2", 5L));
            assertThat(d.types()).containsExactlyInAnyOrder("speaker", "*");
        });
        assertThat(Dependencies.parse("", null))
                .hasValueSatisfying(d -> assertThat(d.versioned())
                        .as("an empty list depends on no aggregate")
                        .isTrue());
    }

    private static CacheKey key(String path, String locale) {
        return new CacheKey(path, Map.of(), locale);
    }

    private static StoredResponse versioned(String versions) {
        return response(Dependencies.parse(versions, null).orElseThrow());
    }

    private static StoredResponse listing(String types) {
        return response(Dependencies.parse("", types).orElseThrow());
    }

    private static StoredResponse unversioned() {
        return response(Dependencies.parse(null, null).orElseThrow());
    }

    private static StoredResponse response(Dependencies dependencies) {
        byte[] body = "{\"title\":\"北九州\"}".repeat(20).getBytes(StandardCharsets.UTF_8);
        return new StoredResponse(200, List.of(), body, Conditional.etag(body), dependencies);
    }
}

package dev.hashi.content.delivery;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hashi.content.entry.Entry;
import dev.hashi.content.entry.PublishedLocale;
import dev.hashi.content.entry.PublishedLocale.Resolved;
import dev.hashi.content.type.ContentType;
import dev.hashi.content.type.FieldDefinition;
import dev.hashi.content.type.FieldKind;

import static org.assertj.core.api.Assertions.assertThat;

class ServedLocaleTest {

    static final Instant AT = Instant.parse("2003-10-28T01:00:00Z");
    static final List<String> EN_CHAIN = List.of("en", "ja");
    static final List<String> JA_CHAIN = List.of("ja", "en");

    /** No component fields, so the tree never asks the catalogue for one. */
    static final ContentType TOPIC = new ContentType(
            "topic",
            "Topic",
            false,
            "title",
            List.of(
                    new FieldDefinition("title", FieldKind.TEXT, true, true, 200, null, List.of(), null, null),
                    new FieldDefinition("note", FieldKind.TEXT, true, false, 200, null, List.of(), null, null),
                    new FieldDefinition("date", FieldKind.DATE, false, false, null, null, List.of(), null, null)),
            1,
            AT,
            "ada");

    static PublishedLocale snapshot(long revision, String slug, Resolved... values) {
        return new PublishedLocale(revision, AT, "eri", slug, List.of(), List.of(values));
    }

    static Entry entry(Map<String, PublishedLocale> published) {
        return new Entry(
                "e-1", "topic", 9, 0, null, Map.of(), List.of(), Map.of(), published, null, null, List.of(), List.of(),
                List.of(), AT, "eri", AT, "eri", List.of());
    }

    static ServedLocale serve(Entry entry, String locale, List<String> chain) {
        return ServedLocale.published(entry, locale, chain, null, TOPIC);
    }

    @Test
    void eachFieldComesFromTheFirstPublishedLocaleOfTheChainThatHasItInItself() {
        Map<String, PublishedLocale> published = new LinkedHashMap<>();
        published.put(
                "en",
                snapshot(3, "topic", new Resolved("title", "Topic", "en"), new Resolved("date", "2003-10-28", null)));
        published.put(
                "ja", snapshot(5, "トピック", new Resolved("title", "トピック", "ja"), new Resolved("note", "日本語だけ", "ja")));

        ServedLocale english = serve(entry(published), "en", EN_CHAIN);

        assertThat(english.localePublished()).isTrue();
        assertThat(english.slug()).isEqualTo("topic");
        assertThat(english.revision()).isEqualTo(3);
        assertThat(english.values().get("title").locale()).isEqualTo("en");
        assertThat(english.values().get("note").locale()).isEqualTo("ja");
        assertThat(english.values().get("date").locale()).isNull();
        assertThat(english.contentLanguage()).isEqualTo("en");
    }

    @Test
    void fallbacksFrozenIntoAnOlderSnapshotAreIgnored() {
        Map<String, PublishedLocale> published = new LinkedHashMap<>();
        published.put(
                "ja",
                snapshot(
                        4,
                        "トピック",
                        new Resolved("title", "トピック", "ja"),
                        new Resolved("note", "an English draft frozen into the Japanese snapshot", "en")));

        ServedLocale japanese = serve(entry(published), "ja", JA_CHAIN);

        assertThat(japanese.values()).containsOnlyKeys("title");
        published.put("en", snapshot(6, "topic", new Resolved("note", "English note", "en")));
        assertThat(serve(entry(published), "ja", JA_CHAIN).values().get("note").value())
                .isEqualTo("English note");
    }

    @Test
    void aLocaleThatIsNotPublishedIsServedFromItsChainInTheLocaleMostValuesAreIn() {
        Map<String, PublishedLocale> published = new LinkedHashMap<>();
        published.put("ja", snapshot(4, "トピック", new Resolved("title", "トピック", "ja"), new Resolved("note", "メモ", "ja")));

        ServedLocale english = serve(entry(published), "en", EN_CHAIN);

        assertThat(english.localePublished()).isFalse();
        assertThat(english.slug()).isEqualTo("トピック");
        assertThat(english.contentLanguage()).isEqualTo("ja");
        assertThat(english.values().values())
                .allSatisfy(v -> assertThat(v.locale()).isEqualTo("ja"));
    }

    @Test
    void nothingIsServedWhenNoLocaleOfTheChainIsPublished() {
        assertThat(serve(entry(Map.of()), "en", EN_CHAIN)).isNull();
        Map<String, PublishedLocale> korean = Map.of("ko", snapshot(2, "주제", new Resolved("title", "주제", "ko")));
        assertThat(serve(entry(korean), "en", EN_CHAIN)).isNull();
    }
}

package dev.hashi.locale;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import static dev.hashi.locale.TestLocales.EN;
import static dev.hashi.locale.TestLocales.JA;
import static dev.hashi.locale.TestLocales.KO;
import static org.assertj.core.api.Assertions.assertThat;

class CollationTest {

    private static final List<String> ENGLISH = List.of(
            "zebra",
            "Zebra",
            "apple",
            "Éclair",
            "eclair",
            "éclair",
            "Banana",
            "banana",
            "Kita",
            "Kitakyushu",
            "10",
            "9");
    private static final List<String> JAPANESE = List.of(
            SeedTexts.KITAKYUSHU_KANJI,
            "水俣市",
            "きたきゅうしゅう",
            SeedTexts.KITAKYUSHU_KATAKANA,
            "アジア",
            "あいう",
            "アイウ",
            SeedTexts.KITAKYUSHU_HALF_WIDTH,
            "仙台市",
            "Sendai",
            "２００３年");
    private static final List<String> KOREAN = List.of("부천시", "서울", "가나", "대구", "Busan", "인천");

    @Test
    void japaneseSortsKanaBeforeKanji() {
        List<String> sorted = JAPANESE.stream().sorted(Collation.comparator(JA)).toList();
        assertThat(sorted.indexOf("きたきゅうしゅう")).isLessThan(sorted.indexOf(SeedTexts.KITAKYUSHU_KANJI));
        assertThat(sorted.indexOf("アジア")).isLessThan(sorted.indexOf("仙台市"));
        assertThat(sorted.indexOf("あいう")).isLessThan(sorted.indexOf("きたきゅうしゅう"));
    }

    @Test
    void englishSortsIgnoringCaseAndAccentsFirst() {
        List<String> sorted = ENGLISH.stream().sorted(Collation.comparator(EN)).toList();
        assertThat(sorted.indexOf("Banana")).isLessThan(sorted.indexOf("eclair"));
        assertThat(sorted.indexOf("Éclair")).isLessThan(sorted.indexOf("Kita"));
        assertThat(sorted.indexOf("zebra")).isEqualTo(sorted.size() - 2);
    }

    @Test
    void sortKeysSortLikeTheCollatorUnderPlainStringComparison() {
        assertSortKeysAgreeWithComparator(ENGLISH, EN);
        assertSortKeysAgreeWithComparator(JAPANESE, JA);
        assertSortKeysAgreeWithComparator(KOREAN, KO);
    }

    @Test
    void sortKeyOrderIsNotPlainCodePointOrder() {
        List<String> byKey = ENGLISH.stream()
                .sorted(Comparator.comparing(text -> Collation.sortKey(text, EN)))
                .toList();
        assertThat(byKey).isNotEqualTo(ENGLISH.stream().sorted().toList());
    }

    @Test
    void sortKeysAreLowercaseHexAndDependOnTheLocale() {
        assertThat(Collation.sortKey(SeedTexts.MINAMATA_TITLE, JA)).matches("[0-9a-f]+");
        LocaleTag swedish = LocaleTag.parse("sv");
        assertThat(Collation.sortKey("öl", EN)).isLessThan(Collation.sortKey("zebra", EN));
        assertThat(Collation.sortKey("öl", swedish)).isGreaterThan(Collation.sortKey("zebra", swedish));
    }

    @Test
    void equalTextsGiveEqualKeysAndAVersionIsReported() {
        assertThat(Collation.sortKey("Surabaya", EN)).isEqualTo(Collation.sortKey("Surabaya", EN));
        assertThat(Collation.version(JA)).matches("\\d+(\\.\\d+){3}");
    }

    private static void assertSortKeysAgreeWithComparator(List<String> texts, LocaleTag locale) {
        Comparator<String> collator = Collation.comparator(locale);
        for (String a : texts) {
            for (String b : texts) {
                int byKey = Collation.sortKey(a, locale).compareTo(Collation.sortKey(b, locale));
                assertThat(Integer.signum(byKey))
                        .as("%s vs %s in %s", a, b, locale)
                        .isEqualTo(Integer.signum(collator.compare(a, b)));
            }
        }
    }
}

package dev.hashi.translation.review;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hashi.locale.LocaleTag;

import static org.assertj.core.api.Assertions.assertThat;

class SubmitChecksTest {

    private static final LocaleTag EN = LocaleTag.parse("en");
    private static final LocaleTag JA = LocaleTag.parse("ja");

    private static List<String> codes(String source, String target, LocaleTag locale) {
        return SubmitChecks.check(source, target, locale).stream()
                .map(SubmitChecks.Failure::code)
                .toList();
    }

    @Test
    void aFaithfulJapaneseTranslationPassesEveryCheck() {
        assertThat(codes(
                        "{count, plural, one {# talk} other {# talks}} in <b>[Kitakyushu](https://example.org/k)</b>",
                        "<b>[北九州](https://example.org/k)</b>で{count, plural, other {#件の発表}}",
                        JA))
                .isEmpty();
    }

    @Test
    void placeholdersMustAllSurviveAndNoneBeInvented() {
        assertThat(codes("{speaker} presents at {hall}", "{speaker}が発表します", JA)).containsExactly("check.placeholders");
        assertThat(codes("{speaker} presents", "{speaker}が{room}で発表します", JA)).containsExactly("check.placeholders");
        assertThat(codes("{speaker}が発表します", "{speaker} presents", EN)).isEmpty();
    }

    @Test
    void aBrokenMessageIsASyntaxFailure() {
        assertThat(codes("{count, plural, other {# talks}}", "{count, plural, other {#件の発表}", JA))
                .containsExactly("check.message-syntax");
    }

    @Test
    void textWithoutBracesIsNotTreatedAsAMessage() {
        assertThat(codes("Citizens and City government's Cooperation", "市民と市役所の協力", JA))
                .isEmpty();
    }

    @Test
    void markdownLinkTargetsMustBeKeptInAnyOrder() {
        assertThat(codes(
                        "[Minamata](https://example.org/m) and [Sendai](https://example.org/s)",
                        "[仙台](https://example.org/s)と[水俣](https://example.org/m)",
                        JA))
                .isEmpty();
        assertThat(codes("See [the programme](https://example.org/p)", "[プログラム](https://example.org/x)を参照", JA))
                .containsExactly("check.links");
    }

    @Test
    void htmlTagsMustBeKeptIgnoringCase() {
        assertThat(codes("<b>Kitakyushu</b> Initiative", "<B>北九州</B>イニシアチブ", JA))
                .isEmpty();
        assertThat(codes("<b>Kitakyushu</b> Initiative", "北九州イニシアチブ", JA)).containsExactly("check.markup");
        assertThat(codes("Line<br/>break", "改行<br>", JA)).containsExactly("check.markup");
    }

    @Test
    void englishPluralsNeedOneAndOtherWhileJapaneseNeedsOnlyOther() {
        assertThat(codes("{count, plural, other {#件の発表}}", "{count, plural, other {# presentations}}", EN))
                .containsExactly("check.plural-categories");
        assertThat(codes(
                        "{count, plural, other {#件の発表}}",
                        "{count, plural, one {# presentation} other {# presentations}}",
                        EN))
                .isEmpty();
        assertThat(codes("{count, plural, one {# talk} other {# talks}}", "{count, plural, other {#件の発表}}", JA))
                .isEmpty();
    }

    @Test
    void explicitValueSelectorsDoNotCountAsCategories() {
        assertThat(codes(
                        "{count, plural, other {#件}}",
                        "{count, plural, =1 {one presentation} other {# presentations}}",
                        EN))
                .containsExactly("check.plural-categories");
    }
}

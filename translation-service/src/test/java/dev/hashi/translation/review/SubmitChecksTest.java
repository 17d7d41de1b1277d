package dev.hashi.translation.review;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.hashi.locale.LocaleTag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

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

    @Test
    void hostileBracketsAndTagsAreCheckedInLinearTime() {
        String brackets = "[".repeat(100_000);
        String openLinks = "[](".repeat(33_000);
        String dashedTag = "<" + "a-".repeat(50_000);
        String openTags = "<a ".repeat(33_000);
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            assertThat(codes(brackets, brackets, EN)).isEmpty();
            assertThat(codes(openLinks, "x", EN)).isEmpty();
            assertThat(codes(dashedTag, dashedTag, EN)).isEmpty();
            assertThat(codes(openTags, "x", EN)).isEmpty();
        });
    }

    @Test
    void theScannersFindWhatTheFormerPatternsFound() {
        Pattern link = Pattern.compile("\\[[^\\]]*\\]\\(\\s*([^)\\s]+)[^)]*\\)");
        Pattern tag = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9-]*)\\b[^<>]*?(/?)>");
        String alphabet = "[]()<>/ab-_ \té1";
        Random random = new Random(42);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(24); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String sample = text.toString();
            assertThat(SubmitChecks.links(sample)).as(sample).isEqualTo(found(link, sample));
            assertThat(SubmitChecks.tags(sample)).as(sample).isEqualTo(foundTags(tag, sample));
        }
    }

    private static List<String> found(Pattern pattern, String text) {
        List<String> all = new java.util.ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            all.add(matcher.group(1));
        }
        return all;
    }

    private static List<String> foundTags(Pattern pattern, String text) {
        List<String> all = new java.util.ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            all.add("<" + matcher.group(1) + matcher.group(2).toLowerCase(java.util.Locale.ROOT) + matcher.group(3)
                    + ">");
        }
        return all;
    }
}

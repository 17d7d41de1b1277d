package dev.hashi.translation.glossary;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TermMatcherTest {

    private static GlossaryTerm term(String text) {
        return new GlossaryTerm("g-" + text, "ja", "en", text, "x", null, List.of(), "rv", Instant.EPOCH, 1);
    }

    @Test
    void halfWidthKanaAndFullWidthLatinFindTheirOrdinaryForms() {
        List<GlossaryTerm> glossary = List.of(term("ｷﾀｷｭｳｼｭｳ"), term("ＩＧＥＳ"), term("水俣"));
        assertThat(TermMatcher.found(glossary, "キタキュウシュウ・イニシアティブとIGESの水俣報告"))
                .extracting(GlossaryTerm::term)
                .containsExactly("ｷﾀｷｭｳｼｭｳ", "ＩＧＥＳ", "水俣");
    }

    @Test
    void alphabeticTermsMatchWholeWordsInAnyCaseAndCjkTermsAsSubstrings() {
        assertThat(TermMatcher.contains("The PARTNERSHIP conference", "partnership"))
                .isTrue();
        assertThat(TermMatcher.contains("Smart cities", "art")).isFalse();
        assertThat(TermMatcher.contains("partnerships", "partnership")).isFalse();
        assertThat(TermMatcher.contains("住民協働の環境", "協働")).isTrue();
        assertThat(TermMatcher.contains("Straße", "STRASSE")).isTrue();
        assertThat(TermMatcher.contains("anything", "")).isFalse();
    }
}

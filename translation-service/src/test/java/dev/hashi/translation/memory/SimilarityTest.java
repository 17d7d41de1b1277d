package dev.hashi.translation.memory;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import dev.hashi.locale.LocaleTag;

import static org.assertj.core.api.Assertions.assertThat;

class SimilarityTest {

    private static final LocaleTag JA = LocaleTag.parse("ja");
    private static final LocaleTag EN = LocaleTag.parse("en");
    private static final LocaleTag KO = LocaleTag.parse("ko");

    @Test
    void japaneseTokensAreLettersAndDigitsOneByOneFoldedToNarrowForms() {
        assertThat(Similarity.tokens("福岡市 の ＡＢＣ", JA)).containsExactly("福", "岡", "市", "の", "a", "b", "c");
        assertThat(Similarity.tokens("第１回　北九州", JA)).containsExactly("第", "1", "回", "北", "九", "州");
    }

    @Test
    void halfWidthKatakanaFoldsToFullWidth() {
        assertThat(Similarity.tokens("ｷﾀｷｭｳｼｭｳ", JA)).containsExactly("キ", "タ", "キ", "ュ", "ウ", "シ", "ュ", "ウ");
    }

    @Test
    void englishTokensAreCaseFoldedWords() {
        assertThat(Similarity.tokens("Pollution Control Programmes", EN))
                .containsExactly("pollution", "control", "programmes");
        assertThat(Similarity.tokens("Zero-emission City!", EN)).containsExactly("zero", "emission", "city");
    }

    @Test
    void scoreIsOneMinusEditDistanceOverTheLongerLength() {
        assertThat(Similarity.score(
                        Similarity.tokens("Pollution Control Programmes and Cooperation with Japan", EN),
                        Similarity.tokens("Pollution Control Programmes and Cooperation with China", EN)))
                .isCloseTo(6 / 7.0, Offset.offset(1e-9));
        assertThat(Similarity.score(
                        Similarity.tokens("福岡市における環境国際協力の取組み", JA), Similarity.tokens("北九州市における環境国際協力の取組み", JA)))
                .isCloseTo(1 - 3 / 18.0, Offset.offset(1e-9));
    }

    @Test
    void equalAndEmptyTextsScoreOneAndDisjointOnesZero() {
        assertThat(Similarity.score(Similarity.tokens("", JA), Similarity.tokens("", JA)))
                .isEqualTo(1.0);
        assertThat(Similarity.score(Similarity.tokens("水俣市", JA), Similarity.tokens("水俣市", JA)))
                .isEqualTo(1.0);
        assertThat(Similarity.score(Similarity.tokens("北九州", JA), Similarity.tokens("福岡", JA)))
                .isZero();
    }

    @Test
    void koreanIsMeasuredInWordsLikeEnglish() {
        assertThat(Similarity.tokens("기타큐슈 국제 회의", KO)).containsExactly("기타큐슈", "국제", "회의");
    }
}

package dev.hashi.translation.memory;

import java.util.List;

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

    @Test
    void scoringManyLongCandidatesIsBoundedByTheThreshold() {
        java.util.Random random = new java.util.Random(7);
        List<String> text = words(random, Similarity.MAX_TOKENS);
        List<List<String>> candidates = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            candidates.add(words(random, Similarity.MAX_TOKENS));
        }
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(1), () -> {
            for (List<String> candidate : candidates) {
                assertThat(Similarity.scoreAtLeast(text, candidate, 0.75)).isNegative();
            }
        });
    }

    @Test
    void theBoundedScoreEqualsTheFullScoreAtOrAboveTheThreshold() {
        java.util.Random random = new java.util.Random(11);
        for (int round = 0; round < 2000; round++) {
            List<String> a = new java.util.ArrayList<>();
            for (int i = random.nextInt(40); i > 0; i--) {
                a.add(String.valueOf((char) ('a' + random.nextInt(4))));
            }
            List<String> b = new java.util.ArrayList<>(a);
            for (int edits = random.nextInt(8); edits > 0; edits--) {
                int at = b.isEmpty() ? 0 : random.nextInt(b.size());
                switch (random.nextInt(3)) {
                    case 0 -> b.add(at, "x");
                    case 1 -> {
                        if (!b.isEmpty()) {
                            b.remove(at);
                        }
                    }
                    default -> {
                        if (!b.isEmpty()) {
                            b.set(at, "y");
                        }
                    }
                }
            }
            double full = Similarity.score(a, b);
            double bounded = Similarity.scoreAtLeast(a, b, 0.75);
            if (full >= 0.75) {
                assertThat(bounded).as(a + " / " + b).isEqualTo(full);
            } else {
                assertThat(bounded).as(a + " / " + b).isNegative();
            }
        }
    }

    private static List<String> words(java.util.Random random, int count) {
        List<String> words = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            words.add("w" + random.nextInt(5000));
        }
        return words;
    }
}

package dev.hashi.locale;

import org.junit.jupiter.api.Test;

import dev.hashi.locale.TextDiff.Edit;

import static org.assertj.core.api.Assertions.assertThat;

class TextDiffTest {

    @Test
    void englishIsComparedWordByWord() {
        assertThat(TextDiff.between(
                        "Partnerships on Sustainable Developmnet", "Partnerships for Sustainable Development"))
                .containsExactly(
                        new Edit("equal", "Partnerships "),
                        new Edit("delete", "on"),
                        new Edit("insert", "for"),
                        new Edit("equal", " Sustainable "),
                        new Edit("delete", "Developmnet"),
                        new Edit("insert", "Development"));
    }

    @Test
    void japaneseIsComparedCharacterByCharacterAndEqualTextsGiveOneRun() {
        assertThat(TextDiff.between("北九州市の発表", "北九州市による発表"))
                .containsExactly(
                        new Edit("equal", "北九州市"),
                        new Edit("delete", "の"),
                        new Edit("insert", "による"),
                        new Edit("equal", "発表"));
        assertThat(TextDiff.between("同じ", "同じ")).containsExactly(new Edit("equal", "同じ"));
    }
}

package dev.hashi.locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTest {

    private static final String SHA256_OF_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void nfcComposesCombiningMarks() {
        assertThat(Texts.nfc("Cafe\u0301")).isEqualTo("Café");
        assertThat(Texts.nfc("か\u3099き")).isEqualTo("がき");
    }

    @Test
    void nfcKeepsCompatibilityFormsAsWritten() {
        assertThat(Texts.nfc(SeedTexts.KITAKYUSHU_HALF_WIDTH)).isEqualTo(SeedTexts.KITAKYUSHU_HALF_WIDTH);
        assertThat(Texts.nfc("ＡＢＣ１２３")).isEqualTo("ＡＢＣ１２３");
    }

    @Test
    void searchFoldUnifiesWidthAndCase() {
        assertThat(Texts.searchFold("ＡＢＣ１２３")).isEqualTo("abc123");
        assertThat(Texts.searchFold(SeedTexts.KITAKYUSHU_HALF_WIDTH)).isEqualTo(SeedTexts.KITAKYUSHU_KATAKANA);
        assertThat(Texts.searchFold(SeedTexts.CONFERENCE_DATE_FULL_WIDTH)).isEqualTo("2003年10月28日");
        assertThat(Texts.searchFold("SURABAYA Straße")).isEqualTo("surabaya strasse");
        assertThat(Texts.searchFold("Sura\u00ADbaya")).isEqualTo("surabaya");
    }

    @Test
    void sourceHashIsLowercaseHexSha256OfTheNormalisedText() {
        assertThat(Texts.sourceHash("abc")).isEqualTo(SHA256_OF_ABC);
        assertThat(Texts.sourceHash(" \tabc\n\u3000")).isEqualTo(SHA256_OF_ABC);
        assertThat(Texts.sourceHash(SeedTexts.MINAMATA_TITLE)).matches("[0-9a-f]{64}");
    }

    @Test
    void whitespaceOnlyEditsKeepTheSourceHash() {
        String original = Texts.sourceHash(SeedTexts.SURABAYA_TITLE);
        assertThat(Texts.sourceHash("Partnerships  on Sustainable\r\nDevelopment\u00A0in\tSurabaya  "))
                .isEqualTo(original);
        assertThat(Texts.sourceHash("住民協働　の環境")).isEqualTo(Texts.sourceHash("住民協働 の環境"));
    }

    @Test
    void nfcEquivalentEditsKeepTheSourceHash() {
        assertThat(Texts.sourceHash("づくり")).isEqualTo(Texts.sourceHash("つ\u3099くり"));
        assertThat(Texts.sourceHash("Café")).isEqualTo(Texts.sourceHash("Cafe\u0301"));
    }

    @Test
    void realEditsChangeTheSourceHash() {
        String original = Texts.sourceHash(SeedTexts.MINAMATA_TITLE);
        assertThat(Texts.sourceHash(SeedTexts.MINAMATA_TITLE.replace("協働", "協同")))
                .isNotEqualTo(original);
        assertThat(Texts.sourceHash("住民協働 の環境")).isNotEqualTo(Texts.sourceHash("住民協働の環境"));
        assertThat(Texts.sourceHash("surabaya")).isNotEqualTo(Texts.sourceHash("Surabaya"));
        assertThat(Texts.sourceHash("2003年")).isNotEqualTo(Texts.sourceHash("２００３年"));
    }
}

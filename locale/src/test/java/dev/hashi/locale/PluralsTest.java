package dev.hashi.locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PluralsTest {

    @Test
    void japaneseAndKoreanNeedOnlyOther() {
        assertThat(Plurals.requiredCategories(TestLocales.JA)).containsExactly("other");
        assertThat(Plurals.requiredCategories(TestLocales.KO)).containsExactly("other");
    }

    @Test
    void englishNeedsOneAndOther() {
        assertThat(Plurals.requiredCategories(TestLocales.EN)).containsExactly("one", "other");
    }

    @Test
    void categoriesComeInCldrOrder() {
        assertThat(Plurals.requiredCategories(LocaleTag.parse("ar")))
                .containsExactly("zero", "one", "two", "few", "many", "other");
        assertThat(Plurals.requiredCategories(LocaleTag.parse("ru"))).containsExactly("one", "few", "many", "other");
    }
}

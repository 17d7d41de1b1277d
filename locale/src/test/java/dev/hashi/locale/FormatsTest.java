package dev.hashi.locale;

import java.time.LocalDate;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;

import static dev.hashi.locale.TestLocales.EN;
import static dev.hashi.locale.TestLocales.JA;
import static dev.hashi.locale.TestLocales.KO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FormatsTest {

    private static final LocalDate CONFERENCE_DAY = LocalDate.of(2003, 10, 28);

    @Test
    void longDatesFollowTheLocale() {
        assertThat(Formats.longDate(CONFERENCE_DAY, EN)).isEqualTo("October 28, 2003");
        assertThat(Formats.longDate(CONFERENCE_DAY, JA)).isEqualTo("2003年10月28日");
        assertThat(Formats.longDate(CONFERENCE_DAY, KO)).isEqualTo("2003년 10월 28일");
    }

    @Test
    void longDatesDoNotShiftWithTheJvmTimeZone() {
        TimeZone saved = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Honolulu"));
            assertThat(Formats.longDate(CONFERENCE_DAY, EN)).isEqualTo("October 28, 2003");
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    @Test
    void seedAttachmentSizesUseDecimalUnits() {
        assertThat(Formats.byteSize(6_500_000, EN)).isEqualTo("6.5 MB");
        assertThat(Formats.byteSize(6_500_000, JA)).isEqualTo("6.5 MB");
        assertThat(Formats.byteSize(1_940_000, EN)).isEqualTo("1.94 MB");
        assertThat(Formats.byteSize(650_000, JA)).isEqualTo("650 KB");
        assertThat(Formats.byteSize(47_000, EN)).isEqualTo("47 kB");
    }

    @Test
    void sizesKeepThreeSignificantDigitsAndMoveUpAUnitWhenRoundingReachesAThousand() {
        assertThat(Formats.byteSize(4_984_321, EN)).isEqualTo("4.98 MB");
        assertThat(Formats.byteSize(999_499, EN)).isEqualTo("999 kB");
        assertThat(Formats.byteSize(999_500, EN)).isEqualTo("1 MB");
        assertThat(Formats.byteSize(999, EN)).isEqualTo("999 byte");
        assertThat(Formats.byteSize(0, EN)).isEqualTo("0 byte");
    }

    @Test
    void sizesUseTheLocaleNumberFormat() {
        assertThat(Formats.byteSize(6_500_000, LocaleTag.parse("fr"))).isEqualTo("6,5\u202FMo");
    }

    @Test
    void negativeSizesAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> Formats.byteSize(-1, EN));
    }

    @Test
    void numbersAreWrittenAsTheLocaleWritesThem() {
        assertThat(Formats.number(1234.5, LocaleTag.parse("en"))).isEqualTo("1,234.5");
        assertThat(Formats.number(1234.5, LocaleTag.parse("ja"))).isEqualTo("1,234.5");
        assertThat(Formats.number(1234.5, LocaleTag.parse("fr"))).isEqualTo("1\u202f234,5");
        assertThat(Formats.number(3, LocaleTag.parse("en"))).isEqualTo("3");
    }

    @Test
    void localeNamesAreWrittenInTheReadersLocale() {
        assertThat(Formats.displayName(LocaleTag.parse("ja"), LocaleTag.parse("en")))
                .isEqualTo("Japanese");
        assertThat(Formats.displayName(LocaleTag.parse("ja"), LocaleTag.parse("ja")))
                .isEqualTo("日本語");
        assertThat(Formats.displayName(LocaleTag.parse("en"), LocaleTag.parse("ja")))
                .isEqualTo("英語");
    }
}

package dev.hashi.locale;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;

import com.ibm.icu.number.NumberFormatter;
import com.ibm.icu.number.Precision;
import com.ibm.icu.text.DateFormat;
import com.ibm.icu.util.MeasureUnit;
import com.ibm.icu.util.TimeZone;

/** Locale-specific display formats. Thread-safe. */
public final class Formats {

    private static final MeasureUnit[] BYTE_UNITS = {
        MeasureUnit.BYTE, MeasureUnit.KILOBYTE, MeasureUnit.MEGABYTE,
        MeasureUnit.GIGABYTE, MeasureUnit.TERABYTE, MeasureUnit.PETABYTE
    };
    private static final int SIGNIFICANT_DIGITS = 3;
    private static final MathContext ROUNDING = new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN);
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private Formats() {}

    /**
     * The locale's long date format: {@code October 28, 2003} in {@code en}, {@code 2003年10月28日} in {@code ja}.
     * The calendar follows the locale, including a {@code -u-ca-} extension.
     *
     * @throws NullPointerException if an argument is {@code null}
     */
    public static String longDate(LocalDate date, LocaleTag locale) {
        DateFormat format = DateFormat.getDateInstance(DateFormat.LONG, locale.ulocale());
        format.setTimeZone(TimeZone.GMT_ZONE);
        return format.format(Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    /**
     * A file size in decimal units (1 kB = 1000 bytes) with at most three significant digits and the locale's
     * number format and unit symbols: 6,500,000 bytes is {@code 6.5 MB} in {@code en} and {@code ja},
     * {@code 6,5 Mo} in {@code fr}. CLDR spells the kilobyte {@code kB} in English and {@code KB} in Japanese.
     *
     * @param bytes the size in bytes, not negative
     * @throws IllegalArgumentException if {@code bytes} is negative
     * @throws NullPointerException if {@code locale} is {@code null}
     */
    public static String byteSize(long bytes, LocaleTag locale) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative: " + bytes);
        }
        BigDecimal value = BigDecimal.valueOf(bytes);
        int unit = 0;
        while (unit < BYTE_UNITS.length - 1 && value.round(ROUNDING).compareTo(THOUSAND) >= 0) {
            value = value.movePointLeft(3);
            unit++;
        }
        return NumberFormatter.withLocale(locale.ulocale())
                .unit(BYTE_UNITS[unit])
                .unitWidth(NumberFormatter.UnitWidth.SHORT)
                .precision(Precision.maxSignificantDigits(SIGNIFICANT_DIGITS))
                .format(value)
                .toString();
    }

    /**
     * A number as the locale writes it, with grouping and up to 6 fraction digits: 1234.5 is {@code 1,234.5} in
     * {@code en} and {@code ja}, {@code 1 234,5} in {@code fr}.
     *
     * @throws NullPointerException if {@code locale} is {@code null}
     */
    public static String number(double value, LocaleTag locale) {
        return NumberFormatter.withLocale(locale.ulocale())
                .precision(Precision.maxFraction(6))
                .format(value)
                .toString();
    }

    /**
     * The name of locale {@code of} as locale {@code in} writes it: {@code ja} is {@code Japanese} in {@code en} and
     * {@code 日本語} in {@code ja}.
     *
     * @throws NullPointerException if an argument is {@code null}
     */
    public static String displayName(LocaleTag of, LocaleTag in) {
        return of.ulocale().getDisplayName(in.ulocale());
    }
}

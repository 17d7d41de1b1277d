package dev.hashi.content.delivery;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.hashi.content.media.MediaSummary;
import dev.hashi.locale.Formats;
import dev.hashi.locale.LocaleTag;

/**
 * Turns media summaries into what delivery shows in one locale: sizes and dates formatted with ICU for the locale,
 * the contact text along the locale's fallback chain, and {@code missing} for an asset that was deleted or never
 * announced.
 */
final class MediaViews {

    static final String MISSING = "missing";
    static final String AVAILABLE = "available";
    static final String ON_REQUEST = "on_request";
    static final String PENDING = "pending";

    private final Map<String, MediaSummary> summaries;
    private final String locale;
    private final LocaleTag tag;
    private final List<String> chain;

    /**
     * @param summaries the known summaries by asset id (tombstones included)
     * @param locale    the delivered locale
     * @param chain     the locales to try for localized texts, {@code locale} first
     */
    MediaViews(Map<String, MediaSummary> summaries, String locale, List<String> chain) {
        this.summaries = summaries;
        this.locale = locale;
        this.tag = LocaleTag.parse(locale);
        this.chain = chain;
    }

    DeliveredEntry.MediaView of(String assetId) {
        MediaSummary summary = summaries.get(assetId);
        if (summary == null || summary.deleted()) {
            return new DeliveredEntry.MediaView(
                    assetId, MISSING, null, null, null, null, null, null, null, null, null, null, null);
        }
        String availability = summary.availability() == null ? AVAILABLE : summary.availability();
        List<DeliveredEntry.VariantView> variants = new ArrayList<>();
        summary.variants()
                .forEach(v -> variants.add(new DeliveredEntry.VariantView(
                        v.locale(), v.sizeBytes(), size(v.sizeBytes()), v.contentType())));
        String expectedDate = PENDING.equals(availability) ? summary.expectedDate() : null;
        return new DeliveredEntry.MediaView(
                assetId,
                availability,
                summary.kind(),
                summary.titles(),
                summary.sizeBytes(),
                summary.sizeBytes() == null ? null : size(summary.sizeBytes()),
                summary.contentType(),
                summary.variantLocales(),
                variants,
                ON_REQUEST.equals(availability) ? contact(summary) : null,
                expectedDate,
                expectedDate == null ? null : dateText(expectedDate),
                AVAILABLE.equals(availability) ? summary.downloadPath() : null);
    }

    private String size(long bytes) {
        return Formats.byteSize(Math.max(0, bytes), tag);
    }

    /** The contact text in the first locale of the chain that has one, else in any locale (sorted by tag). */
    private DeliveredEntry.Contact contact(MediaSummary summary) {
        Map<String, String> texts = summary.contactText();
        for (String candidate : chain) {
            String text = texts.get(candidate);
            if (text != null) {
                return new DeliveredEntry.Contact(text, candidate, !candidate.equals(locale), summary.contactEntryId());
            }
        }
        return new TreeMap<>(texts)
                .entrySet().stream()
                        .findFirst()
                        .map(e -> new DeliveredEntry.Contact(e.getValue(), e.getKey(), true, summary.contactEntryId()))
                        .orElse(new DeliveredEntry.Contact(null, null, false, summary.contactEntryId()));
    }

    private String dateText(String isoDate) {
        try {
            return Formats.longDate(LocalDate.parse(isoDate), tag);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

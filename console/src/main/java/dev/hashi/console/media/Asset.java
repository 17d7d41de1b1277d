package dev.hashi.console.media;

import java.util.ArrayList;
import java.util.List;

import dev.hashi.console.support.Json;
import dev.hashi.console.support.LocalizedValue;

import tools.jackson.databind.JsonNode;

/**
 * A media asset as the gateway's {@code AssetView} describes it.
 *
 * @param availability {@code available}, {@code on_request} or {@code pending}
 * @param contact      for {@code on_request}: whom to ask, per locale
 * @param expectedAt   for {@code pending}: the date it is expected
 */
record Asset(
        String assetId,
        String kind,
        List<LocalizedValue> titles,
        String availability,
        List<LocalizedValue> contact,
        String expectedAt,
        List<Variant> variants,
        boolean referenced,
        long version,
        String updatedAt) {

    /** One binary of the asset in one locale. */
    record Variant(String locale, long sizeBytes, String contentType, String fileName, String storedAt) {}

    static Asset of(JsonNode asset) {
        List<Variant> variants = new ArrayList<>();
        asset.path("variants")
                .forEach(v -> variants.add(new Variant(
                        Json.text(v, "locale"),
                        Json.number(v, "sizeBytes", 0),
                        Json.text(v, "contentType"),
                        Json.text(v, "fileName"),
                        Json.text(v, "storedAt"))));
        JsonNode availability = asset.path("availability");
        return new Asset(
                Json.text(asset, "assetId"),
                Json.text(asset, "kind"),
                texts(asset.path("title")),
                Json.text(availability, "state"),
                texts(availability.path("contactText")),
                Json.text(availability, "expectedAt"),
                variants,
                asset.path("referenced").asBoolean(false),
                Json.number(asset, "version", 0),
                Json.text(asset, "updatedAt"));
    }

    /** {@code {"ja": {"text": "…"}, …}} as values with their locales. */
    private static List<LocalizedValue> texts(JsonNode byLocale) {
        List<LocalizedValue> values = new ArrayList<>();
        byLocale.properties().forEach(e -> {
            String text = Json.text(e.getValue(), "text");
            if (text != null) {
                values.add(new LocalizedValue(e.getKey(), text));
            }
        });
        return values;
    }

    public Variant variant(String locale) {
        return variants.stream()
                .filter(v -> locale.equals(v.locale()))
                .findFirst()
                .orElse(null);
    }
}

package dev.hashi.console.translate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hashi.console.support.Json;

import tools.jackson.databind.JsonNode;

/**
 * Progress of one locale pair as translation-service's {@code PairProgress} gives it, with the segments of its bar.
 *
 * @param byState       units per state, in {@link #STATES} order
 * @param size          total size of the sources, in {@code sizeUnit}
 * @param remainingSize size of the sources neither approved nor source-only
 */
record PairProgress(
        String sourceLocale,
        String targetLocale,
        String sizeUnit,
        long units,
        Map<String, Long> byState,
        long size,
        long remainingSize,
        double approvedPercent) {

    /** The states a bar shows, from done to not started. */
    static final List<String> STATES =
            List.of("approved", "source_only", "translated", "in_progress", "rejected", "outdated", "untranslated");

    /** One segment of the bar: a state's share of the units, as x and width on a 0–100 scale. */
    record Segment(String state, long units, double x, double width) {}

    static PairProgress of(JsonNode pair) {
        Map<String, Long> byState = new LinkedHashMap<>();
        for (String state : STATES) {
            byState.put(state, pair.path("unitsByState").path(state).asLong(0));
        }
        return new PairProgress(
                Json.text(pair, "sourceLocale"),
                Json.text(pair, "targetLocale"),
                Json.text(pair, "sizeUnit"),
                Json.number(pair, "units", 0),
                byState,
                Json.number(pair, "size", 0),
                Json.number(pair, "remainingSize", 0),
                pair.path("approvedPercent").asDouble(0));
    }

    /** The bar's segments, one per state that has units, side by side from 0 to 100. */
    public List<Segment> segments() {
        long shown = byState.values().stream().mapToLong(Long::longValue).sum();
        List<Segment> segments = new ArrayList<>();
        double x = 0;
        for (Map.Entry<String, Long> state : byState.entrySet()) {
            if (state.getValue() > 0) {
                double width = state.getValue() * 100.0 / shown;
                segments.add(new Segment(state.getKey(), state.getValue(), x, width));
                x += width;
            }
        }
        return segments;
    }

    public boolean countsCharacters() {
        return "characters".equals(sizeUnit);
    }
}

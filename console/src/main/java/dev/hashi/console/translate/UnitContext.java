package dev.hashi.console.translate;

import java.util.List;

import dev.hashi.console.support.LocalizedValue;

/**
 * What surrounds a unit ({@code GET /api/translations/units/{id}/context}).
 *
 * @param maxLength the type's limit in characters, or {@code null}
 */
record UnitContext(
        String fieldLabel, String fieldLabelLocale, Long maxLength, List<Neighbour> neighbours, String previewUrl) {

    record Neighbour(String label, String labelLocale, List<LocalizedValue> values) {}
}

package dev.hashi.console.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Flattens the content API's entry view ({@code fields}: localized fields as objects by locale of value views,
 * others one value view, component lists as arrays of items with their {@code id}) into editor rows in document
 * order, one per field path.
 */
final class EntryFields {

    private EntryFields() {}

    static List<FieldRow> rows(JsonNode fields, List<String> locales) {
        List<FieldRow> rows = new ArrayList<>();
        walk(fields, "", locales, rows);
        return rows;
    }

    /** The text of every localized value of one locale, by path. */
    static Map<String, String> texts(List<FieldRow> rows, String locale) {
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        for (FieldRow row : rows) {
            Cell cell = row.cell(locale);
            if (row.localized() && cell != null && cell.text() != null) {
                texts.put(row.path(), cell.text());
            }
        }
        return texts;
    }

    private static void walk(JsonNode node, String prefix, List<String> locales, List<FieldRow> rows) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (prefix.isEmpty() || !key.equals("id")) {
                String path = prefix.isEmpty() ? key : prefix + "." + key;
                if (value.isArray()) {
                    for (JsonNode item : value) {
                        if (item.isObject() && item.path("id").isString()) {
                            walk(item, path + "[" + item.path("id").asString() + "]", locales, rows);
                        }
                    }
                } else if (isValueView(value)) {
                    rows.add(new FieldRow(path, false, List.of(cell(null, value, false, null))));
                } else if (value.isObject()) {
                    rows.add(localized(path, value, locales));
                }
            }
        }
    }

    private static FieldRow localized(String path, JsonNode perLocale, List<String> locales) {
        List<Cell> cells = new ArrayList<>();
        for (String locale : locales) {
            JsonNode view = perLocale.path(locale);
            if (view.isObject()) {
                boolean text = view.path("value").isString();
                cells.add(cell(locale, view, text, null));
            } else {
                String fallback = locales.stream()
                        .filter(other ->
                                !other.equals(locale) && perLocale.path(other).isObject())
                        .findFirst()
                        .orElse(null);
                cells.add(new Cell(locale, null, true, false, null, null, false, null, fallback, null, false));
            }
        }
        return new FieldRow(path, true, cells);
    }

    private static Cell cell(String locale, JsonNode view, boolean editable, String fallback) {
        JsonNode value = view.path("value");
        String text =
                value.isString() ? value.asString() : value.isMissingNode() || value.isNull() ? "" : value.toString();
        return new Cell(
                locale,
                text,
                editable,
                view.path("source").asBoolean(false),
                view.path("originLocale").isString() ? view.path("originLocale").asString() : null,
                view.path("updatedBy").isString() ? view.path("updatedBy").asString() : null,
                view.path("outdated").asBoolean(false),
                view.path("unitId").isString() ? view.path("unitId").asString() : null,
                fallback,
                null,
                false);
    }

    /** A value view has {@code value} and {@code source}; a localized field is an object of those by locale. */
    private static boolean isValueView(JsonNode node) {
        return node.isObject() && node.has("value") && node.has("source");
    }
}

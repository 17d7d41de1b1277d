package dev.hashi.console.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Patch (RFC 6902) of one locale's edit: only the values the editor changed, each at
 * {@code /fields/<key>/<item id>/…/<key>/<locale>}, so a save never touches another locale or an unchanged value.
 */
final class EditPatch {

    static final String MEDIA_TYPE = "application/json-patch+json";

    private EditPatch() {}

    /**
     * @param edited   the form's values by stored path ({@code f.<path>})
     * @param original the values the form was rendered with, by path ({@code o.<path>}; absent: there was none)
     * @return the operations, empty when nothing changed
     */
    static List<Map<String, Object>> of(String locale, Map<String, String> edited, Map<String, String> original) {
        List<Map<String, Object>> operations = new ArrayList<>();
        edited.forEach((path, raw) -> {
            String text = normalise(raw);
            String before = original.containsKey(path) ? normalise(original.get(path)) : "";
            if (text.equals(before)) {
                return;
            }
            Map<String, Object> operation = new LinkedHashMap<>();
            if (text.isEmpty()) {
                operation.put("op", "remove");
                operation.put("path", pointer(path, locale));
            } else {
                operation.put("op", "add");
                operation.put("path", pointer(path, locale));
                operation.put("value", text);
            }
            operations.add(operation);
        });
        return operations;
    }

    /** {@code sessions[s-3].presentations[p-1].title} in {@code ja} → {@code /fields/sessions/s-3/presentations/p-1/title/ja}. */
    static String pointer(String path, String locale) {
        StringBuilder pointer = new StringBuilder("/fields");
        for (String segment : path.split("\\.")) {
            int bracket = segment.indexOf('[');
            if (bracket < 0) {
                pointer.append('/').append(escape(segment));
            } else {
                pointer.append('/').append(escape(segment.substring(0, bracket)));
                for (String id :
                        segment.substring(bracket + 1, segment.length() - 1).split("]\\[")) {
                    pointer.append('/').append(escape(id));
                }
            }
        }
        return pointer.append('/').append(escape(locale)).toString();
    }

    /** Browsers send text area line breaks as CRLF. */
    private static String normalise(String text) {
        return text == null ? "" : text.replace("\r\n", "\n");
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}

package dev.hashi.content.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;

import dev.hashi.content.type.ContentType;
import dev.hashi.content.type.FieldDefinition;
import dev.hashi.content.type.FieldKind;
import dev.hashi.problem.ProblemCodes;
import dev.hashi.service.error.FieldError;
import dev.hashi.service.error.InvalidInputException;

/**
 * A list request, checked against its content type: filters as index terms, the sort field and the fields shown.
 * Nothing a client sends becomes query syntax: filter values are compared as whole terms.
 *
 * @param filters    field key → the terms of which the field must hold one (values of one key are alternatives)
 * @param sort       the field key sorted by, {@code null} for the default order
 * @param descending whether {@code sort} runs backwards
 * @param fields     the field keys each item shows
 */
record ListQuery(
        ContentType type,
        String locale,
        Map<String, List<String>> filters,
        FieldDefinition sort,
        boolean descending,
        List<String> fields) {

    static final String FILTER_PREFIX = "filter.";
    static final int MAX_FILTERS = 10;
    static final int MAX_FIELDS = 20;

    /**
     * Reads the list parameters.
     *
     * @throws InvalidInputException naming each bad parameter: {@code filter.<key>} ({@code list.field-unknown},
     *     {@code list.field-not-filterable}, {@code range} for a value over {@value IndexDocuments#MAX_FILTER_VALUE}
     *     characters), {@code filter} (more than {@value MAX_FILTERS} filters), {@code sort}
     *     ({@code list.field-unknown}, {@code list.field-not-sortable}), {@code fields} ({@code list.field-unknown},
     *     {@code range})
     */
    static ListQuery parse(ContentType type, String locale, MultiValueMap<String, String> params) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            if (!param.getKey().startsWith(FILTER_PREFIX)) {
                continue;
            }
            String name = param.getKey();
            String key = name.substring(FILTER_PREFIX.length());
            FieldDefinition field = type.field(key).orElse(null);
            if (field == null) {
                errors.add(unknown(name, key, type));
            } else if (!IndexDocuments.filterable(field)) {
                errors.add(new FieldError(
                        name,
                        "list.field-not-filterable",
                        "Lists cannot filter by component list '" + key + "'.",
                        key));
            } else {
                List<String> terms = new ArrayList<>();
                for (String value : param.getValue()) {
                    if (value.length() > IndexDocuments.MAX_FILTER_VALUE) {
                        errors.add(new FieldError(
                                name,
                                ProblemCodes.FIELD_RANGE,
                                "A filter value has at most " + IndexDocuments.MAX_FILTER_VALUE + " characters.",
                                null));
                    } else {
                        String term = IndexDocuments.filterTerm(field.kind(), value);
                        if (term != null) {
                            terms.add(term);
                        }
                    }
                }
                filters.put(key, terms);
            }
        }
        if (filters.size() > MAX_FILTERS) {
            errors.add(new FieldError(
                    "filter", ProblemCodes.FIELD_RANGE, "A list takes at most " + MAX_FILTERS + " filters.", null));
        }
        FieldDefinition sort = null;
        boolean descending = false;
        String sortParam = params.getFirst("sort");
        if (sortParam != null && !sortParam.isBlank()) {
            descending = sortParam.startsWith("-");
            String key = descending ? sortParam.substring(1) : sortParam;
            sort = type.field(key).orElse(null);
            if (sort == null) {
                errors.add(unknown("sort", key, type));
            } else if (!IndexDocuments.sortable(sort)) {
                errors.add(new FieldError(
                        "sort",
                        "list.field-not-sortable",
                        "Lists sort by text, date and number fields; '" + key + "' is "
                                + sort.kind().wireName() + ".",
                        key));
            }
        } else if (type.titleField() != null) {
            sort = type.field(type.titleField()).orElse(null);
        }
        List<String> fields = fields(type, params.getFirst("fields"), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ListQuery(type, locale, filters, sort, descending, fields);
    }

    /** The title field and {@code summary} (when the type has them) unless {@code fields} names others. */
    private static List<String> fields(ContentType type, String param, List<FieldError> errors) {
        List<String> fields = new ArrayList<>();
        if (param == null || param.isBlank()) {
            if (type.titleField() != null && type.field(type.titleField()).isPresent()) {
                fields.add(type.titleField());
            }
            if (type.field("summary").isPresent() && !fields.contains("summary")) {
                fields.add("summary");
            }
            return fields;
        }
        String[] names = param.split(",", -1);
        if (names.length > MAX_FIELDS) {
            errors.add(new FieldError(
                    "fields", ProblemCodes.FIELD_RANGE, "A list shows at most " + MAX_FIELDS + " fields.", null));
            return fields;
        }
        for (String name : names) {
            String key = name.trim();
            FieldDefinition field = type.field(key).orElse(null);
            if (field == null || field.kind() == FieldKind.COMPONENTS) {
                errors.add(unknown("fields", key, type));
            } else if (!fields.contains(key)) {
                fields.add(key);
            }
        }
        return fields;
    }

    private static FieldError unknown(String parameter, String key, ContentType type) {
        return new FieldError(
                parameter,
                "list.field-unknown",
                "Content type '" + type.key() + "' has no top-level field '" + key + "'.",
                key.length() > 100 ? key.substring(0, 100) : key);
    }
}

package dev.hashi.translation.context;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import dev.hashi.identity.Identity;
import dev.hashi.service.access.Access;
import dev.hashi.translation.unit.Unit;
import dev.hashi.translation.unit.UnitProblems;
import dev.hashi.translation.unit.Units;

import tools.jackson.databind.JsonNode;

/**
 * Builds a unit's context from the entry's current draft and its type definitions, both read from content-service
 * when asked. A path that no longer leads anywhere in the draft (an item removed meanwhile) still gets its label and
 * limits where the type knows the field, and no neighbours.
 */
@Service
@EnableConfigurationProperties(ContextSettings.class)
public class UnitContexts {

    static final int MAX_NEIGHBOURS = 20;
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)(?:\\[([^\\]]*)\\])?");
    private static final Set<String> TEXT_KINDS = Set.of("text", "richtext");

    private final Units units;
    private final ContentReader content;

    @Autowired
    UnitContexts(
            Units units,
            ContextSettings settings,
            @Value("${cms.translation.rebuild.content-url:http://127.0.0.1:8081}") URI contentUrl,
            @Value("${cms.security.gateway-secret:}") String gatewaySecret) {
        this(units, new ContentReader(contentUrl, gatewaySecret, settings));
    }

    UnitContexts(Units units, ContentReader content) {
        this.units = units;
        this.content = content;
    }

    /**
     * The context of unit {@code unitId}, its labels in {@code labelLocale} ({@code null}: the unit's target locale).
     *
     * @throws dev.hashi.service.error.NotFoundException    {@code unit.not-found}, or {@code entry.not-found} when
     *                                                      content-service no longer has the entry
     * @throws dev.hashi.service.error.ForbiddenException   for callers outside the unit's locale pair
     * @throws dev.hashi.service.error.UnavailableException when content-service cannot answer
     */
    public UnitContext of(String unitId, String labelLocale, Identity caller) {
        Unit unit = UnitProblems.live(units.find(unitId), unitId);
        String source = unit.source().locale();
        String target = unit.targetLocale();
        Access.requireStaffFor(caller, source, target);
        List<String> labelOrder = new ArrayList<>(new LinkedHashSet<>(List.of(
                labelLocale == null ? target : labelLocale, labelLocale == null ? source : target, source, "en")));

        JsonNode entry = content.entry(unit.entryId(), caller);
        String typeKey = text(entry.path("type")).orElse(unit.type());
        JsonNode type = content.type(typeKey, caller).orElse(null);
        JsonNode node = entry.path("fields");
        JsonNode titles =
                type == null ? null : node.path(type.path("titleField").asString(""));

        List<Segment> segments = segments(unit.path());
        String prefix = "";
        for (int i = 0; i < segments.size() - 1 && type != null; i++) {
            Segment segment = segments.get(i);
            JsonNode field = field(type, segment.key());
            type = field == null
                    ? null
                    : text(field.path("componentType"))
                            .flatMap(component -> content.type(component, caller))
                            .orElse(null);
            node = node == null ? null : item(node.path(segment.key()), segment.itemId());
            prefix += segment.raw() + ".";
        }
        String leaf = segments.isEmpty()
                ? unit.path()
                : segments.get(segments.size() - 1).key();
        JsonNode field = type == null ? null : field(type, leaf);

        return new UnitContext(
                unit.id(),
                unit.path(),
                source,
                target,
                label(field, leaf, labelOrder),
                new UnitContext.Limits(
                        field != null && field.path("maxLength").isNumber()
                                ? field.path("maxLength").asInt()
                                : null,
                        "characters",
                        unit.source().sizeUnit()),
                new UnitContext.EntryFacts(unit.entryId(), typeKey, titles(titles, unit, source, target)),
                type == null || node == null ? List.of() : neighbours(type, node, leaf, prefix, labelOrder),
                previewUrl(entry, typeKey, source, target));
    }

    private static List<UnitContext.Neighbour> neighbours(
            JsonNode type, JsonNode node, String leaf, String prefix, List<String> labelOrder) {
        List<UnitContext.Neighbour> found = new ArrayList<>();
        for (JsonNode field : type.path("fields")) {
            String key = field.path("key").asString("");
            if (found.size() >= MAX_NEIGHBOURS) {
                break;
            }
            if (key.equals(leaf)
                    || !field.path("localized").asBoolean(false)
                    || !TEXT_KINDS.contains(field.path("kind").asString(""))) {
                continue;
            }
            Map<String, String> values = values(node.path(key));
            if (!values.isEmpty()) {
                found.add(new UnitContext.Neighbour(prefix + key, label(field, key, labelOrder), values));
            }
        }
        return found;
    }

    /** A localized value in the entry view: locale → {value, originLocale, …}. */
    private static Map<String, String> values(JsonNode perLocale) {
        Map<String, String> values = new LinkedHashMap<>();
        if (perLocale.isObject()) {
            for (Map.Entry<String, JsonNode> value : perLocale.properties()) {
                JsonNode text = value.getValue().path("value");
                if (!text.isMissingNode() && !text.isNull()) {
                    values.put(value.getKey(), text.isString() ? text.asString() : text.toString());
                }
            }
        }
        return values;
    }

    private static Map<String, String> titles(JsonNode titles, Unit unit, String source, String target) {
        Map<String, String> found = titles == null ? new LinkedHashMap<>() : values(titles);
        Map<String, String> all = new LinkedHashMap<>();
        for (String locale : List.of(source, target)) {
            all.put(locale, found.getOrDefault(locale, unit.titles().get(locale)));
        }
        found.forEach(all::putIfAbsent);
        return all;
    }

    private static UnitContext.Label label(JsonNode field, String key, List<String> order) {
        JsonNode labels = field == null ? null : field.path("labels");
        if (labels != null && labels.isObject()) {
            for (String locale : order) {
                Optional<String> label = text(labels.path(locale));
                if (label.isPresent()) {
                    return new UnitContext.Label(label.get(), locale);
                }
            }
            for (Map.Entry<String, JsonNode> any : labels.properties()) {
                if (text(any.getValue()).isPresent()) {
                    return new UnitContext.Label(any.getValue().asString(), any.getKey());
                }
            }
        }
        return new UnitContext.Label(key, null);
    }

    private static String previewUrl(JsonNode entry, String type, String source, String target) {
        JsonNode slugs = entry.path("slugs");
        return text(slugs.path(target))
                .or(() -> text(slugs.path(source)))
                .map(slug -> "/api/delivery/entries/" + encode(type) + "/" + encode(slug) + "?locale=" + encode(target)
                        + "&preview=true")
                .orElse(null);
    }

    private static JsonNode field(JsonNode type, String key) {
        for (JsonNode field : type.path("fields")) {
            if (key.equals(field.path("key").asString(null))) {
                return field;
            }
        }
        return null;
    }

    private static JsonNode item(JsonNode list, String itemId) {
        if (list == null || !list.isArray() || itemId == null) {
            return null;
        }
        for (JsonNode item : list) {
            if (itemId.equals(item.path("id").asString(null))) {
                return item;
            }
        }
        return null;
    }

    private static Optional<String> text(JsonNode node) {
        return node != null && node.isString() && !node.asString().isBlank()
                ? Optional.of(node.asString())
                : Optional.empty();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private record Segment(String raw, String key, String itemId) {}

    private static List<Segment> segments(String path) {
        List<Segment> segments = new ArrayList<>();
        Matcher matcher = SEGMENT.matcher(path == null ? "" : path);
        while (matcher.find()) {
            segments.add(new Segment(matcher.group(), matcher.group(1), matcher.group(2)));
        }
        return segments;
    }
}

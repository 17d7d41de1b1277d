package dev.hashi.translation.unit;

import java.time.Instant;
import java.util.Objects;

import dev.hashi.locale.Texts;

/**
 * A source-only decision for many units into one target locale: a field path across a content type
 * ({@code type} and {@code fieldPath} set) or a whole entry ({@code entryId} set). It applies to the matching units
 * when it is made and to matching units created later.
 *
 * @param id        derived from the scope, so the same scope has one rule
 * @param fieldPath the path with item ids left out ({@link FieldPaths#fieldPath}); {@code null} for an entry rule
 */
public record SourceOnlyRule(
        String id,
        String type,
        String fieldPath,
        String entryId,
        String targetLocale,
        String reason,
        String createdBy,
        Instant createdAt) {

    public SourceOnlyRule {
        Objects.requireNonNull(targetLocale, "targetLocale");
        if ((entryId == null) == (type == null || fieldPath == null)) {
            throw new IllegalArgumentException("a rule names a type and field path, or an entry");
        }
    }

    /** A rule for {@code path} (item ids are ignored) in every entry of {@code type}. */
    public static SourceOnlyRule forPath(
            String type, String path, String targetLocale, String reason, String by, Instant at) {
        String fieldPath = FieldPaths.fieldPath(path);
        return new SourceOnlyRule(
                idOf("path", type, fieldPath, targetLocale), type, fieldPath, null, targetLocale, reason, by, at);
    }

    /** A rule for every field of one entry. */
    public static SourceOnlyRule forEntry(String entryId, String targetLocale, String reason, String by, Instant at) {
        return new SourceOnlyRule(
                idOf("entry", entryId, targetLocale), null, null, entryId, targetLocale, reason, by, at);
    }

    /** {@code path} or {@code entry}. */
    public String scope() {
        return entryId == null ? "path" : "entry";
    }

    /** Whether the rule covers {@code unit}. */
    public boolean covers(Unit unit) {
        if (!targetLocale.equals(unit.targetLocale())) {
            return false;
        }
        return entryId != null
                ? entryId.equals(unit.entryId())
                : type.equals(unit.type()) && fieldPath.equals(FieldPaths.fieldPath(unit.path()));
    }

    /** The decision this rule makes for {@code unit}'s current source. */
    public Unit.Decision decisionFor(Unit unit) {
        return new Unit.Decision(reason, createdBy, createdAt, unit.source().hash(), id);
    }

    private static String idOf(String... parts) {
        String key = String.join("\u001f", parts);
        return "r-" + Texts.sourceHash(key).substring(0, 24);
    }
}

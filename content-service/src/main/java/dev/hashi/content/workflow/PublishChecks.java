package dev.hashi.content.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.hashi.content.entry.ContentTree;
import dev.hashi.content.entry.Entries;
import dev.hashi.content.entry.Entry;
import dev.hashi.content.entry.PublishedLocale;
import dev.hashi.content.media.MediaSummaries;
import dev.hashi.content.type.ContentType;
import dev.hashi.content.type.FieldKind;
import dev.hashi.content.type.TypeCatalog;

/** What publishing one locale checks, every problem at once. */
@Component
class PublishChecks {

    private final Entries entries;
    private final MediaSummaries media;

    PublishChecks(Entries entries, MediaSummaries media) {
        this.entries = entries;
        this.media = media;
    }

    /** One reason a locale cannot be published: at {@code path}, {@code code}, about {@code value} (may be null). */
    record Problem(String code, String path, String value) {

        String message() {
            return switch (code) {
                case "publish.required-missing" -> "'" + path + "' needs a value in this locale or a fallback.";
                case "publish.reference-missing" -> "'" + path + "' refers to an entry that does not exist.";
                case "publish.asset-missing" -> "'" + path + "' refers to a media asset that is not known (yet).";
                default -> code;
            };
        }
    }

    /** The values delivery would serve for {@code chain}'s first locale, and what is wrong with them. */
    record Outcome(List<PublishedLocale.Resolved> values, List<Problem> problems) {}

    Outcome check(Entry entry, TypeCatalog catalog, ContentType type, List<String> chain) {
        List<PublishedLocale.Resolved> values = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, String> references = new LinkedHashMap<>();
        Map<String, String> assets = new LinkedHashMap<>();
        for (ContentTree.Leaf leaf : new ContentTree(catalog, entry.content()::items).leaves(type)) {
            PublishedLocale.Resolved resolved = Fallbacks.resolve(entry.content(), leaf, chain);
            if (resolved == null) {
                if (leaf.definition().requiredToPublish()) {
                    problems.add(new Problem("publish.required-missing", leaf.path(), null));
                }
                continue;
            }
            values.add(resolved);
            if (leaf.definition().kind() == FieldKind.REFERENCE) {
                references.put(leaf.path(), (String) resolved.value());
            } else if (leaf.definition().kind() == FieldKind.MEDIA) {
                assets.put(leaf.path(), (String) resolved.value());
            }
        }
        Set<String> existing = entries.typesOf(references.values()).keySet();
        references.forEach((path, id) -> {
            if (!existing.contains(id)) {
                problems.add(new Problem("publish.reference-missing", path, id));
            }
        });
        Set<String> known = media.known(assets.values());
        assets.forEach((path, id) -> {
            if (!known.contains(id)) {
                problems.add(new Problem("publish.asset-missing", path, id));
            }
        });
        return new Outcome(values, problems);
    }
}

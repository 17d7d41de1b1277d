package dev.hashi.content.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.hashi.content.entry.AssetReferences;
import dev.hashi.content.entry.ContentTree;
import dev.hashi.content.entry.Entries;
import dev.hashi.content.entry.Entry;
import dev.hashi.content.entry.PublishedLocale;
import dev.hashi.content.media.MediaSummaries;
import dev.hashi.content.media.MediaSummary;
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
                case "publish.asset-deleted" -> "'" + path + "' refers to a media asset that was deleted.";
                default -> code;
            };
        }
    }

    /** The values delivery would serve for {@code chain}'s first locale, and what is wrong with them. */
    record Outcome(List<PublishedLocale.Resolved> values, List<Problem> problems) {}

    /**
     * Resolves every field of {@code type} along {@code chain} and checks it: required values, referenced entries
     * (single and lists), media assets (single and lists). An asset media-service never announced or has deleted
     * cannot be published ({@code publish.asset-missing}, {@code publish.asset-deleted}): delivery would show it as
     * missing from the first read.
     */
    Outcome check(Entry entry, TypeCatalog catalog, ContentType type, List<String> chain) {
        List<PublishedLocale.Resolved> values = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<Map.Entry<String, String>> references = new ArrayList<>();
        List<Map.Entry<String, String>> assets = new ArrayList<>();
        for (ContentTree.Leaf leaf : new ContentTree(catalog, entry.content()::items).leaves(type)) {
            PublishedLocale.Resolved resolved = Fallbacks.resolve(entry.content(), leaf, chain);
            if (resolved == null) {
                if (leaf.definition().requiredToPublish()) {
                    problems.add(new Problem("publish.required-missing", leaf.path(), null));
                }
                continue;
            }
            values.add(resolved);
            FieldKind kind = leaf.definition().kind();
            for (String id : AssetReferences.ids(resolved.value())) {
                if (kind.refersToEntries()) {
                    references.add(Map.entry(leaf.path(), id));
                } else if (kind.refersToMedia()) {
                    assets.add(Map.entry(leaf.path(), id));
                }
            }
        }
        Set<String> existing = entries.typesOf(
                        references.stream().map(Map.Entry::getValue).toList())
                .keySet();
        references.forEach(reference -> {
            if (!existing.contains(reference.getValue())) {
                problems.add(new Problem("publish.reference-missing", reference.getKey(), reference.getValue()));
            }
        });
        Map<String, MediaSummary> known =
                media.summaries(assets.stream().map(Map.Entry::getValue).toList());
        assets.forEach(asset -> {
            MediaSummary summary = known.get(asset.getValue());
            if (summary == null) {
                problems.add(new Problem("publish.asset-missing", asset.getKey(), asset.getValue()));
            } else if (summary.deleted()) {
                problems.add(new Problem("publish.asset-deleted", asset.getKey(), asset.getValue()));
            }
        });
        return new Outcome(values, problems);
    }
}

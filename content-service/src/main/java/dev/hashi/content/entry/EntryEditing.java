package dev.hashi.content.entry;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.hashi.content.common.Locales;
import dev.hashi.content.type.ContentLimits;
import dev.hashi.content.type.ContentType;
import dev.hashi.content.type.ContentTypes;
import dev.hashi.content.type.TypeCatalog;
import dev.hashi.events.EventEnvelope;
import dev.hashi.events.EventPayload;
import dev.hashi.events.content.ContentEntryDeleted;
import dev.hashi.events.content.ContentEntryReferencesChanged;
import dev.hashi.locale.Texts;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.error.InvalidInputException;
import dev.hashi.service.error.VersionConflictException;

import tools.jackson.databind.JsonNode;

/** Creating, changing, restoring and deleting entries. Callers check permissions. */
@Component
public class EntryEditing {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MERGE_ATTEMPTS = 10;

    private final Entries entries;
    private final ContentTypes types;
    private final EntryCommits commits;
    private final Slugging slugging;
    private final Locales locales;
    private final RevisionLog revisions;

    EntryEditing(
            Entries entries,
            ContentTypes types,
            EntryCommits commits,
            Slugging slugging,
            Locales locales,
            RevisionLog revisions) {
        this.entries = entries;
        this.revisions = revisions;
        this.types = types;
        this.commits = commits;
        this.slugging = slugging;
        this.locales = locales;
    }

    Entry create(EntryRequests.Create request, CommandContext context) {
        String locale = locales.require("locale", request.locale());
        TypeCatalog catalog = types.catalog();
        ContentType type = catalog.require(request.type());
        if (type.component()) {
            throw InvalidInputException.field(
                    "type",
                    "type.component-not-entry",
                    "'" + type.key() + "' is a component type; its items live inside other entries.",
                    type.key());
        }
        String id = "e-" + HexFormat.of().formatHex(bytes());
        Instant now = context.at();
        String actor = context.actor();
        Entry blank = new Entry(
                id,
                type.key(),
                0,
                0,
                EntryContent.EMPTY,
                Map.of(),
                List.of(),
                Map.of(),
                Map.of(),
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                now,
                actor,
                now,
                actor,
                List.of());
        return write(
                blank,
                new FieldsEdit(locale, request.slug(), request.fields(), false, false, types.limits()),
                "create",
                context);
    }

    Entry patch(String id, long baseVersion, EntryRequests.Patch request, CommandContext context) {
        String locale = locales.require("locale", request.locale());
        Map<String, JsonNode> fields = request.fields() == null ? Map.of() : request.fields();
        return edit(
                id,
                baseVersion,
                new FieldsEdit(locale, request.slug(), fields, request.minor(), request.replaceLists(), types.limits()),
                context);
    }

    /** Applies a JSON Patch document made against version {@code baseVersion}. */
    Entry jsonPatch(String id, long baseVersion, JsonNode patch, CommandContext context) {
        return edit(id, baseVersion, JsonPatchEdit.parse(patch, locales, types.limits()), context);
    }

    /**
     * Applies {@code edit}, made against version {@code baseVersion}, to the stored entry: directly when that is the
     * current version, else merged field by field with what changed since ({@link ThreeWayMerge}). A write that
     * loses the race with another is merged again with the newer version.
     *
     * @throws EditConflict when a field the edit changes (or tests) was changed since {@code baseVersion}, or that
     *     version is unknown
     * @throws VersionConflictException after {@value #MERGE_ATTEMPTS} lost races
     */
    private Entry edit(String id, long baseVersion, ContentEdit edit, CommandContext context) {
        for (int attempt = 1; ; attempt++) {
            Entry current = entries.require(id);
            try {
                return current.version() == baseVersion
                        ? write(current, edit, "save", context)
                        : merge(current, baseVersion, edit, context);
            } catch (EditConflict conflict) {
                throw conflict;
            } catch (VersionConflictException lost) {
                if (attempt == MERGE_ATTEMPTS) {
                    throw lost;
                }
            }
        }
    }

    private Entry merge(Entry current, long baseVersion, ContentEdit edit, CommandContext context) {
        Revision base = (baseVersion > current.version()
                        ? java.util.Optional.<Revision>empty()
                        : revisions.find(current, baseVersion))
                .orElseThrow(() -> new EditConflict(current, baseVersion, List.of()));
        TypeCatalog catalog = types.catalog();
        ContentType type = catalog.require(current.type());
        ContentDraft draft = new ContentDraft(base.content(), current.itemSeq());
        ContentEdit.Applied applied = edit.apply(draft, type, catalog);
        Origins.assign(draft, context.actor(), context.at());
        ThreeWayMerge.Result merged =
                ThreeWayMerge.merge(base.content(), draft.toContent(), current.content(), applied.tested());
        List<ThreeWayMerge.Conflict> conflicts = new ArrayList<>(merged.conflicts());
        String locale = edit.locale();
        if (edit.slug() != null
                && !Objects.equals(slugOf(base, locale), current.slugs().get(locale))) {
            conflicts.add(new ThreeWayMerge.Conflict("slug", locale));
        }
        if (!conflicts.isEmpty()) {
            throw new EditConflict(current, baseVersion, conflicts);
        }
        EntryContent content = merged.content();
        checkTotals(content);
        References.check(entries, applied.references());
        Slugging.SlugState slugs = slugging.afterWrite(type, current, content, edit.slug(), locale, context.at());
        return commits.commitContent(
                new ContentCommit(
                        current,
                        catalog,
                        type,
                        content,
                        draft.itemSeq(),
                        slugs,
                        "save",
                        locale,
                        edit.minor(),
                        baseVersion),
                context);
    }

    private static String slugOf(Revision revision, String locale) {
        return revision.slugs() == null ? null : revision.slugs().get(locale);
    }

    /** Makes a revision's content current again, as a new revision. */
    public Entry restore(Entry before, Revision revision, long expectedVersion, CommandContext context) {
        requireVersion(before, expectedVersion);
        TypeCatalog catalog = types.catalog();
        ContentType type = catalog.require(before.type());
        int itemSeq = Math.max(before.itemSeq(), maxItemNumber(revision.content()));
        Slugging.SlugState slugs = new Slugging.SlugState(before.slugs(), before.slugHistory());
        return commits.commitContent(
                new ContentCommit(
                        before, catalog, type, revision.content(), itemSeq, slugs, "restore", null, false, null),
                context);
    }

    /**
     * Writes a landed translation into {@code targetLocale} of {@code path}, as a draft, with its provenance; the
     * translator is {@code context}'s caller.
     *
     * @return the entry after the write, or {@code before} when the value is already there
     */
    public Entry landTranslation(
            Entry before,
            String path,
            String targetLocale,
            String text,
            String unitId,
            String sourceHash,
            CommandContext context) {
        TypeCatalog catalog = types.catalog();
        ContentType type = catalog.require(before.type());
        FieldValue source = before.content().source(path).orElseThrow();
        ContentDraft draft = new ContentDraft(before.content(), before.itemSeq());
        draft.values()
                .put(
                        FieldValue.key(path, targetLocale),
                        new FieldValue(
                                path,
                                targetLocale,
                                Texts.nfc(text),
                                new Origin(source.locale(), context.actor(), context.at(), unitId, sourceHash)));
        EntryContent content = draft.toContent();
        Slugging.SlugState slugs = slugging.afterWrite(type, before, content, null, targetLocale, context.at());
        return commits.commitContent(
                new ContentCommit(
                        before,
                        catalog,
                        type,
                        content,
                        before.itemSeq(),
                        slugs,
                        "translation",
                        targetLocale,
                        false,
                        null),
                context);
    }

    /**
     * Deletes the entry with {@code content.entry.deleted}, preceded in the same write by
     * {@code content.entry.references-changed} with empty lists when it referenced media assets.
     */
    void delete(String id, long expectedVersion, CommandContext context) {
        Entry before = current(id, expectedVersion);
        List<EventEnvelope<?>> events = new ArrayList<>();
        ContentEntryReferencesChanged references = AssetReferences.deleted(before, types.catalog());
        if (references != null) {
            events.add(envelope(references, before, context));
        }
        events.add(envelope(new ContentEntryDeleted(id, before.type()), before, context));
        entries.delete(before, events);
    }

    private static EventEnvelope<?> envelope(EventPayload payload, Entry before, CommandContext context) {
        return EventEnvelope.of(
                payload, before.id(), before.version() + 1, context.traceId(), context.actor(), context.at());
    }

    private Entry write(Entry before, ContentEdit edit, String kind, CommandContext context) {
        TypeCatalog catalog = types.catalog();
        ContentType type = catalog.require(before.type());
        ContentDraft draft = new ContentDraft(before.content(), before.itemSeq());
        ContentEdit.Applied applied = edit.apply(draft, type, catalog);
        checkTotals(draft.toContent());
        References.check(entries, applied.references());
        Origins.assign(draft, context.actor(), context.at());
        EntryContent content = draft.toContent();
        Slugging.SlugState slugs = slugging.afterWrite(type, before, content, edit.slug(), edit.locale(), context.at());
        return commits.commitContent(
                new ContentCommit(
                        before,
                        catalog,
                        type,
                        content,
                        draft.itemSeq(),
                        slugs,
                        kind,
                        edit.locale(),
                        edit.minor(),
                        null),
                context);
    }

    /** A write request's fields in one locale, read by {@link EntryInput}. */
    private record FieldsEdit(
            String locale,
            String slug,
            Map<String, JsonNode> fields,
            boolean minor,
            boolean replaceLists,
            ContentLimits limits)
            implements ContentEdit {

        @Override
        public Applied apply(ContentDraft draft, ContentType type, TypeCatalog catalog) {
            EntryInput input = new EntryInput(catalog, limits, locale, draft, replaceLists);
            input.apply(type, fields);
            return new Applied(input.references(), Set.of());
        }
    }

    /** The whole entry after the write stays within the per-entry limits. */
    private void checkTotals(EntryContent content) {
        ContentLimits limits = types.limits();
        int values = content.values().size();
        if (values > limits.maxValues()) {
            throw InvalidInputException.field(
                    "fields",
                    "entry.values-too-many",
                    "The entry would hold " + values + " values; at most " + limits.maxValues() + " are allowed.",
                    values);
        }
        long text = 0;
        for (FieldValue value : content.values()) {
            if (value.value() instanceof String s) {
                text += s.codePointCount(0, s.length());
            }
        }
        if (text > limits.maxEntryText()) {
            throw InvalidInputException.field(
                    "fields",
                    "entry.text-too-long",
                    "The entry would hold " + text + " characters of text; at most " + limits.maxEntryText()
                            + " are allowed.",
                    text);
        }
    }

    private Entry current(String id, long expectedVersion) {
        Entry before = entries.require(id);
        requireVersion(before, expectedVersion);
        return before;
    }

    private static void requireVersion(Entry entry, long expectedVersion) {
        if (entry.version() != expectedVersion) {
            throw new VersionConflictException(Entries.RESOURCE, entry.id(), entry.version());
        }
    }

    private static int maxItemNumber(EntryContent content) {
        int max = 0;
        for (ItemList list : content.lists()) {
            for (String id : list.items()) {
                String digits = id.substring(id.lastIndexOf('-') + 1);
                if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit) && digits.length() < 9) {
                    max = Math.max(max, Integer.parseInt(digits));
                }
            }
        }
        return max;
    }

    private static byte[] bytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}

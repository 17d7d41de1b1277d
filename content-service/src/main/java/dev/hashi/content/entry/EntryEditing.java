package dev.hashi.content.entry;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

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

    private final Entries entries;
    private final ContentTypes types;
    private final EntryCommits commits;
    private final Slugging slugging;
    private final Locales locales;

    EntryEditing(Entries entries, ContentTypes types, EntryCommits commits, Slugging slugging, Locales locales) {
        this.entries = entries;
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
        return write(blank, catalog, type, locale, request.slug(), request.fields(), false, "create", context);
    }

    Entry patch(String id, long expectedVersion, EntryRequests.Patch request, CommandContext context) {
        String locale = locales.require("locale", request.locale());
        Entry before = current(id, expectedVersion);
        TypeCatalog catalog = types.catalog();
        ContentType type = catalog.require(before.type());
        Map<String, JsonNode> fields = request.fields() == null ? Map.of() : request.fields();
        return write(before, catalog, type, locale, request.slug(), fields, request.minor(), "save", context);
    }

    /** Makes a revision's content current again, as a new revision. */
    public Entry restore(Entry before, Revision revision, long expectedVersion, CommandContext context) {
        requireVersion(before, expectedVersion);
        TypeCatalog catalog = types.catalog();
        ContentType type = catalog.require(before.type());
        int itemSeq = Math.max(before.itemSeq(), maxItemNumber(revision.content()));
        Slugging.SlugState slugs = new Slugging.SlugState(before.slugs(), before.slugHistory());
        return commits.commitContent(
                new ContentCommit(before, catalog, type, revision.content(), itemSeq, slugs, "restore", null, false),
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
                        before, catalog, type, content, before.itemSeq(), slugs, "translation", targetLocale, false),
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

    private Entry write(
            Entry before,
            TypeCatalog catalog,
            ContentType type,
            String locale,
            String slug,
            Map<String, JsonNode> fields,
            boolean minor,
            String kind,
            CommandContext context) {
        ContentDraft draft = new ContentDraft(before.content(), before.itemSeq());
        EntryInput input = new EntryInput(catalog, types.limits(), locale, draft);
        input.apply(type, fields);
        checkTotals(draft);
        References.check(entries, input.references());
        Origins.assign(draft, context.actor(), context.at());
        EntryContent content = draft.toContent();
        Slugging.SlugState slugs = slugging.afterWrite(type, before, content, slug, locale, context.at());
        return commits.commitContent(
                new ContentCommit(before, catalog, type, content, draft.itemSeq(), slugs, kind, locale, minor),
                context);
    }

    /** The whole entry after the write stays within the per-entry limits. */
    private void checkTotals(ContentDraft draft) {
        ContentLimits limits = types.limits();
        int values = draft.values().size();
        if (values > limits.maxValues()) {
            throw InvalidInputException.field(
                    "fields",
                    "entry.values-too-many",
                    "The entry would hold " + values + " values; at most " + limits.maxValues() + " are allowed.",
                    values);
        }
        long text = 0;
        for (FieldValue value : draft.values().values()) {
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

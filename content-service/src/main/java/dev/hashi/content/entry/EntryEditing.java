package dev.hashi.content.entry;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import dev.hashi.content.common.Locales;
import dev.hashi.content.type.ContentType;
import dev.hashi.content.type.ContentTypes;
import dev.hashi.content.type.TypeCatalog;
import dev.hashi.events.EventEnvelope;
import dev.hashi.events.content.ContentEntryDeleted;
import dev.hashi.locale.Texts;
import dev.hashi.service.web.ApiProblem;
import dev.hashi.service.web.RequestIdFilter;

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

    public Entry create(EntryRequests.Create request, String actor) {
        String locale = locales.require(request.locale());
        TypeCatalog catalog = types.catalog();
        ContentType type = catalog.require(request.type());
        if (type.component()) {
            throw new ApiProblem(
                            HttpStatus.BAD_REQUEST,
                            "type.component-not-entry",
                            "'" + type.key() + "' is a component type; its items live inside other entries.")
                    .with("value", type.key());
        }
        String id = "e-" + HexFormat.of().formatHex(bytes());
        Instant now = commits.now();
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
                List.of(),
                List.of(),
                List.of(),
                now,
                actor,
                now,
                actor);
        return write(blank, catalog, type, locale, request.slug(), request.fields(), actor, false, "create");
    }

    public Entry patch(String id, long expectedVersion, EntryRequests.Patch request, String actor) {
        String locale = locales.require(request.locale());
        Entry before = current(id, expectedVersion);
        TypeCatalog catalog = types.catalog();
        ContentType type = catalog.require(before.type());
        return write(
                before,
                catalog,
                type,
                locale,
                request.slug(),
                request.fields() == null ? Map.of() : request.fields(),
                actor,
                request.minor(),
                "save");
    }

    /** Makes a revision's content current again, as a new revision. */
    public Entry restore(Entry before, Revision revision, long expectedVersion, String actor) {
        requireVersion(before, expectedVersion);
        TypeCatalog catalog = types.catalog();
        ContentType type = catalog.require(before.type());
        int itemSeq = Math.max(before.itemSeq(), maxItemNumber(revision.content()));
        Slugging.SlugState slugs = new Slugging.SlugState(before.slugs(), before.slugHistory());
        return commits.commitContent(
                before, catalog, type, revision.content(), itemSeq, slugs, "restore", null, actor, false);
    }

    /**
     * Writes a landed translation into {@code targetLocale} of {@code path}, as a draft, with its provenance.
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
            String actor,
            String kind) {
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
                                new Origin(source.locale(), actor, commits.now(), unitId, sourceHash)));
        EntryContent content = draft.toContent();
        Slugging.SlugState slugs = slugging.afterWrite(type, before, content, null, targetLocale, commits.now());
        return commits.commitContent(
                before, catalog, type, content, before.itemSeq(), slugs, kind, targetLocale, actor, false);
    }

    public void delete(String id, long expectedVersion, String actor) {
        Entry before = current(id, expectedVersion);
        EventEnvelope<ContentEntryDeleted> event = EventEnvelope.of(
                new ContentEntryDeleted(id, before.type()),
                id,
                before.version() + 1,
                RequestIdFilter.current(),
                actor,
                commits.now());
        entries.delete(before, List.of(event));
    }

    private Entry write(
            Entry before,
            TypeCatalog catalog,
            ContentType type,
            String locale,
            String slug,
            Map<String, tools.jackson.databind.JsonNode> fields,
            String actor,
            boolean minor,
            String kind) {
        ContentDraft draft = new ContentDraft(before.content(), before.itemSeq());
        EntryInput input = new EntryInput(catalog, locale, draft);
        input.apply(type, "", fields, 0);
        References.check(entries, input.references());
        Instant now = commits.now();
        Origins.assign(draft, actor, now);
        EntryContent content = draft.toContent();
        Slugging.SlugState slugs = slugging.afterWrite(type, before, content, slug, locale, now);
        return commits.commitContent(
                before, catalog, type, content, draft.itemSeq(), slugs, kind, locale, actor, minor);
    }

    private Entry current(String id, long expectedVersion) {
        Entry before = entries.require(id);
        requireVersion(before, expectedVersion);
        return before;
    }

    private static void requireVersion(Entry entry, long expectedVersion) {
        if (entry.version() != expectedVersion) {
            throw dev.hashi.content.common.Versions.conflict(entry.id(), entry.version());
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

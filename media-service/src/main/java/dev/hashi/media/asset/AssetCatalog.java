package dev.hashi.media.asset;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.hashi.problem.ProblemCodes;
import dev.hashi.service.access.Access;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.error.ConflictException;
import dev.hashi.service.error.InvalidInputException;
import dev.hashi.service.error.NotFoundException;
import dev.hashi.service.error.VersionConflictException;
import dev.hashi.service.locale.LocaleInput;
import dev.hashi.service.paging.Cursor;
import dev.hashi.service.paging.Page;
import dev.hashi.service.paging.PageRequest;

/**
 * Creating, reading, changing and deleting assets' metadata. Editors and admins write; staff read every asset,
 * anyone else only assets published content references (others are told it does not exist). An asset published
 * content references is deleted only when an admin forces it.
 */
@Service
public class AssetCatalog {

    private final Assets assets;
    private final LocaleInput locales;

    AssetCatalog(Assets assets, LocaleInput locales) {
        this.assets = assets;
        this.locales = locales;
    }

    /** Creates an asset and records {@code media.asset.changed}. */
    public Asset create(AssetCreateRequest request, CommandContext command) {
        Access.requireEditor(command.caller());
        AssetInput.AssetDraft draft = AssetInput.create(locales, request);
        Asset asset = Asset.create(newId(), draft.kind(), draft.metadata(), draft.availability(), command);
        assets.insert(asset, List.of(asset.changed(command, null, defaultLocale())));
        return asset;
    }

    /**
     * The asset {@code id}, as the caller may see it.
     *
     * @throws NotFoundException when it does not exist or the caller may not read drafts
     */
    public Asset get(String id, CommandContext command) {
        return assets.find(id)
                .filter(asset -> asset.readableBy(command.caller()))
                .orElseThrow(() -> new NotFoundException(Asset.RESOURCE, id));
    }

    /**
     * Applies {@code request} to the asset at version {@code ifMatch} and records {@code media.asset.changed}; a
     * request that changes nothing writes nothing.
     *
     * @throws dev.hashi.service.error.VersionRequiredException without {@code ifMatch}
     * @throws VersionConflictException                          when the asset is at another version
     */
    public Asset change(String id, String ifMatch, AssetPatchRequest request, CommandContext command) {
        Access.requireEditor(command.caller());
        long expected = IfMatch.version(ifMatch);
        AssetChange change = AssetInput.change(locales, request);
        Asset current = current(id, expected);
        Asset changed = current.apply(change, command);
        if (changed.sameContentAs(current)) {
            return current;
        }
        assets.update(expected, changed, List.of(changed.changed(command, current, defaultLocale())));
        return changed;
    }

    /**
     * Deletes the asset at version {@code ifMatch} and records {@code media.asset.deleted}; its bytes go with the
     * sweeper once nothing else uses them.
     *
     * @param force an admin's word that an asset published content references is deleted all the same (the
     *              references then show it missing)
     * @throws ConflictException {@code asset.referenced} naming the entries when published content references it
     *                           and an admin did not force it
     */
    public void delete(String id, String ifMatch, boolean force, CommandContext command) {
        Access.requireEditor(command.caller());
        if (force) {
            Access.requireAdmin(command.caller());
        }
        long expected = IfMatch.version(ifMatch);
        Asset current = current(id, expected);
        if (current.references().isPublished() && !force) {
            throw (ConflictException) new ConflictException(
                            MediaProblemCodes.ASSET_REFERENCED,
                            "Published content references this asset; unpublish those entries first, or have an admin"
                                    + " delete it with force=true.")
                    .with("entryIds", current.references().publishedEntryIds());
        }
        assets.delete(current, expected, current.deleted(command));
    }

    /**
     * A page of assets in id order, filtered by kind, availability, the locale of a variant and whether content
     * references them, when given; counts the total.
     */
    public Page<Asset> list(
            String kind,
            String availability,
            String variantLocale,
            String referenced,
            PageRequest page,
            CommandContext command) {
        Access.requireStaff(command.caller());
        AssetFilter filter = new AssetFilter(
                AssetInput.kindFilter(kind),
                AssetInput.availabilityFilter(availability),
                variantLocale == null || variantLocale.isBlank()
                        ? null
                        : locales.require("variantLocale", variantLocale).tag(),
                AssetInput.booleanFilter("referenced", referenced));
        if (page.cursor() != null && !page.cursor().isKeyset()) {
            throw InvalidInputException.field(
                    "cursor",
                    ProblemCodes.FIELD_FORMAT,
                    "The cursor is not one this list issued; start again without it.");
        }
        List<Asset> fetched = assets.page(filter, page.afterId(), page.fetchSize());
        return Page.keyset(fetched, page, asset -> Cursor.after(asset.id()), assets.count(filter));
    }

    private Asset current(String id, long expected) {
        Asset current = assets.find(id).orElseThrow(() -> new NotFoundException(Asset.RESOURCE, id));
        if (current.version() != expected) {
            throw new VersionConflictException(Asset.RESOURCE, id, current.version());
        }
        return current;
    }

    private String defaultLocale() {
        return locales.supported().defaultLocale().tag();
    }

    private static String newId() {
        return "a-" + UUID.randomUUID();
    }
}

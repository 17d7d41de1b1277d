package dev.hashi.media.asset;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.hashi.problem.ProblemCodes;
import dev.hashi.service.access.Access;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.error.InvalidInputException;
import dev.hashi.service.error.NotFoundException;
import dev.hashi.service.error.VersionConflictException;
import dev.hashi.service.locale.LocaleInput;
import dev.hashi.service.paging.Cursor;
import dev.hashi.service.paging.Page;
import dev.hashi.service.paging.PageRequest;

/**
 * Creating, reading, changing and deleting assets' metadata. Editors and admins write; staff read. Nothing is
 * published yet, so every asset is a draft: other callers are told it does not exist.
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
        assets.insert(asset, List.of(asset.changed(command)));
        return asset;
    }

    /**
     * The asset {@code id}, as the caller may see it.
     *
     * @throws NotFoundException when it does not exist or the caller may not read drafts
     */
    public Asset get(String id, CommandContext command) {
        return assets.find(id)
                .filter(asset -> Access.isStaff(command.caller()))
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
        assets.update(expected, changed, List.of(changed.changed(command)));
        return changed;
    }

    /** Deletes the asset at version {@code ifMatch} and records {@code media.asset.deleted}. */
    public void delete(String id, String ifMatch, CommandContext command) {
        Access.requireEditor(command.caller());
        long expected = IfMatch.version(ifMatch);
        Asset current = current(id, expected);
        assets.delete(current, expected, current.deleted(command));
    }

    /** A page of assets in id order, filtered by kind and availability when given; counts the total. */
    public Page<Asset> list(String kind, String availability, PageRequest page, CommandContext command) {
        Access.requireStaff(command.caller());
        AssetKind kindFilter = AssetInput.kindFilter(kind);
        AvailabilityState availabilityFilter = AssetInput.availabilityFilter(availability);
        if (page.cursor() != null && !page.cursor().isKeyset()) {
            throw InvalidInputException.field(
                    "cursor",
                    ProblemCodes.FIELD_FORMAT,
                    "The cursor is not one this list issued; start again without it.");
        }
        List<Asset> fetched = assets.page(kindFilter, availabilityFilter, page.afterId(), page.fetchSize());
        return Page.keyset(
                fetched, page, asset -> Cursor.after(asset.id()), assets.count(kindFilter, availabilityFilter));
    }

    private Asset current(String id, long expected) {
        Asset current = assets.find(id).orElseThrow(() -> new NotFoundException(Asset.RESOURCE, id));
        if (current.version() != expected) {
            throw new VersionConflictException(Asset.RESOURCE, id, current.version());
        }
        return current;
    }

    private static String newId() {
        return "a-" + UUID.randomUUID();
    }
}

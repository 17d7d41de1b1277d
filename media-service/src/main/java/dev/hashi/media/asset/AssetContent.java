package dev.hashi.media.asset;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;

import dev.hashi.locale.LocaleTag;
import dev.hashi.media.binary.Binaries;
import dev.hashi.media.binary.ContentTypes;
import dev.hashi.media.binary.FileNames;
import dev.hashi.media.binary.StoredBinary;
import dev.hashi.media.binary.Uploads;
import dev.hashi.service.access.Access;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.error.ConflictException;
import dev.hashi.service.error.DomainException;
import dev.hashi.service.error.NotFoundException;
import dev.hashi.service.error.VersionConflictException;
import dev.hashi.service.locale.LocaleInput;

/**
 * Assets' binaries: storing a locale's variant from a streamed body, removing one, and picking the variant a
 * download serves. Only an available asset has a downloadable body; one on request or pending answers a problem
 * carrying what a client shows instead.
 */
@Service
public class AssetContent {

    private static final int WRITE_ATTEMPTS = 5;

    private final Assets assets;
    private final Binaries binaries;
    private final Uploads uploads;
    private final LocaleInput locales;

    AssetContent(Assets assets, Binaries binaries, Uploads uploads, LocaleInput locales) {
        this.assets = assets;
        this.binaries = binaries;
        this.uploads = uploads;
        this.locales = locales;
    }

    /** The largest upload accepted, in bytes. */
    public long maxUploadBytes() {
        return uploads.maxBytes();
    }

    /**
     * Streams {@code body} into the variant of {@code locale}, replacing the one there, and records
     * {@code media.asset.changed} and {@code media.asset.stored}. Everything that can be checked before reading
     * (caller, asset, locale, version, file name, declared length) is checked before reading.
     *
     * @param ifMatch        the version the upload is based on, or {@code null} to store on whatever version is
     *                       current
     * @param declaredLength the declared body length, -1 when unknown
     * @throws VersionConflictException when {@code ifMatch} is not the current version
     */
    public Asset storeVariant(
            String id,
            String locale,
            String ifMatch,
            InputStream body,
            String declaredType,
            String fileName,
            long declaredLength,
            CommandContext command) {
        Access.requireEditor(command.caller());
        String tag = locales.require("locale", locale).tag();
        Long expected = ifMatch == null ? null : IfMatch.version(ifMatch);
        Asset current = live(id);
        if (expected != null && current.version() != expected) {
            throw new VersionConflictException(Asset.RESOURCE, id, current.version());
        }
        String displayName = FileNames.display(fileName);
        StoredBinary binary = uploads.store(body, declaredType, displayName, declaredLength);
        String name =
                displayName != null ? displayName : id + "-" + tag + ContentTypes.extension(binary.detectedType());
        for (int attempt = 1; ; attempt++) {
            Variant variant = new Variant(
                    tag,
                    binary.sha256(),
                    binary.fileId(),
                    binary.sizeBytes(),
                    binary.detectedType(),
                    declaredType == null ? null : ContentTypes.base(declaredType),
                    name,
                    FileNames.storage(name, binary.sha256()),
                    command.at());
            Asset next = current.withVariant(variant, command);
            try {
                assets.update(
                        current.version(),
                        next,
                        List.of(next.changed(command, current, defaultLocale()), next.stored(variant, command)));
                return next;
            } catch (VersionConflictException e) {
                if (expected != null || attempt == WRITE_ATTEMPTS) {
                    throw e;
                }
                current = live(id);
            }
        }
    }

    /** Removes the variant of {@code locale} at version {@code ifMatch} and records {@code media.asset.changed}. */
    public Asset removeVariant(String id, String locale, String ifMatch, CommandContext command) {
        Access.requireEditor(command.caller());
        String tag = locales.require("locale", locale).tag();
        long expected = IfMatch.version(ifMatch);
        Asset current = live(id);
        if (current.version() != expected) {
            throw new VersionConflictException(Asset.RESOURCE, id, current.version());
        }
        Asset next = current.withoutVariant(tag, command);
        assets.update(expected, next, List.of(next.changed(command, current, defaultLocale())));
        return next;
    }

    /**
     * The variant to serve: {@code ?locale=} wins, else {@code Accept-Language}, else the default locale, each
     * falling back along the configured chain and at last to any variant.
     *
     * @throws NotFoundException  {@code asset.not-found} when the caller may not read the asset,
     *                            {@code variant.not-found} when it has no binary
     * @throws ConflictException  {@code media.on-request} or {@code media.pending} when it has no downloadable body
     */
    public Download download(String id, String locale, String acceptLanguage, CommandContext command) {
        Asset asset = assets.find(id)
                .filter(found -> found.readableBy(command.caller()))
                .orElseThrow(() -> new NotFoundException(Asset.RESOURCE, id));
        LocaleTag wanted = locales.negotiate(locale, acceptLanguage);
        List<String> chain = locales.supported().fallbackChain(wanted).stream()
                .map(LocaleTag::tag)
                .toList();
        requireDownloadable(asset, chain);
        Variant variant = asset.variantFor(chain).orElseThrow(() -> new NotFoundException(Asset.VARIANT, id));
        Resource body = new BinaryResource(
                () -> binaries.open(variant.fileId()),
                variant.sizeBytes(),
                variant.storedAt().toEpochMilli(),
                "variant " + id + "/" + variant.locale());
        return new Download(asset, variant, body);
    }

    /** What a download serves: the asset, the variant picked, its bytes. */
    public record Download(Asset asset, Variant variant, Resource body) {}

    private static void requireDownloadable(Asset asset, List<String> chain) {
        Availability availability = asset.availability();
        switch (availability.state()) {
            case AVAILABLE -> {}
            case ON_REQUEST -> {
                DomainException problem = new ConflictException(
                                MediaProblemCodes.ON_REQUEST,
                                "This asset is not downloadable; it is available on request.")
                        .with("assetId", asset.id());
                pick(availability.contactText(), chain)
                        .ifPresent(text -> problem.with("contactText", text.text())
                                .with("contactTextLocale", localeOf(availability.contactText(), text)));
                problem.with("contactTexts", texts(availability.contactText()));
                if (availability.contactEntryId() != null) {
                    problem.with("contactEntryId", availability.contactEntryId());
                }
                throw problem;
            }
            case PENDING -> {
                DomainException problem = new ConflictException(
                                MediaProblemCodes.PENDING, "This asset is to be made available; it cannot be had yet.")
                        .with("assetId", asset.id());
                if (availability.expectedAt() != null) {
                    problem.with("expectedDate", availability.expectedAt().toString());
                }
                throw problem;
            }
        }
    }

    private static java.util.Optional<LocalizedText> pick(Map<String, LocalizedText> texts, List<String> chain) {
        for (String locale : chain) {
            if (texts.containsKey(locale)) {
                return java.util.Optional.of(texts.get(locale));
            }
        }
        return texts.values().stream().findFirst();
    }

    private static String localeOf(Map<String, LocalizedText> texts, LocalizedText text) {
        return texts.entrySet().stream()
                .filter(e -> e.getValue() == text)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    private static Map<String, String> texts(Map<String, LocalizedText> texts) {
        Map<String, String> plain = new java.util.TreeMap<>();
        texts.forEach((locale, text) -> plain.put(locale, text.text()));
        return plain;
    }

    private Asset live(String id) {
        return assets.find(id).orElseThrow(() -> new NotFoundException(Asset.RESOURCE, id));
    }

    private String defaultLocale() {
        return locales.supported().defaultLocale().tag();
    }
}

package dev.hashi.media.asset;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.hashi.events.EventEnvelope;
import dev.hashi.events.media.MediaAssetChanged;
import dev.hashi.events.media.MediaAssetDeleted;
import dev.hashi.events.media.MediaAssetStored;
import dev.hashi.identity.Identity;
import dev.hashi.problem.ProblemCodes;
import dev.hashi.service.access.Access;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.error.InvalidInputException;
import dev.hashi.service.error.NotFoundException;

/**
 * An asset: its kind, localized title, alt text and caption, availability and binary variants by locale. Every
 * change makes a new version and records the events it causes. An asset always has a title in at least one locale.
 * {@code references} are what content said about it; they are kept beside the asset, outside its versions.
 */
public record Asset(
        String id,
        AssetKind kind,
        Map<MetadataField, Map<String, LocalizedText>> metadata,
        Availability availability,
        Map<String, Variant> variants,
        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        AssetReferences references) {

    /** The resource name in problems ({@code asset.not-found}) and version conflicts. */
    public static final String RESOURCE = "asset";
    /** The resource name of a missing variant ({@code variant.not-found}). */
    public static final String VARIANT = "variant";

    public Asset {
        Map<MetadataField, Map<String, LocalizedText>> copy = new EnumMap<>(MetadataField.class);
        for (MetadataField field : MetadataField.values()) {
            Map<String, LocalizedText> texts = metadata == null ? null : metadata.get(field);
            copy.put(field, texts == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(texts)));
        }
        metadata = Collections.unmodifiableMap(copy);
        variants = variants == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(variants));
        references = references == null ? AssetReferences.NONE : references;
    }

    /** A new asset (version 1) made by {@code command}'s caller. */
    public static Asset create(
            String id,
            AssetKind kind,
            Map<MetadataField, Map<String, LocalizedText>> metadata,
            Availability availability,
            CommandContext command) {
        Instant at = stored(command.at());
        Asset asset = new Asset(
                id,
                kind,
                metadata,
                availability == null ? Availability.available() : availability,
                Map.of(),
                1,
                at,
                command.actor(),
                at,
                command.actor(),
                AssetReferences.NONE);
        asset.requireTitle();
        return asset;
    }

    /** The texts of {@code field} by locale tag, in tag order. */
    public Map<String, LocalizedText> texts(MetadataField field) {
        return metadata.get(field);
    }

    /**
     * This asset with {@code change} applied, one version on; locales the change does not name keep their text.
     *
     * @throws InvalidInputException {@code title} / {@code required} when the change would remove the last title
     */
    public Asset apply(AssetChange change, CommandContext command) {
        Map<MetadataField, Map<String, LocalizedText>> next = new EnumMap<>(MetadataField.class);
        for (MetadataField field : MetadataField.values()) {
            Map<String, LocalizedText> texts = new LinkedHashMap<>(texts(field));
            change.metadata().getOrDefault(field, Map.of()).forEach((locale, text) -> {
                if (text == null) {
                    texts.remove(locale);
                } else {
                    texts.put(locale, text);
                }
            });
            next.put(field, texts);
        }
        Asset changed = new Asset(
                id,
                change.kind() == null ? kind : change.kind(),
                next,
                change.availability() == null ? availability : change.availability(),
                variants,
                version + 1,
                createdAt,
                createdBy,
                stored(command.at()),
                command.actor(),
                references);
        changed.requireTitle();
        return changed;
    }

    /** This asset with {@code variant} stored for its locale (replacing the one there), one version on. */
    public Asset withVariant(Variant variant, CommandContext command) {
        Map<String, Variant> next = new TreeMap<>(variants);
        next.put(variant.locale(), variant);
        return nextVersion(next, command);
    }

    /**
     * This asset without its variant for {@code locale}, one version on. The bytes stay while another variant uses
     * them; the sweeper removes bytes nothing uses.
     *
     * @throws NotFoundException {@code variant.not-found} when there is no variant for {@code locale}
     */
    public Asset withoutVariant(String locale, CommandContext command) {
        if (!variants.containsKey(locale)) {
            throw new NotFoundException(VARIANT, id + "/" + locale);
        }
        Map<String, Variant> next = new TreeMap<>(variants);
        next.remove(locale);
        return nextVersion(next, command);
    }

    private Asset nextVersion(Map<String, Variant> nextVariants, CommandContext command) {
        return new Asset(
                id,
                kind,
                metadata,
                availability,
                nextVariants,
                version + 1,
                createdAt,
                createdBy,
                stored(command.at()),
                command.actor(),
                references);
    }

    /**
     * The variant to serve for {@code wanted}: its own, else the first of its fallback chain that exists, else the
     * first variant in locale order (a Japanese-only presentation is still served to English readers); empty when
     * the asset has none.
     */
    public Optional<Variant> variantFor(List<String> chain) {
        for (String locale : chain) {
            Variant variant = variants.get(locale);
            if (variant != null) {
                return Optional.of(variant);
            }
        }
        return variants.values().stream().findFirst();
    }

    /** Whether {@code caller} may read this asset: staff always, anyone once published content references it. */
    public boolean readableBy(Identity caller) {
        return references.isPublished() || Access.isStaff(caller);
    }

    /** Whether {@code other} holds the same metadata, whatever its version and audit fields. */
    public boolean sameContentAs(Asset other) {
        return kind == other.kind
                && metadata.equals(other.metadata)
                && availability.equals(other.availability)
                && variants.equals(other.variants);
    }

    /**
     * The {@code media.asset.changed} event of this version: the whole summary, and the translatable values that
     * changed since {@code previous} ({@code null} for a new asset).
     *
     * @param defaultLocale the locale whose variant's size and type the summary carries (else the first variant's)
     */
    public EventEnvelope<MediaAssetChanged> changed(CommandContext command, Asset previous, String defaultLocale) {
        Map<String, String> titles = new TreeMap<>();
        texts(MetadataField.TITLE).forEach((locale, text) -> titles.put(locale, text.text()));
        Variant main = variants.containsKey(defaultLocale)
                ? variants.get(defaultLocale)
                : variants.values().stream().findFirst().orElse(null);
        Map<String, String> contact = new TreeMap<>();
        availability.contactText().forEach((locale, text) -> contact.put(locale, text.text()));
        return EventEnvelope.of(
                new MediaAssetChanged(
                        id,
                        kind.wire(),
                        titles,
                        main == null ? null : main.sizeBytes(),
                        main == null ? null : main.contentType(),
                        availability.state().wire(),
                        List.copyOf(variants.keySet()),
                        contact,
                        availability.contactEntryId(),
                        availability.expectedAt() == null
                                ? null
                                : availability.expectedAt().toString(),
                        variants.values().stream().map(Variant::event).toList(),
                        TextChanges.between(previous, this)),
                id,
                version,
                command.traceId(),
                command.actor(),
                command.at());
    }

    /** The {@code media.asset.stored} event of {@code variant}, stored in this version. */
    public EventEnvelope<MediaAssetStored> stored(Variant variant, CommandContext command) {
        return EventEnvelope.of(
                new MediaAssetStored(id, variant.event()),
                id,
                version,
                command.traceId(),
                command.actor(),
                command.at());
    }

    /** The {@code media.asset.deleted} event, recorded as version {@code version + 1}. */
    public EventEnvelope<MediaAssetDeleted> deleted(CommandContext command) {
        return EventEnvelope.of(
                new MediaAssetDeleted(id, kind.wire()),
                id,
                version + 1,
                command.traceId(),
                command.actor(),
                command.at());
    }

    /** Instants as the database keeps them, so a read answers what the write answered. */
    private static Instant stored(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS);
    }

    private void requireTitle() {
        if (texts(MetadataField.TITLE).isEmpty()) {
            throw InvalidInputException.field(
                    MetadataField.TITLE.wire(), ProblemCodes.FIELD_REQUIRED, "An asset needs a title in some locale.");
        }
    }
}

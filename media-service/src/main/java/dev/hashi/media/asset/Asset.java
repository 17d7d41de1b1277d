package dev.hashi.media.asset;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.hashi.events.EventEnvelope;
import dev.hashi.events.media.MediaAssetChanged;
import dev.hashi.events.media.MediaAssetDeleted;
import dev.hashi.problem.ProblemCodes;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.error.InvalidInputException;

/**
 * An asset's metadata: its kind, localized title, alt text and caption, and availability. Every change makes a new
 * version and records the event it causes. An asset always has a title in at least one locale.
 */
public record Asset(
        String id,
        AssetKind kind,
        Map<MetadataField, Map<String, LocalizedText>> metadata,
        Availability availability,
        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    /** The resource name in problems ({@code asset.not-found}) and version conflicts. */
    public static final String RESOURCE = "asset";

    public Asset {
        Map<MetadataField, Map<String, LocalizedText>> copy = new EnumMap<>(MetadataField.class);
        for (MetadataField field : MetadataField.values()) {
            Map<String, LocalizedText> texts = metadata == null ? null : metadata.get(field);
            copy.put(field, texts == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(texts)));
        }
        metadata = Collections.unmodifiableMap(copy);
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
                1,
                at,
                command.actor(),
                at,
                command.actor());
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
                version + 1,
                createdAt,
                createdBy,
                stored(command.at()),
                command.actor());
        changed.requireTitle();
        return changed;
    }

    /** Whether {@code other} holds the same metadata, whatever its version and audit fields. */
    public boolean sameContentAs(Asset other) {
        return kind == other.kind && metadata.equals(other.metadata) && availability.equals(other.availability);
    }

    /** The {@code media.asset.changed} event of this version. */
    public EventEnvelope<MediaAssetChanged> changed(CommandContext command) {
        Map<String, String> titles = new TreeMap<>();
        texts(MetadataField.TITLE).forEach((locale, text) -> titles.put(locale, text.text()));
        return EventEnvelope.of(
                new MediaAssetChanged(
                        id,
                        kind.wire(),
                        titles,
                        null,
                        null,
                        availability.state().wire(),
                        List.of(),
                        Map.of(),
                        null,
                        null,
                        List.of(),
                        List.of()),
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

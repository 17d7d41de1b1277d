package dev.hashi.media.asset;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.hashi.locale.LocaleException;
import dev.hashi.locale.Texts;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.error.VersionConflictException;
import dev.hashi.service.locale.LocaleInput;

/**
 * Lands an approved translation of an asset's metadata (title, alt text, caption, contact text) as that locale's
 * text with the source locale as its origin, one version on, and records {@code media.asset.changed}, so the
 * translation reaches readers as a landed content translation does. Nothing lands over an original written in the
 * target locale, from a source that is not an original, or from a source that changed since (its hash differs: the
 * unit is outdated already); landing the same text twice writes nothing.
 */
@Service
public class TranslationLanding {

    private static final Logger log = LoggerFactory.getLogger(TranslationLanding.class);
    private static final int ATTEMPTS = 5;

    private final Assets assets;
    private final LocaleInput locales;

    TranslationLanding(Assets assets, LocaleInput locales) {
        this.assets = assets;
        this.locales = locales;
    }

    /** An approved translation of one asset value. */
    public record Landing(
            String assetId, String field, String sourceLocale, String targetLocale, String sourceHash, String text) {}

    /** Lands {@code landing}; returns what happened ({@code landed} or the reason it was skipped). */
    public String land(Landing landing, CommandContext command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(landing, command);
            } catch (VersionConflictException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private String attempt(Landing landing, CommandContext command) {
        Optional<Asset> found = assets.find(landing.assetId());
        if (found.isEmpty()) {
            return skip(landing, "asset-missing");
        }
        try {
            locales.supported().require(landing.targetLocale());
        } catch (LocaleException e) {
            return skip(landing, "locale-unsupported");
        }
        Asset current = found.get();
        boolean contact = TextChanges.CONTACT.equals(landing.field());
        Optional<MetadataField> field = metadataField(landing.field());
        if (!contact && field.isEmpty()) {
            return skip(landing, "field-unknown");
        }
        Map<String, LocalizedText> texts = contact ? current.availability().contactText() : current.texts(field.get());
        LocalizedText source = texts.get(landing.sourceLocale());
        if (source == null || !landing.sourceLocale().equals(source.origin())) {
            return skip(landing, "source-missing");
        }
        if (!Texts.sourceHash(source.text()).equals(landing.sourceHash())) {
            return skip(landing, "source-changed");
        }
        LocalizedText target = texts.get(landing.targetLocale());
        if (target != null && landing.targetLocale().equals(target.origin())) {
            return skip(landing, "target-is-original");
        }
        LocalizedText landed = new LocalizedText(landing.text(), landing.sourceLocale());
        if (landed.equals(target)) {
            return skip(landing, "already-landed");
        }
        AssetChange change;
        if (contact) {
            Map<String, LocalizedText> contactText = new HashMap<>(texts);
            contactText.put(landing.targetLocale(), landed);
            Availability availability = current.availability();
            change = new AssetChange(
                    null,
                    null,
                    new Availability(
                            availability.state(),
                            contactText,
                            availability.contactEntryId(),
                            availability.expectedAt()));
        } else {
            Map<MetadataField, Map<String, LocalizedText>> metadata = new EnumMap<>(MetadataField.class);
            metadata.put(field.get(), Map.of(landing.targetLocale(), landed));
            change = new AssetChange(null, metadata, null);
        }
        Asset changed = current.apply(change, command);
        assets.update(
                current.version(),
                changed,
                List.of(changed.changed(
                        command, current, locales.supported().defaultLocale().tag())));
        return "landed";
    }

    private static Optional<MetadataField> metadataField(String wire) {
        for (MetadataField field : MetadataField.values()) {
            if (field.wire().equals(wire)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    private static String skip(Landing landing, String reason) {
        log.info(
                "translation of {} {} into {} not landed: {}",
                landing.assetId(),
                landing.field(),
                landing.targetLocale(),
                reason);
        return reason;
    }
}

package dev.hashi.content.translation;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import dev.hashi.content.common.Locales;
import dev.hashi.content.entry.Entries;
import dev.hashi.content.entry.Entry;
import dev.hashi.content.entry.EntryEditing;
import dev.hashi.content.entry.FieldValue;
import dev.hashi.content.entry.WorkflowState;
import dev.hashi.content.type.ContentType;
import dev.hashi.content.type.ContentTypes;
import dev.hashi.content.workflow.Publishing;
import dev.hashi.content.workflow.WorkflowAction;
import dev.hashi.identity.Identity;
import dev.hashi.identity.Role;
import dev.hashi.locale.LocaleException;
import dev.hashi.locale.Texts;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.error.InvalidTransitionException;
import dev.hashi.service.error.RuleViolationException;
import dev.hashi.service.error.VersionConflictException;

/**
 * Writes a translation into its target locale as a draft, with its unit and the source hash it was made from. A
 * translation of a source that changed since (its hash differs) is not landed: its unit is outdated already.
 * Landing the same translation again changes nothing.
 */
@Component
@EnableConfigurationProperties(LandingProperties.class)
class TranslationLanding {

    private static final Logger log = LoggerFactory.getLogger(TranslationLanding.class);
    private static final int CONFLICT_RETRIES = 5;

    private final Entries entries;
    private final EntryEditing editing;
    private final Publishing publishing;
    private final ContentTypes types;
    private final Locales locales;
    private final WorkflowState landedState;
    private final Clock clock;

    TranslationLanding(
            Entries entries,
            EntryEditing editing,
            Publishing publishing,
            ContentTypes types,
            Locales locales,
            LandingProperties settings,
            Clock clock) {
        this.entries = entries;
        this.editing = editing;
        this.publishing = publishing;
        this.types = types;
        this.locales = locales;
        this.landedState = WorkflowState.fromWire(settings.landedState())
                .filter(s -> s == WorkflowState.DRAFT || s == WorkflowState.IN_REVIEW)
                .orElseThrow(() -> new IllegalStateException(
                        "cms.content.translations.landed-state is draft or in_review, not " + settings.landedState()));
        this.clock = clock;
    }

    /** A translation to land. */
    public record Landing(
            String unitId,
            String entryId,
            String path,
            String sourceLocale,
            String targetLocale,
            String sourceHash,
            String text,
            String translator) {}

    /**
     * Lands a translation as its translator, continuing the trace of the event that brought it; a version conflict
     * (an editor saved meanwhile) is retried with the entry read again.
     *
     * @param traceId the trace id of the event, {@code null} when it had none
     * @return the outcome: {@code landed}, {@code unchanged} or why it was skipped
     */
    public String land(Landing landing, String traceId) {
        String author = landing.translator() != null
                        && Identity.SUBJECT.matcher(landing.translator()).matches()
                ? landing.translator()
                : "translation-service";
        Identity translator = new Identity(author, Set.of(Role.TRANSLATOR), Set.of());
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(landing, CommandContext.system(translator, traceId, clock.instant()));
            } catch (VersionConflictException conflict) {
                if (attempt == CONFLICT_RETRIES) {
                    throw conflict;
                }
            }
        }
    }

    private String attempt(Landing landing, CommandContext context) {
        Optional<Entry> found = entries.find(landing.entryId());
        if (found.isEmpty()) {
            return skip(landing, "entry-missing");
        }
        String target;
        try {
            target = locales.supported().require(landing.targetLocale()).tag();
        } catch (LocaleException e) {
            return skip(landing, "locale-unsupported");
        }
        Entry entry = found.get();
        Optional<FieldValue> source = entry.content().source(landing.path());
        if (source.isEmpty()
                || !source.get().locale().equals(landing.sourceLocale())
                || target.equals(source.get().locale())) {
            return skip(landing, "source-missing");
        }
        if (!Texts.sourceHash((String) source.get().value()).equals(landing.sourceHash())) {
            return skip(landing, "source-changed");
        }
        String text = Texts.nfc(landing.text());
        Optional<FieldValue> current = entry.content().value(landing.path(), target);
        if (current.isPresent()
                && current.get().value().equals(text)
                && landing.unitId().equals(current.get().origin().unitId())
                && landing.sourceHash().equals(current.get().origin().sourceHash())) {
            return "unchanged";
        }
        boolean nothingElsePending = entry.state(target) == WorkflowState.PUBLISHED;
        Entry after = editing.landTranslation(
                entry, landing.path(), target, text, landing.unitId(), landing.sourceHash(), context);
        if (nothingElsePending
                && ContentType.AUTO.equals(types.catalog().require(after.type()).publishPolicy(target))) {
            return autoPublish(after, target, landing, context);
        }
        if (landedState == WorkflowState.IN_REVIEW && after.state(target) == WorkflowState.DRAFT) {
            publishing.apply(after, target, WorkflowAction.SUBMIT, context);
        }
        return "landed";
    }

    /**
     * Publishes the locale a translation just landed in, under the {@code auto} policy. A locale that cannot be
     * published (a required value missing meanwhile) stays a draft and shows in the ready-to-publish list; a version
     * conflict (an editor saved in between) leaves it there too, since the retried landing finds its value landed.
     */
    private String autoPublish(Entry after, String target, Landing landing, CommandContext context) {
        try {
            publishing.apply(after, target, WorkflowAction.PUBLISH, context);
            return "landed-published";
        } catch (RuleViolationException | VersionConflictException | InvalidTransitionException e) {
            log.info(
                    "translation {} landed in {} {} but the locale was not published automatically: {}",
                    landing.unitId(),
                    landing.entryId(),
                    target,
                    e.getMessage());
            return "landed";
        }
    }

    private static String skip(Landing landing, String reason) {
        log.info(
                "translation {} for {} {} not landed: {}", landing.unitId(), landing.entryId(), landing.path(), reason);
        return reason;
    }
}

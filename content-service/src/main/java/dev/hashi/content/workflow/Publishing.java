package dev.hashi.content.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.hashi.content.common.Locales;
import dev.hashi.content.entry.Entries;
import dev.hashi.content.entry.Entry;
import dev.hashi.content.entry.EntryCommits;
import dev.hashi.content.entry.LocaleState;
import dev.hashi.content.entry.PublishedLocale;
import dev.hashi.content.entry.SlugRecord;
import dev.hashi.content.entry.Slugging;
import dev.hashi.content.entry.WorkflowState;
import dev.hashi.content.type.ContentType;
import dev.hashi.content.type.ContentTypes;
import dev.hashi.content.type.TypeCatalog;
import dev.hashi.events.EventPayload;
import dev.hashi.events.content.ContentEntryPublished;
import dev.hashi.events.content.ContentEntryUnpublished;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.error.FieldError;
import dev.hashi.service.error.RuleViolationException;
import dev.hashi.service.error.VersionConflictException;

/**
 * Workflow actions on one locale of an entry. Publishing checks the locale's required fields and references, then
 * stores the locale's own values (and those of fields that are not localized) as that locale's snapshot; other
 * locales are untouched. Delivery resolves fallbacks when it serves, so a locale published later, or again, reaches
 * the pages that fall back to it without publishing them again.
 */
@Component
public class Publishing {

    /** The resource named in {@code workflow.invalid-transition}. */
    static final String RESOURCE = "workflow";
    /** A locale cannot be published; the errors name each field and why. */
    static final String PUBLISH_INVALID = "publish.invalid";

    private final EntryCommits commits;
    private final ContentTypes types;
    private final PublishChecks checks;
    private final Slugging slugging;
    private final Locales locales;

    Publishing(EntryCommits commits, ContentTypes types, PublishChecks checks, Slugging slugging, Locales locales) {
        this.commits = commits;
        this.types = types;
        this.checks = checks;
        this.slugging = slugging;
        this.locales = locales;
    }

    /**
     * Applies {@code action} to {@code locale} (a canonical supported tag) of {@code before}, which must still be the
     * stored version, by {@code context}'s caller.
     *
     * @throws dev.hashi.service.error.InvalidTransitionException {@code workflow.invalid-transition} when the
     *     locale's state does not allow it
     * @throws RuleViolationException     {@code publish.invalid} listing every problem as a field error
     * @throws VersionConflictException   when the entry changed since {@code before}
     */
    public Entry apply(Entry before, String locale, WorkflowAction action, CommandContext context) {
        return apply(before, locale, action, null, context);
    }

    /**
     * Like {@link #apply(Entry, String, WorkflowAction, CommandContext)} for scheduled job {@code jobId}, which the
     * entry remembers in the same write (see {@link Entry#appliedBy}).
     */
    Entry apply(Entry before, String locale, WorkflowAction action, String jobId, CommandContext context) {
        WorkflowState state = before.state(locale);
        Map<String, LocaleState> workflow = new LinkedHashMap<>(before.workflow());
        Map<String, PublishedLocale> published = new LinkedHashMap<>(before.published());
        Slugging.SlugState slugs = new Slugging.SlugState(before.slugs(), before.slugHistory());
        EventPayload event = null;
        WorkflowState next;
        switch (action) {
            case SUBMIT -> {
                requireFrom(state, action, WorkflowState.DRAFT);
                next = WorkflowState.IN_REVIEW;
            }
            case PUBLISH, APPROVE -> {
                if (action == WorkflowAction.APPROVE) {
                    requireFrom(state, action, WorkflowState.IN_REVIEW);
                } else {
                    requireFrom(
                            state,
                            action,
                            WorkflowState.DRAFT,
                            WorkflowState.IN_REVIEW,
                            WorkflowState.PUBLISHED,
                            WorkflowState.ARCHIVED);
                }
                slugs = publish(before, locale, context, published);
                next = WorkflowState.PUBLISHED;
                event = new ContentEntryPublished(
                        before.id(),
                        before.type(),
                        locale,
                        before.version() + 1,
                        published.get(locale).slug());
            }
            case RETURN -> {
                requireFrom(state, action, WorkflowState.IN_REVIEW);
                next = WorkflowState.DRAFT;
            }
            case UNPUBLISH -> {
                if (!before.published().containsKey(locale)) {
                    throw invalid(state, action);
                }
                published.remove(locale);
                next = WorkflowState.DRAFT;
                event = new ContentEntryUnpublished(before.id(), before.type(), locale);
            }
            case ARCHIVE -> {
                requireFrom(state, action, WorkflowState.DRAFT, WorkflowState.IN_REVIEW, WorkflowState.PUBLISHED);
                if (published.remove(locale) != null) {
                    event = new ContentEntryUnpublished(before.id(), before.type(), locale);
                }
                next = WorkflowState.ARCHIVED;
            }
            default -> throw new IllegalStateException(action.name());
        }
        workflow.put(locale, new LocaleState(next, context.at(), context.actor()));
        return commits.commitWorkflow(
                before, action.wireName(), locale, workflow, published, slugs, event, jobId, context);
    }

    /**
     * Like {@link #apply} for a client's locale tag, after checking that {@code expectedVersion} is current.
     *
     * @throws dev.hashi.service.error.InvalidInputException naming {@code locale} when it is not supported
     */
    public Entry apply(
            Entry before, long expectedVersion, String locale, WorkflowAction action, CommandContext context) {
        String tag = locales.require("locale", locale);
        if (before.version() != expectedVersion) {
            throw new VersionConflictException(Entries.RESOURCE, before.id(), before.version());
        }
        return apply(before, tag, action, context);
    }

    private Slugging.SlugState publish(
            Entry before, String locale, CommandContext context, Map<String, PublishedLocale> published) {
        TypeCatalog catalog = types.catalog();
        ContentType type = catalog.require(before.type());
        PublishChecks.Outcome outcome = checks.check(before, catalog, type, locales.chain(locale));
        if (!outcome.problems().isEmpty()) {
            List<FieldError> errors = outcome.problems().stream()
                    .map(p -> new FieldError(p.path(), p.code(), p.message(), p.value()))
                    .toList();
            throw new RuleViolationException(
                            PUBLISH_INVALID,
                            "Locale " + locale + " cannot be published: " + errors.size() + " problem(s); see errors.",
                            errors)
                    .with("locale", locale);
        }
        Map<String, String> slugs = new LinkedHashMap<>(before.slugs());
        List<SlugRecord> history = new ArrayList<>(before.slugHistory());
        if (!slugs.containsKey(locale)) {
            String title = outcome.values().stream()
                    .filter(v -> v.path().equals(type.titleField()))
                    .map(v -> (String) v.value())
                    .findFirst()
                    .orElse(null);
            slugs.put(locale, slugging.generate(type, before.id(), locale, title, slugs));
        }
        PublishedLocale previous = before.published().get(locale);
        if (previous != null && !previous.slug().equals(slugs.get(locale))) {
            history.add(new SlugRecord(locale, previous.slug(), context.at()));
        }
        published.put(
                locale,
                new PublishedLocale(
                        before.version() + 1,
                        context.at(),
                        context.actor(),
                        slugs.get(locale),
                        before.content().lists(),
                        ownValues(outcome.values(), locale)));
        return new Slugging.SlugState(slugs, history);
    }

    /**
     * The values published for {@code locale}: those in the locale itself and those of fields that are not
     * localized. Fallbacks are resolved when delivery serves, along the locales published then.
     */
    private static List<PublishedLocale.Resolved> ownValues(List<PublishedLocale.Resolved> resolved, String locale) {
        return resolved.stream()
                .filter(v -> v.locale() == null || v.locale().equals(locale))
                .toList();
    }

    private static void requireFrom(WorkflowState state, WorkflowAction action, WorkflowState... allowed) {
        for (WorkflowState candidate : allowed) {
            if (candidate == state) {
                return;
            }
        }
        throw invalid(state, action);
    }

    private static WorkflowTransitionException invalid(WorkflowState state, WorkflowAction action) {
        return new WorkflowTransitionException(state, action);
    }
}

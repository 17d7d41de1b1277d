package dev.hashi.translation.glossary;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import dev.hashi.locale.Texts;
import dev.hashi.service.access.Access;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.error.NotFoundException;
import dev.hashi.service.error.VersionConflictException;
import dev.hashi.service.error.VersionRequiredException;
import dev.hashi.service.paging.Page;
import dev.hashi.service.paging.PageRequest;
import dev.hashi.translation.unit.Unit;

/**
 * The glossaries, managed by reviewers of their pair (and admins), read by all staff; the terms a unit's source
 * contains; and the glossary checks of a translation, which warn (or, with {@code enforce}, refuse).
 */
@Service
@EnableConfigurationProperties(GlossarySettings.class)
public class Terminology {

    private final Glossary glossary;
    private final GlossarySettings settings;

    Terminology(Glossary glossary, GlossarySettings settings) {
        this.glossary = glossary;
        this.settings = settings;
    }

    /** What a term changes to: everything but the pair. */
    public record TermInput(String term, String translation, String note, List<String> forbidden) {}

    /**
     * A glossary finding on a translation.
     *
     * @param code {@code glossary.missing-term} or {@code glossary.forbidden-variant}
     */
    public record Warning(String code, String message, String term, String expected) {}

    /** Whether glossary findings refuse a submission instead of warning. */
    public boolean enforced() {
        return settings.enforce();
    }

    public GlossaryTerm create(CommandContext context, String source, String target, TermInput input) {
        Access.requireReviewerFor(context.caller(), source, target);
        GlossaryTerm term = new GlossaryTerm(
                "g-" + UUID.randomUUID(),
                source,
                target,
                Texts.nfc(input.term()),
                Texts.nfc(input.translation()),
                input.note(),
                input.forbidden(),
                context.actor(),
                context.at(),
                1);
        glossary.insert(term);
        return term;
    }

    public GlossaryTerm term(CommandContext context, String id) {
        Access.requireStaff(context.caller());
        return glossary.find(id).orElseThrow(() -> new NotFoundException(Glossary.RESOURCE, id));
    }

    /** Changes a term at the version named in {@code If-Match} (required). */
    public GlossaryTerm update(CommandContext context, String id, TermInput input) {
        GlossaryTerm current = managed(context, id);
        GlossaryTerm next = new GlossaryTerm(
                id,
                current.sourceLocale(),
                current.targetLocale(),
                Texts.nfc(input.term()),
                Texts.nfc(input.translation()),
                input.note(),
                input.forbidden(),
                context.actor(),
                context.at(),
                current.version() + 1);
        if (!glossary.tryUpdate(next, current.version())) {
            throw conflict(id);
        }
        return next;
    }

    /** Removes a term at the version named in {@code If-Match} (required). */
    public void delete(CommandContext context, String id) {
        GlossaryTerm current = managed(context, id);
        if (!glossary.delete(id, current.version())) {
            throw conflict(id);
        }
    }

    public Page<GlossaryTerm> page(CommandContext context, String source, String target, PageRequest page) {
        Access.requireStaff(context.caller());
        return glossary.page(source, target, page);
    }

    /** The pair's terms that the unit's source contains, in term order. */
    public List<GlossaryTerm> found(Unit unit) {
        return TermMatcher.found(
                glossary.all(unit.source().locale(), unit.targetLocale()),
                unit.source().text());
    }

    /** The glossary findings on {@code translation} of {@code unit}'s source. */
    public List<Warning> check(Unit unit, String translation) {
        List<Warning> warnings = new ArrayList<>();
        for (GlossaryTerm term : found(unit)) {
            if (!TermMatcher.contains(translation, term.translation())) {
                warnings.add(new Warning(
                        "glossary.missing-term",
                        "The source has \"" + term.term() + "\"; the glossary translates it \"" + term.translation()
                                + "\".",
                        term.term(),
                        term.translation()));
            }
            for (String variant : term.forbidden()) {
                if (TermMatcher.contains(translation, variant)) {
                    warnings.add(new Warning(
                            "glossary.forbidden-variant",
                            "\"" + variant + "\" is not used for \"" + term.term() + "\"; use \"" + term.translation()
                                    + "\".",
                            term.term(),
                            term.translation()));
                }
            }
        }
        return warnings;
    }

    private GlossaryTerm managed(CommandContext context, String id) {
        GlossaryTerm current = glossary.find(id).orElseThrow(() -> new NotFoundException(Glossary.RESOURCE, id));
        Access.requireReviewerFor(context.caller(), current.sourceLocale(), current.targetLocale());
        if (context.expectedVersion() == null) {
            throw new VersionRequiredException(Glossary.RESOURCE);
        }
        if (context.expectedVersion() != current.version()) {
            throw new VersionConflictException(Glossary.RESOURCE, id, current.version());
        }
        return current;
    }

    private VersionConflictException conflict(String id) {
        return new VersionConflictException(
                Glossary.RESOURCE,
                id,
                glossary.find(id).map(GlossaryTerm::version).orElse(0L));
    }
}

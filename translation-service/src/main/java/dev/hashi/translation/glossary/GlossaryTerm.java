package dev.hashi.translation.glossary;

import java.time.Instant;
import java.util.List;

import dev.hashi.locale.Texts;

/**
 * A glossary term of one locale pair: the source {@code term}, its approved {@code translation}, a {@code note} and
 * {@code forbidden} variants that must not be used for it.
 *
 * @param version 1 when created, incremented by every change; the term's {@code ETag}
 */
public record GlossaryTerm(
        String id,
        String sourceLocale,
        String targetLocale,
        String term,
        String translation,
        String note,
        List<String> forbidden,
        String updatedBy,
        Instant updatedAt,
        long version) {

    public GlossaryTerm {
        forbidden = forbidden == null ? List.of() : List.copyOf(forbidden);
    }

    /** The term folded for matching (NFKC, case folded): a pair holds each folded term once. */
    public String key() {
        return Texts.searchFold(term);
    }
}

package dev.hashi.content.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Snippets of matched values with Lucene's unified highlighter: the best passage of about {@value #LENGTH}
 * characters, the matched ranges as offsets (overlapping CJK bigrams merged into one range).
 */
final class Snippets {

    static final int LENGTH = 160;

    /** A snippet before escaping. */
    record Snippet(String text, List<SearchHit.Mark> marks) {

        String html() {
            StringBuilder html = new StringBuilder();
            int at = 0;
            for (SearchHit.Mark mark : marks) {
                html.append(escape(text.substring(at, mark.start())))
                        .append("<mark>")
                        .append(escape(text.substring(mark.start(), mark.end())))
                        .append("</mark>");
                at = mark.end();
            }
            return html.append(escape(text.substring(at))).toString();
        }

        /** Escapes the five characters HTML gives meaning to, in text and in attribute values alike. */
        private static String escape(String text) {
            StringBuilder out = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '"' -> out.append("&quot;");
                    case '\'' -> out.append("&#39;");
                    default -> out.append(c);
                }
            }
            return out.toString();
        }
    }

    private final UnifiedHighlighter highlighter;

    Snippets(SearchAnalyzer analyzer) {
        this.highlighter = UnifiedHighlighter.builderWithoutSearcher(analyzer)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), LENGTH, 0.5f))
                .withFormatter(new Formatter())
                .build();
    }

    /** The snippet of {@code value} for {@code query} (a query on {@code field}). */
    Snippet of(String field, Query query, String value) {
        try {
            Object formatted = highlighter.highlightWithoutSearcher(field, query, value, 1);
            if (formatted instanceof Snippet snippet) {
                return snippet;
            }
            String head = value.length() > LENGTH ? value.substring(0, LENGTH) : value;
            return new Snippet(head, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Formatter extends PassageFormatter {

        @Override
        public Object format(Passage[] passages, String content) {
            if (passages.length == 0) {
                return null;
            }
            Passage passage = passages[0];
            int start = passage.getStartOffset();
            String text = content.substring(start, passage.getEndOffset());
            List<SearchHit.Mark> marks = new ArrayList<>();
            for (int i = 0; i < passage.getNumMatches(); i++) {
                int from = passage.getMatchStarts()[i] - start;
                int to = passage.getMatchEnds()[i] - start;
                SearchHit.Mark last = marks.isEmpty() ? null : marks.get(marks.size() - 1);
                if (last != null && from <= last.end()) {
                    marks.set(marks.size() - 1, new SearchHit.Mark(last.start(), Math.max(last.end(), to)));
                } else {
                    marks.add(new SearchHit.Mark(from, to));
                }
            }
            String trimmed = text.stripTrailing();
            return new Snippet(trimmed, marks);
        }
    }
}

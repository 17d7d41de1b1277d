package dev.hashi.translation.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.ibm.icu.text.MessagePattern;

import dev.hashi.locale.LocaleTag;
import dev.hashi.locale.Plurals;

/**
 * What must survive translation: ICU MessageFormat arguments ({@code {count}}), Markdown link targets and HTML
 * tags of the source; and plural arguments must offer every category the target locale needs.
 */
final class SubmitChecks {

    /** One failed check: a stable code and what is wrong. */
    record Failure(String code, String detail) {}

    private static final Pattern WORD_BOUNDARY = Pattern.compile("\\b");

    private SubmitChecks() {}

    static List<Failure> check(String source, String target, LocaleTag targetLocale) {
        List<Failure> failures = new ArrayList<>();
        Optional<Message> sourceMessage = Message.parse(source);
        if (sourceMessage.isPresent()) {
            Optional<Message> targetMessage = Message.parse(target);
            if (targetMessage.isEmpty()) {
                failures.add(new Failure("check.message-syntax", "The translation is not a valid ICU message."));
            } else {
                compareArguments(sourceMessage.get(), targetMessage.get(), targetLocale, failures);
            }
        }
        List<String> sourceLinks = links(source);
        List<String> targetLinks = links(target);
        if (!sorted(sourceLinks).equals(sorted(targetLinks))) {
            failures.add(new Failure(
                    "check.links",
                    "Markdown links differ: source has " + sourceLinks + ", translation has " + targetLinks + "."));
        }
        List<String> sourceTags = tags(source);
        List<String> targetTags = tags(target);
        if (!sorted(sourceTags).equals(sorted(targetTags))) {
            failures.add(new Failure(
                    "check.markup",
                    "HTML tags differ: source has " + sourceTags + ", translation has " + targetTags + "."));
        }
        return failures;
    }

    private static void compareArguments(
            Message source, Message target, LocaleTag targetLocale, List<Failure> failures) {
        Set<String> missing = new TreeSet<>(source.arguments());
        missing.removeAll(target.arguments());
        if (!missing.isEmpty()) {
            failures.add(new Failure("check.placeholders", "Placeholders missing in the translation: " + missing));
        }
        Set<String> unknown = new TreeSet<>(target.arguments());
        unknown.removeAll(source.arguments());
        if (!unknown.isEmpty()) {
            failures.add(new Failure("check.placeholders", "Placeholders not in the source: " + unknown));
        }
        List<String> required = Plurals.requiredCategories(targetLocale);
        target.plurals().forEach((argument, categories) -> {
            Set<String> lacking = new LinkedHashSet<>(required);
            lacking.removeAll(categories);
            if (!lacking.isEmpty()) {
                failures.add(new Failure(
                        "check.plural-categories",
                        "Plural argument {" + argument + "} lacks " + lacking + " required in " + targetLocale.tag()
                                + "."));
            }
        });
    }

    /**
     * The targets of Markdown links {@code [label](target "title")}, as the pattern
     * {@code \[[^\]]*\]\(\s*([^)\s]+)[^)]*\)} finds them, in one pass: every {@code [} before the same {@code ]}
     * has the same continuation, so a failed attempt skips past that {@code ]}.
     */
    static List<String> links(String text) {
        List<String> found = new ArrayList<>();
        int n = text.length();
        int i = text.indexOf('[');
        while (i >= 0) {
            int close = text.indexOf(']', i + 1);
            if (close < 0) {
                break;
            }
            int next = close + 1;
            if (next < n && text.charAt(next) == '(') {
                int end = text.indexOf(')', next + 1);
                if (end < 0) {
                    break;
                }
                int from = next + 1;
                while (from < end && isSpace(text.charAt(from))) {
                    from++;
                }
                if (from < end) {
                    int to = from;
                    while (to < end && !isSpace(text.charAt(to))) {
                        to++;
                    }
                    found.add(text.substring(from, to));
                    next = end + 1;
                }
            }
            i = text.indexOf('[', next);
        }
        return found;
    }

    /**
     * The HTML tags, as the pattern {@code <(/?)([A-Za-z][A-Za-z0-9-]*)\b[^<>]*?(/?)>} finds them (lower-cased
     * name, closing and self-closing slashes kept), in one pass: whether a tag closes depends only on the next
     * {@code >} coming before the next {@code <}.
     */
    static List<String> tags(String text) {
        List<String> found = new ArrayList<>();
        int n = text.length();
        int i = text.indexOf('<');
        while (i >= 0) {
            int p = i + 1;
            String slash = "";
            if (p < n && text.charAt(p) == '/') {
                slash = "/";
                p++;
            }
            if (p < n && isAsciiLetter(text.charAt(p))) {
                int nameEnd = p + 1;
                while (nameEnd < n && isNameChar(text.charAt(nameEnd))) {
                    nameEnd++;
                }
                int close = nameEnd;
                while (close < n && text.charAt(close) != '<' && text.charAt(close) != '>') {
                    close++;
                }
                if (close < n && text.charAt(close) == '>') {
                    int e = nameEnd;
                    while (e > p + 1 && !boundary(text, e)) {
                        e--;
                    }
                    if (boundary(text, e)) {
                        String selfClosing = close > e && text.charAt(close - 1) == '/' ? "/" : "";
                        found.add("<" + slash + text.substring(p, e).toLowerCase(java.util.Locale.ROOT) + selfClosing
                                + ">");
                        i = text.indexOf('<', close + 1);
                        continue;
                    }
                }
            }
            i = text.indexOf('<', i + 1);
        }
        return found;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isNameChar(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-';
    }

    /** A word boundary at {@code at}, as {@code \b} of {@link Pattern} sees it. */
    private static boolean boundary(String text, int at) {
        return WORD_BOUNDARY
                .matcher(text)
                .region(at, at)
                .useTransparentBounds(true)
                .lookingAt();
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }

    /** The arguments of an ICU message and the plural categories each plural argument offers. */
    record Message(Set<String> arguments, Map<String, Set<String>> plurals) {

        /** The message, or empty when the text is not ICU MessageFormat or has no arguments. */
        static Optional<Message> parse(String text) {
            if (text.indexOf('{') < 0) {
                return Optional.empty();
            }
            MessagePattern pattern;
            try {
                pattern = new MessagePattern(text);
            } catch (IllegalArgumentException | IndexOutOfBoundsException notAMessage) {
                return Optional.empty();
            }
            Set<String> arguments = new TreeSet<>();
            Map<String, Set<String>> plurals = new HashMap<>();
            for (int i = 0; i < pattern.countParts(); i++) {
                MessagePattern.Part part = pattern.getPart(i);
                if (part.getType() == MessagePattern.Part.Type.ARG_NAME
                        || part.getType() == MessagePattern.Part.Type.ARG_NUMBER) {
                    arguments.add(pattern.getSubstring(part));
                }
                if (part.getType() == MessagePattern.Part.Type.ARG_START
                        && part.getArgType() == MessagePattern.ArgType.PLURAL) {
                    String name = pattern.getSubstring(pattern.getPart(i + 1));
                    plurals.computeIfAbsent(name, key -> new TreeSet<>()).addAll(selectors(pattern, i));
                }
            }
            return arguments.isEmpty() ? Optional.empty() : Optional.of(new Message(arguments, plurals));
        }

        private static Set<String> selectors(MessagePattern pattern, int start) {
            Set<String> selectors = new TreeSet<>();
            int limit = pattern.getLimitPartIndex(start);
            for (int j = start + 1; j < limit; j++) {
                MessagePattern.Part part = pattern.getPart(j);
                if (part.getType() == MessagePattern.Part.Type.ARG_SELECTOR) {
                    String selector = pattern.getSubstring(part);
                    if (!selector.startsWith("=")) {
                        selectors.add(selector);
                    }
                } else if (part.getType() == MessagePattern.Part.Type.MSG_START) {
                    j = pattern.getLimitPartIndex(j);
                }
            }
            return selectors;
        }
    }
}

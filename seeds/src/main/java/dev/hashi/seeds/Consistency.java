package dev.hashi.seeds;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.hashi.seeds.SeedSet.Finding;
import dev.hashi.seeds.SeedSet.SeedFile;

import tools.jackson.databind.JsonNode;

/**
 * The consistency check of a seed set's texts. It never changes the data: the source's typos are kept as written
 * and listed here, each with its file and line, so a reviewer sees them. It checks every English value against the
 * set's reviewed word list ({@code vocabulary.txt}, suggesting the nearest listed word), and every value for a
 * missing space after a full stop, unbalanced brackets and stray spaces. Reviewer members ({@code source},
 * {@code notes}) are not checked.
 */
final class Consistency {

    private static final Pattern WORD = Pattern.compile("\\p{IsLatin}+");
    private static final Pattern MISSING_SPACE = Pattern.compile("\\p{IsLatin}[.!?;]\\p{Lu}\\p{Ll}");
    private static final Set<String> REVIEWER_MEMBERS = Set.of("key", "source", "notes");
    private static final String[][] BRACKETS = {{"(", ")"}, {"[", "]"}, {"「", "」"}, {"（", "）"}};

    private Consistency() {}

    /** The findings of the set, in file order. */
    static List<Finding> check(SeedSet set, SeedSet.Source source) {
        Set<String> vocabulary = vocabulary(source);
        List<Finding> findings = new ArrayList<>();
        for (SeedFile file : set.files()) {
            Set<Finding> ofFile = new LinkedHashSet<>();
            walk(SeedSet.YAML.readTree(file.text()), null, (locale, text) -> {
                if ("en".equals(locale)) {
                    Matcher words = WORD.matcher(text);
                    while (words.find()) {
                        String word = words.group();
                        if (!vocabulary.contains(word.toLowerCase(Locale.ROOT))) {
                            String nearest = nearest(word.toLowerCase(Locale.ROOT), vocabulary);
                            report(
                                    ofFile,
                                    file,
                                    word,
                                    "unknown word '" + word + "'"
                                            + (nearest == null ? "" : " (did you mean '" + nearest + "'?)"));
                        }
                    }
                }
                Matcher space = MISSING_SPACE.matcher(text);
                while (space.find()) {
                    String at = space.group();
                    report(ofFile, file, at, "no space after the full stop in '" + context(text, space.start()) + "'");
                }
                for (String[] pair : BRACKETS) {
                    if (count(text, pair[0]) != count(text, pair[1])) {
                        report(
                                ofFile,
                                file,
                                text.substring(0, Math.min(20, text.length())),
                                "unbalanced " + pair[0] + pair[1] + " in '" + context(text, 0) + "'");
                    }
                }
                if (text.contains("  ") || !text.equals(text.strip())) {
                    report(ofFile, file, text.strip(), "stray spaces in '" + context(text, 0) + "'");
                }
            });
            ofFile.stream().sorted(Comparator.comparingInt(Finding::line)).forEach(findings::add);
        }
        return findings;
    }

    private interface TextVisitor {
        void visit(String locale, String text);
    }

    /** Visits every localized value: an object member named by a supported locale holding a string. */
    private static void walk(JsonNode node, String member, TextVisitor visitor) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> child : node.properties()) {
                if (REVIEWER_MEMBERS.contains(child.getKey())) {
                    continue;
                }
                if (SeedSet.LOCALES.contains(child.getKey()) && child.getValue().isString()) {
                    visitor.visit(child.getKey(), child.getValue().asString());
                } else {
                    walk(child.getValue(), child.getKey(), visitor);
                }
            }
        } else if (node.isArray()) {
            node.forEach(item -> walk(item, member, visitor));
        }
    }

    /** One finding per line of the file on which {@code needle} occurs (folded text spans lines). */
    private static void report(Set<Finding> findings, SeedFile file, String needle, String message) {
        String[] lines = file.text().split("\n", -1);
        boolean found = false;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle) && !lines[i].stripLeading().startsWith("source:")) {
                findings.add(new Finding(file.path(), i + 1, message));
                found = true;
            }
        }
        if (!found) {
            findings.add(new Finding(file.path(), 0, message));
        }
    }

    private static String context(String text, int at) {
        int from = Math.max(0, at - 20);
        int to = Math.min(text.length(), at + 25);
        return (from > 0 ? "…" : "") + text.substring(from, to) + (to < text.length() ? "…" : "");
    }

    private static int count(String text, String bracket) {
        int n = 0;
        for (int i = text.indexOf(bracket); i >= 0; i = text.indexOf(bracket, i + 1)) {
            n++;
        }
        return n;
    }

    private static Set<String> vocabulary(SeedSet.Source source) {
        Set<String> words = new TreeSet<>();
        String text;
        try {
            text = source.read("vocabulary.txt");
        } catch (UncheckedIOException e) {
            return words;
        }
        for (String line : text.split("\n")) {
            String word = line.strip();
            if (!word.isEmpty() && !word.startsWith("#")) {
                words.add(word.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    /** The listed word closest to {@code word} (at most two edits, a swap of neighbours counting one), or null. */
    static String nearest(String word, Set<String> vocabulary) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : vocabulary) {
            int distance = distance(word, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Optimal string alignment distance. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

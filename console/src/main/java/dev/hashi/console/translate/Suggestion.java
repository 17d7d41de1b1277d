package dev.hashi.console.translate;

/** A translation-memory match for a unit's source. */
record Suggestion(String sourceText, String targetText, int score, boolean exact) {}

package dev.hashi.console.translate;

/** A question, answer or note on a unit. */
record Comment(String kind, String text, String createdBy, String createdAt, String state) {}

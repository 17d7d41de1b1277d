/** Entries: per-locale values with their origin, slugs, saving with revisions and optimistic concurrency. */
package dev.hashi.content.entry;

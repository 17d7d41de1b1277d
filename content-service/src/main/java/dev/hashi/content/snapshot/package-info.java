/** A paged snapshot of every entry's localized values, for consumers rebuilding their state from scratch. */
package dev.hashi.content.snapshot;

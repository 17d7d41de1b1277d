/** Revision history of entries: list, diff two revisions per field and locale, restore one as a new revision. */
package dev.hashi.content.revision;

/**
 * The delivery change feed: published, unpublished and deleted entries read from the content topic by offsets,
 * resumable by an opaque cursor, for static-site builders and mirrors.
 */
package dev.hashi.content.changes;

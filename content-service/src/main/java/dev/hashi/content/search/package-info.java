/**
 * Delivery lists and full-text search: an in-memory Lucene index of published content per replica, built from
 * MongoDB at start and kept current from the content events.
 */
package dev.hashi.content.search;

/** The read API for sites and apps: published content by slug in the negotiated locale, with visible fallbacks. */
package dev.hashi.content.delivery;

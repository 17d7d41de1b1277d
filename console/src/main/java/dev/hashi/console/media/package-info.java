/**
 * The editors' Attachments screens: media assets with their titles, availability and variants per locale, a new asset,
 * and uploads that stream from the browser through the console to the gateway with a progress bar.
 */
package dev.hashi.console.media;

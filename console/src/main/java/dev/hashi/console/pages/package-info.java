/**
 * The editors' Pages screens: pages by type with a badge per locale, the side-by-side page editor (one locale saved at
 * a time, conflicts shown as fields), workflow and schedules per locale, preview as delivery shows it, history with
 * diffs and restore. Everything through {@link dev.hashi.console.gateway.GatewayApi}.
 */
package dev.hashi.console.pages;

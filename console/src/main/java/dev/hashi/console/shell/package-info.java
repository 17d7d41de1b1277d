/**
 * What every screen shares: the layout's model (user, navigation, UI language), the start page, the language switch,
 * and problems from the gateway rendered as messages rather than error pages.
 */
package dev.hashi.console.shell;

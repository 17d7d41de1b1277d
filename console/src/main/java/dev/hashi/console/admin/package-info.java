/** The admins' screens: API tokens (create with the secret shown once, list, revoke), content types and locales. */
package dev.hashi.console.admin;

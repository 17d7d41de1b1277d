/** Client-supplied locale tags turned into field errors, for every service. */
package dev.hashi.service.locale;

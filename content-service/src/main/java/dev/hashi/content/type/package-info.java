/** Content types: the fields an entry of a kind has, their kinds, localization and validation. */
package dev.hashi.content.type;

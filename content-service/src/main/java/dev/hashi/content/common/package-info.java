/** What every content feature shares: locale configuration, version tags, document mapping and the API description. */
package dev.hashi.content.common;

/** What every content feature shares: locale configuration, caller checks, versions and document mapping. */
package dev.hashi.content.common;

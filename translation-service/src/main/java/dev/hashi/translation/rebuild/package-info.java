/** Rebuilding all units from content alone: by replaying the content topic or from content's snapshot. */
package dev.hashi.translation.rebuild;

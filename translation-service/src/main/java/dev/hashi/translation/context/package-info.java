/** What a translator sees around a unit: field labels, neighbouring values, titles, limits and the draft's preview. */
package dev.hashi.translation.context;

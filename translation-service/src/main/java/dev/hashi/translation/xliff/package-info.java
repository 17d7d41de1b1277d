/** XLIFF 2.0 exchange with CAT tools: export of queue selections, validated import of translated files. */
package dev.hashi.translation.xliff;

/** The content service. */
package dev.hashi.content;

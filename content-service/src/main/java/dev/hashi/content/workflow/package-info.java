/** Per-locale workflow: review, publishing with checks, unpublishing, archiving, and scheduled actions. */
package dev.hashi.content.workflow;

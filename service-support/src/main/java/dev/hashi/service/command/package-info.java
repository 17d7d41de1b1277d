/** The explicit context (caller, trace, time) every domain command receives. */
package dev.hashi.service.command;

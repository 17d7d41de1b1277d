/**
 * The dev stack's one JVM: every service as an isolated application context in one process ({@link
 * dev.hashi.devhost.ServicesHost}). Production runs one service per JVM.
 */
package dev.hashi.devhost;

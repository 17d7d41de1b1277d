/** Test helpers shared by every module's tests: HTTP as a signed caller, Kafka probes, architecture rules. */
package dev.hashi.testsupport;

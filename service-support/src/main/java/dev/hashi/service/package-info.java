/** Plumbing shared by the domain services (no domain logic): defaults, MongoDB, Kafka, HTTP. */
package dev.hashi.service;

/** Submitting translations with their checks, and reviewing them. */
package dev.hashi.translation.review;

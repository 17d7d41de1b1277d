/** Validation of request parameters shared by the features. */
package dev.hashi.translation.web;

/** Conversations on a unit: questions, answers and notes by translators, reviewers and editors. */
package dev.hashi.translation.comment;

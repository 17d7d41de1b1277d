/**
 * The translators' and reviewers' screens: the queue per locale pair ({@code /translations}), the unit screen with
 * source, context, translation-memory suggestions, comments and the editor, the reviewers' queue
 * ({@code /translations/review}) and the editors' ready-to-publish list ({@code /translations/ready}).
 */
package dev.hashi.console.translate;

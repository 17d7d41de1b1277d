/** Small helpers the Translations, Attachments and Admin screens share: checked path values and JSON reading. */
package dev.hashi.console.support;

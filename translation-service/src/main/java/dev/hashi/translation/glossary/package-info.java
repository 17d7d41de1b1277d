/** Terminology: a glossary per locale pair, its terms found in sources, and the warnings they give on submit. */
package dev.hashi.translation.glossary;

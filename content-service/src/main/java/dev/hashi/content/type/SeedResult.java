package dev.hashi.content.type;

import java.util.List;

/** What installing the seed did: the keys of its types, in installation order. */
record SeedResult(List<String> types) {}

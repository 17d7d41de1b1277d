package dev.hashi.translation.xliff;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * XLIFF exchange limits under {@code cms.translation.xliff}.
 *
 * @param maxUnits      most units in one export or import (default 5000)
 * @param maxBytes      largest import file (default 5MB; the service's body limit {@code cms.http.max-body-size}
 *                      must be at least this)
 * @param maxTextLength longest text of one unit, in characters (default 100000)
 * @param maxDepth      deepest element nesting accepted in an import (default 32)
 */
@ConfigurationProperties("cms.translation.xliff")
public record XliffSettings(
        @DefaultValue("5000") int maxUnits,
        @DefaultValue("5MB") DataSize maxBytes,
        @DefaultValue("100000") int maxTextLength,
        @DefaultValue("32") int maxDepth) {}

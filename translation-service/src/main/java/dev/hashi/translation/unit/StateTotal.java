package dev.hashi.translation.unit;

/**
 * How many live units of one locale pair are in one state, and the sum of their source sizes.
 *
 * @param sizeUnit {@code words} or {@code characters}, the unit of the source locale
 */
public record StateTotal(
        String sourceLocale, String targetLocale, UnitState state, String sizeUnit, long units, long size) {}

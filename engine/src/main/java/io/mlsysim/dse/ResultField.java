package io.mlsysim.dse;

/**
 * A result column: snake_case name with the unit as suffix where it helps ({@code step_time_s}),
 * the SI value, and its unit symbol for column metadata ("" for plain numbers).
 */
public record ResultField(String name, String unit, String description) implements java.io.Serializable {}

package io.mlsysim.core;

import java.util.Locale;

/**
 * The one reading of a yes/no value, wherever a person writes one: {@code --set} on the command
 * line, a plan, a study spec, an MCP call. true/false, yes/no and 1/0 (any case) all mean the
 * same thing, so a flag written one way in a study also works on the command line.
 */
public final class FlagSpelling {
  /** How the accepted spellings are listed in error messages. */
  public static final String ACCEPTED = "true/false, yes/no or 1/0";

  private FlagSpelling() {}

  /** The flag {@code raw} spells, or null when it spells none (the caller names the field in its error). */
  public static Boolean parse(Object raw) {
    if (raw instanceof Boolean b) {
      return b;
    }
    if (raw instanceof Number n) {
      double d = n.doubleValue();
      return d == 1 ? Boolean.TRUE : d == 0 ? Boolean.FALSE : null;
    }
    if (raw instanceof CharSequence s) {
      return switch (s.toString().trim().toLowerCase(Locale.ROOT)) {
        case "true", "yes", "1" -> Boolean.TRUE;
        case "false", "no", "0" -> Boolean.FALSE;
        default -> null;
      };
    }
    return null;
  }
}

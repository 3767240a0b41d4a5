package io.mlsysim.spark.sql;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.AnalysisException;

/**
 * Spark's own one-line message for a mistake in a query — a parse error, an unknown column, a
 * division by zero at run time — so a SQL door can answer it as bad input instead of a stack
 * trace. Spark marks its errors with a condition and an SQL state; internal errors (state class
 * XX) are defects and are left alone.
 */
public final class SqlErrors {
  private SqlErrors() {}

  /** The first line of Spark's message when {@code t} (or a cause) is the user's mistake, else empty. */
  public static Optional<String> userMessage(Throwable t) {
    Set<Throwable> seen = new HashSet<>();
    for (Throwable x = t; x != null && seen.add(x); x = x.getCause()) {
      if (x instanceof SparkThrowable s && s.getCondition() != null && !s.isInternalError()
          && !"XX".equals(prefix(s.getSqlState()))) {
        String m = x instanceof AnalysisException a ? a.getSimpleMessage() : x.getMessage();
        return Optional.of(firstLine(m));
      }
    }
    return Optional.empty();
  }

  private static String prefix(String state) {
    return state == null || state.length() < 2 ? null : state.substring(0, 2);
  }

  private static String firstLine(String m) {
    if (m == null) {
      return "";
    }
    String line = m.strip().lines().findFirst().orElse("").strip();
    return line;
  }
}

package io.mlsysim.dse;

import java.io.Serializable;
import java.util.Collection;
import io.mlsysim.units.QuantityKind;
import java.util.Locale;

/**
 * The small expression language of conditions and constraints, parsed once into slot-based
 * predicates that evaluate on primitives:
 *
 * <pre>
 *   predicate := sum op sum | name        (a bare name is true when non-zero, e.g. feasible)
 *   op        := &lt;= | &lt; | &gt;= | &gt; | == | != | divides
 *   sum       := product (('+' | '-') product)*
 *   product   := atom (('*' | '/') atom)*
 *   atom      := number [unit] | name | '(' sum ')'
 * </pre>
 *
 * A number may carry a unit ({@code duration_s <= 60 days}, {@code ttft_s <= 500 ms},
 * {@code tco_usd <= 2.5e6 USD}); it is converted once, at parse time, to the canonical SI unit
 * that result columns hold. Kinds are followed through the expression, so comparing or adding
 * two different kinds ({@code tco_usd <= 3 kg}: money against mass) is refused at parse time;
 * a number without a unit fits any kind, and a product of two quantities is not checked.
 *
 * Names are decision variables, attributes of the chosen zoo entries ({@code layers},
 * {@code gpus_per_node}) and, in constraints, result fields ({@code memory_utilization}).
 */
public final class Expr {
  private Expr() {}

  /** A value read from a candidate or its results. */
  @FunctionalInterface
  public interface Operand extends Serializable {
    double get(Candidate c, double[] results);
  }

  /** A parsed condition or constraint. */
  @FunctionalInterface
  public interface Predicate extends Serializable {
    boolean test(Candidate c, double[] results);
  }

  /** Resolves names to operands. */
  public interface Scope {
    /** The operand for {@code name}, or null when the name is unknown here. */
    Operand resolve(String name);

    /** Every name this scope knows, for suggestions. */
    Collection<String> names();

    /**
     * The physical kind of {@code name}'s values when it has one (a result column in seconds is
     * a time), or null when the name is a plain number or its unit is not known here.
     */
    default QuantityKind kindOf(String name) {
      return null;
    }
  }

  /** An operand with the kind of its values, null when unknown (a plain number fits any kind). */
  private record Term(Operand op, QuantityKind kind) {}

  /** A parsed predicate with its source text. */
  public record Parsed(String text, Predicate predicate) implements Serializable {}

  /**
   * Parses {@code text}.
   *
   * @param where prefix for error messages, e.g. "study.yaml:12: constraints[1]"
   */
  public static Parsed parse(String where, String text, Scope scope) {
    Parser p = new Parser(where, text, scope);
    Predicate pred = p.predicate();
    p.skipSpace();
    if (p.pos < text.length()) {
      throw p.error("unexpected '" + text.substring(p.pos) + "'");
    }
    return new Parsed(text, pred);
  }

  private static final class Parser {
    final String where;
    final String s;
    final Scope scope;
    int pos;

    Parser(String where, String s, Scope scope) {
      this.where = where;
      this.s = s;
      this.scope = scope;
    }

    StudySpecException error(String what) {
      return new StudySpecException(where + ": '" + s + "': " + what
          + "; write e.g. 'tp <= gpus_per_node', 'pp divides layers' or 'memory_utilization <= 0.9'");
    }

    void skipSpace() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    Predicate predicate() {
      int start = pos;
      Term leftTerm = sum();
      Operand left = leftTerm.op();
      skipSpace();
      String op = operator();
      if (op == null) {
        skipSpace();
        if (pos < s.length()) {
          throw error("expected a comparison (<=, <, >=, >, ==, !=, divides) after '"
              + s.substring(start, pos).trim() + "'");
        }
        return (c, r) -> left.get(c, r) != 0;
      }
      int rightStart = pos;
      Term rightTerm = sum();
      if (!op.equals("divides")) {
        sameKind(leftTerm.kind(), rightTerm.kind(), "compares", s.substring(rightStart, pos).trim());
      }
      Operand right = rightTerm.op();
      return switch (op) {
        case "<=" -> (c, r) -> left.get(c, r) <= right.get(c, r);
        case "<" -> (c, r) -> left.get(c, r) < right.get(c, r);
        case ">=" -> (c, r) -> left.get(c, r) >= right.get(c, r);
        case ">" -> (c, r) -> left.get(c, r) > right.get(c, r);
        case "==" -> (c, r) -> left.get(c, r) == right.get(c, r);
        case "!=" -> (c, r) -> left.get(c, r) != right.get(c, r);
        default -> (c, r) -> {
          double a = left.get(c, r);
          double b = right.get(c, r);
          return a != 0 && b % a == 0;
        };
      };
    }

    /** Refuses comparing or adding two known, different kinds; says which and how to write the right side. */
    void sameKind(QuantityKind a, QuantityKind b, String verb, String right) {
      if (a != null && b != null && a != b) {
        throw new StudySpecException(where + ": '" + s + "': " + verb + " " + a.label() + " (" + a.canonicalSymbol()
            + ") " + (verb.equals("compares") ? "with" : "and") + " " + b.label() + " (" + b.canonicalSymbol() + "); write '" + right + "' as "
            + (a == QuantityKind.DIMENSIONLESS ? "a plain number" : a.label() + ", e.g. " + a.example()));
      }
    }

    String operator() {
      for (String op : new String[] {"<=", ">=", "==", "!=", "<", ">"}) {
        if (s.startsWith(op, pos)) {
          pos += op.length();
          return op;
        }
      }
      if (s.startsWith("divides", pos)) {
        pos += "divides".length();
        return "divides";
      }
      if (s.startsWith("=", pos)) {
        throw error("'=' is not a comparison; use '=='");
      }
      return null;
    }

    /** An optional unit after a number: converted to its kind's canonical SI unit. */
    Term withUnit(double number) {
      int save = pos;
      skipSpace();
      int start = pos;
      while (pos < s.length() && !Character.isWhitespace(s.charAt(pos)) && "()+-*<>=!".indexOf(s.charAt(pos)) < 0) {
        pos++;
      }
      String unit = s.substring(start, pos);
      if (unit.isEmpty() || unit.equals("divides") || !Character.isLetter(unit.charAt(0)) && unit.charAt(0) != '%'
          && unit.charAt(0) != 'µ') {
        pos = save;
        return new Term((c, r) -> number, null);
      }
      javax.measure.Unit<?> u;
      try {
        u = io.mlsysim.units.Quantities.parseUnit(where, s, unit);
      } catch (RuntimeException e) {
        throw error("'" + unit + "' after " + number + " is not a unit (" + e.getMessage() + ")");
      }
      for (io.mlsysim.units.QuantityKind k : io.mlsysim.units.QuantityKind.values()) {
        if (k.accepts(u)) {
          double v = io.mlsysim.units.Quantities.toCanonical(number, u, k);
          return new Term((c, r) -> v, k);
        }
      }
      throw error("'" + unit + "' is not a unit the engine knows");
    }

    Term sum() {
      Term acc = product();
      while (true) {
        skipSpace();
        if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
          char op = s.charAt(pos++);
          Operand l = acc.op();
          int rightStart = pos;
          Term rt = product();
          Operand r = rt.op();
          sameKind(acc.kind(), rt.kind(), op == '+' ? "adds" : "subtracts", s.substring(rightStart, pos).trim());
          QuantityKind k = acc.kind() != null ? acc.kind() : rt.kind();
          acc = new Term(op == '+' ? (c, x) -> l.get(c, x) + r.get(c, x) : (c, x) -> l.get(c, x) - r.get(c, x), k);
        } else {
          return acc;
        }
      }
    }

    Term product() {
      Term acc = atom();
      while (true) {
        skipSpace();
        if (pos < s.length() && (s.charAt(pos) == '*' || s.charAt(pos) == '/')) {
          char op = s.charAt(pos++);
          Operand l = acc.op();
          Term rt = atom();
          Operand r = rt.op();
          acc = new Term(op == '*' ? (c, x) -> l.get(c, x) * r.get(c, x) : (c, x) -> l.get(c, x) / r.get(c, x),
              op == '*' ? times(acc.kind(), rt.kind()) : over(acc.kind(), rt.kind()));
        } else {
          return acc;
        }
      }
    }

    /** A plain or dimensionless factor keeps the other's kind; two quantities make one not followed here. */
    static QuantityKind times(QuantityKind a, QuantityKind b) {
      if (a == null || a == QuantityKind.DIMENSIONLESS && b != null) {
        return b;
      }
      return b == null || b == QuantityKind.DIMENSIONLESS ? a : null;
    }

    static QuantityKind over(QuantityKind a, QuantityKind b) {
      if (b == null || b == QuantityKind.DIMENSIONLESS) {
        return a;
      }
      return a == b ? QuantityKind.DIMENSIONLESS : null;
    }

    Term atom() {
      skipSpace();
      if (pos >= s.length()) {
        throw error("the expression ends too early");
      }
      char ch = s.charAt(pos);
      if (ch == '(') {
        pos++;
        Term inner = sum();
        skipSpace();
        if (pos >= s.length() || s.charAt(pos) != ')') {
          throw error("missing ')'");
        }
        pos++;
        return inner;
      }
      if (Character.isDigit(ch) || ch == '.') {
        int start = pos;
        while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.'
            || s.charAt(pos) == 'e' || s.charAt(pos) == 'E'
            || ((s.charAt(pos) == '-' || s.charAt(pos) == '+') && pos > start
                && (s.charAt(pos - 1) == 'e' || s.charAt(pos - 1) == 'E')))) {
          pos++;
        }
        double parsed;
        try {
          parsed = Double.parseDouble(s.substring(start, pos));
        } catch (NumberFormatException e) {
          throw error("'" + s.substring(start, pos) + "' is not a number");
        }
        return withUnit(parsed);
      }
      if (Character.isLetter(ch) || ch == '_') {
        int start = pos;
        while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_'
            || s.charAt(pos) == '.')) {
          pos++;
        }
        String name = s.substring(start, pos);
        if (name.equals("divides")) {
          throw error("'divides' needs a left operand");
        }
        Operand o = scope.resolve(name.toLowerCase(Locale.ROOT));
        if (o == null) {
          var sugg = io.mlsysim.text.NameMatcher.suggest(name, scope.names());
          throw new StudySpecException(where + ": '" + s + "': unknown name '" + name + "'"
              + (sugg.isEmpty() ? "" : "; did you mean " + sugg.get(0) + "?")
              + " (known here: " + String.join(", ", new java.util.TreeSet<>(scope.names())) + ")");
        }
        return new Term(o, scope.kindOf(name.toLowerCase(Locale.ROOT)));
      }
      throw error("unexpected '" + ch + "'");
    }
  }
}

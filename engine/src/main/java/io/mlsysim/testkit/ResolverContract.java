package io.mlsysim.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mlsysim.core.Inputs;
import io.mlsysim.core.MapInputs;
import io.mlsysim.core.OptimizerResult;
import io.mlsysim.core.Port;
import io.mlsysim.core.Resolver;
import io.mlsysim.core.Result;
import io.mlsysim.core.ResultView;
import io.mlsysim.core.Schema;
import io.mlsysim.core.Tier;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One-call contract check for resolver authors (JUnit 5):
 *
 * <pre>{@code ResolverContract.check(new MyModel(), Map.of("hardware", "H100", "batch", 32));}</pre>
 *
 * <p>It asserts that the declared ports are readable from the sample, that the result writes
 * every produced port and nothing else, that every field of a record result is a declared port
 * (so it has a unit or an explicit unitless shape), that two evaluations are bit-identical, and
 * that a missing or out-of-range input is refused with an IllegalArgumentException naming the
 * port.
 */
public final class ResolverContract {
  private ResolverContract() {}

  private static final Set<String> OPTIMIZER_FIELDS = Set.of("objective_value", "best_config", "total_searched");

  /** Runs every check; returns the result view of the sample evaluation for further asserts. */
  public static ResultView check(Resolver<?> resolver, Map<String, ?> sample) {
    Schema schema = resolver.schema();
    assertNotNull(schema, "schema() returned null");
    String who = schema.name();
    checkSampleCoversRequiredPorts(schema, sample);

    Result first = resolver.evaluate(readAll(resolver, sample));
    assertNotNull(first, who + ".evaluate returned null");
    ResultView view = ResultView.of(schema, first);
    assertTrue(view.undeclaredWrites().isEmpty(), () -> who + " writes ports its schema does not "
        + "produce: " + view.undeclaredWrites() + "; add them to produces(...)");
    for (Port<?> p : schema.produces()) {
      assertTrue(view.fields().stream().anyMatch(f -> f.name().equals(p.name())),
          () -> who + " declares it produces '" + p.name() + "' but its result's export() does not write it");
    }
    checkRecordFields(who, first, view);
    if (schema.tier() == Tier.OPTIMIZER) {
      assertTrue(first instanceof OptimizerResult, () -> who + " is an optimizer, so its result "
          + "must implement OptimizerResult");
      OptimizerResult o = (OptimizerResult) first;
      assertTrue(o.totalSearched() > 0, () -> who + ": total_searched must count the candidates considered");
      assertFalse(o.bestConfig().isEmpty(), () -> who + ": best_config must name the winning configuration");
    }
    for (ResultView.Field f : view.fields()) {
      if (f.shape() == Port.Shape.QUANTITY) {
        assertNotNull(f.kind(), () -> who + ": quantity field '" + f.name() + "' has no kind");
      }
    }

    Result second = resolver.evaluate(MapInputs.of(resolver, sample));
    assertBitIdentical(who, view, ResultView.of(schema, second));
    checkRefusesMissingInputs(resolver, sample);
    checkRefusesOutOfRange(resolver, sample);
    return view;
  }

  /**
   * Asserts that evaluating {@code resolver} on {@code badInput} throws an
   * IllegalArgumentException whose message contains every {@code expected} fragment.
   */
  public static IllegalArgumentException assertRejects(Resolver<?> resolver, Map<String, ?> badInput,
      String... expected) {
    IllegalArgumentException error = null;
    try {
      resolver.evaluate(MapInputs.of(resolver, badInput));
    } catch (IllegalArgumentException e) {
      error = e;
    } catch (RuntimeException e) {
      fail(resolver.name() + " threw " + e.getClass().getSimpleName() + " for bad input " + badInput
          + "; refuse bad input with an IllegalArgumentException that names the port", e);
    }
    if (error == null) {
      fail(resolver.name() + " accepted bad input " + badInput);
    }
    for (String fragment : expected) {
      String msg = String.valueOf(error.getMessage());
      assertTrue(msg.contains(fragment), () -> resolver.name() + "'s error \"" + msg
          + "\" should mention \"" + fragment + "\"");
    }
    return error;
  }

  private static void checkSampleCoversRequiredPorts(Schema schema, Map<String, ?> sample) {
    for (Port<?> p : schema.requires()) {
      if (!p.hasDefault() && !sample.containsKey(p.name())) {
        fail("the sample for " + schema.name() + " lacks required input '" + p.name() + "' ("
            + p.typeLabel() + ")");
      }
    }
  }

  /** Reads every declared port once, so a port the runtime cannot serve fails here. */
  @SuppressWarnings("unchecked")
  private static Inputs readAll(Resolver<?> resolver, Map<String, ?> sample) {
    MapInputs in = MapInputs.of(resolver, sample);
    for (Port<?> p : resolver.schema().requires()) {
      switch (p.shape()) {
        case QUANTITY -> in.getDouble((Port<Double>) p);
        case INTEGER -> in.getInt((Port<Integer>) p);
        case FLAG -> in.getFlag((Port<Boolean>) p);
        default -> assertNotNull(in.get(p), "input " + p.name());
      }
    }
    return in;
  }

  /** A record result must not carry a field that has no port (and hence no unit). */
  private static void checkRecordFields(String who, Result result, ResultView view) {
    Class<?> type = result.getClass();
    if (!type.isRecord()) {
      return;
    }
    Set<String> declared = new HashSet<>(OPTIMIZER_FIELDS);
    for (ResultView.Field f : view.fields()) {
      declared.add(f.name());
    }
    for (RecordComponent c : type.getRecordComponents()) {
      String snake = snake(c.getName());
      assertTrue(declared.contains(snake), () -> who + "'s result field '" + c.getName()
          + "' is not exported as a port (expected a produced port named '" + snake
          + "'), so it has no declared unit");
    }
  }

  static String snake(String camel) {
    StringBuilder s = new StringBuilder();
    for (char ch : camel.toCharArray()) {
      if (Character.isUpperCase(ch)) {
        s.append('_').append(Character.toLowerCase(ch));
      } else {
        s.append(ch);
      }
    }
    return s.toString();
  }

  private static void assertBitIdentical(String who, ResultView a, ResultView b) {
    assertEquals(a.fields().size(), b.fields().size(), who + " gave different fields on a second run");
    for (int i = 0; i < a.fields().size(); i++) {
      ResultView.Field x = a.fields().get(i);
      ResultView.Field y = b.fields().get(i);
      assertEquals(x.name(), y.name(), who + " gave fields in a different order on a second run");
      if (Double.doubleToRawLongBits(x.number()) != Double.doubleToRawLongBits(y.number())
          || !Objects.equals(x.value(), y.value())) {
        fail(who + " is not deterministic: field '" + x.name() + "' was " + x.formatted() + " then "
            + y.formatted() + " for the same inputs");
      }
    }
  }

  private static void checkRefusesMissingInputs(Resolver<?> resolver, Map<String, ?> sample) {
    for (Port<?> p : resolver.schema().requires()) {
      if (p.hasDefault()) {
        continue;
      }
      Map<String, Object> without = new HashMap<>(sample);
      without.remove(p.name());
      assertRejects(resolver, without, p.name());
    }
  }

  private static void checkRefusesOutOfRange(Resolver<?> resolver, Map<String, ?> sample) {
    for (Port<?> p : resolver.schema().requires()) {
      if (p.shape() != Port.Shape.QUANTITY && p.shape() != Port.Shape.INTEGER) {
        continue;
      }
      Map<String, Object> bad = new HashMap<>(sample);
      bad.put(p.name(), p.shape() == Port.Shape.QUANTITY ? (Object) (-1.0) : (Object) (-1));
      if (p.bound() != Port.Bound.ANY) {
        assertRejects(resolver, bad, p.name());
        continue;
      }
      // An unbounded port may accept negatives; if the resolver refuses one, it must say which.
      try {
        resolver.evaluate(MapInputs.of(resolver, bad));
      } catch (IllegalArgumentException e) {
        assertTrue(String.valueOf(e.getMessage()).contains(p.name()), () -> resolver.name()
            + " refused a negative '" + p.name() + "' with \"" + e.getMessage()
            + "\", which does not name the port; or declare the port .nonNegative()");
      } catch (RuntimeException e) {
        fail(resolver.name() + " threw " + e + " for a negative '" + p.name()
            + "'; refuse it with an IllegalArgumentException naming the port", e);
      }
    }
  }
}

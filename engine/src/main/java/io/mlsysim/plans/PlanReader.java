package io.mlsysim.plans;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.mlsysim.calibration.Calibration;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.Precision;
import io.mlsysim.infrastructure.GridProfile;
import io.mlsysim.systems.Fleet;
import io.mlsysim.units.Quantities;
import io.mlsysim.units.QuantityKind;
import io.mlsysim.workloads.Workload;
import io.mlsysim.yaml.StrictYaml;
import io.mlsysim.zoo.Registry;
import io.mlsysim.zoo.UnknownEntryException;
import io.mlsysim.zoo.Zoo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and validates a plan file. Every problem is refused before anything is evaluated, with
 * the file, the line, the field and the fix in one line.
 */
public final class PlanReader {
  /** The plan format this engine reads. */
  public static final int VERSION = 1;

  private PlanReader() {}

  public static Plan read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new PlanException(file + ": no such plan file");
    } catch (IOException e) {
      throw new PlanException(file + ": cannot read (" + e.getMessage() + ")");
    }
    return parse(file.toString(), text);
  }

  public static Plan parse(String origin, String text) {
    PlanSpec s;
    JsonNode tree;
    try {
      tree = StrictYaml.mapper().readTree(text);
      if (tree == null || !tree.isObject()) {
        throw new PlanException(origin + ": a plan is a mapping with version, name, workload and hardware or fleet");
      }
      s = StrictYaml.mapper().readValue(text, PlanSpec.class); // from the text, so errors carry lines
    } catch (JsonProcessingException e) {
      throw new PlanException(StrictYaml.message(origin, e));
    }
    Lines lines = new Lines(text);
    Check c = new Check(origin, lines);
    c.require(s.version != null, "version", "version is required; write 'version: " + VERSION + "'");
    c.require(s.version == null || s.version == VERSION, "version",
        "version " + s.version + " is not supported; this engine reads version " + VERSION);
    c.require(s.name != null && !s.name.isBlank(), "name", "name is required (a short label for reports)");
    Workload workload = c.resolve(Zoo.current().workloads(), "workload", s.workload);
    c.require((s.hardware == null) != (s.fleet == null), s.hardware == null ? "fleet" : "hardware",
        "give exactly one of 'hardware' (one device) and 'fleet' (a cluster)");
    HardwareNode hardware = s.hardware == null ? null : c.resolve(Zoo.current().hardware(), "hardware", s.hardware);
    Fleet fleet = s.fleet == null ? null : c.resolve(Zoo.current().fleets(), "fleet", s.fleet);
    if (fleet != null) {
      hardware = fleet.accelerator();
    }
    PlanSpec.Ops o = s.ops == null ? new PlanSpec.Ops() : s.ops;
    int batch = c.positive("ops.batch", o.batch, Calibration.DEFAULT_BATCH);
    Precision precision = Precision.FP16;
    if (o.precision != null) {
      try {
        precision = Precision.parse(o.precision);
      } catch (IllegalArgumentException e) {
        throw c.error("precision", "ops." + e.getMessage());
      }
    }
    c.require(fleet == null || o.efficiency == null, "efficiency", "ops.efficiency applies to a single device;"
        + " on a fleet each rank's GEMM efficiency follows from its matrix sizes (docs/fleet-models.md), remove it");
    double efficiency = o.efficiency == null ? Calibration.DEFAULT_EFFICIENCY : o.efficiency;
    c.require(efficiency > 0 && efficiency <= 1, "efficiency",
        "ops.efficiency " + efficiency + " is outside (0, 1]; it is the achieved fraction of peak, e.g. 0.5");
    int seqLen = c.positive("ops.seq_len", o.seqLen, Calibration.DEFAULT_SEQ_LEN);
    double duration = Double.NaN;
    if (o.duration != null) {
      try {
        duration = Quantities.parse("ops.duration", o.duration.text(), QuantityKind.TIME);
      } catch (IllegalArgumentException e) {
        throw new PlanException(origin + ":" + o.duration.line() + ": " + e.getMessage());
      }
      c.require(duration > 0, "duration", "ops.duration must be positive, e.g. \"30 days\"");
    }
    GridProfile grid = o.region == null ? null : c.resolve(Zoo.current().grids(), "region", o.region);
    int tp = c.positive("ops.tp", o.tp, 1);
    int pp = c.positive("ops.pp", o.pp, 1);
    int micro = c.positive("ops.microbatch_size", o.microbatchSize, 1);
    if (fleet != null) {
      int n = fleet.totalAccelerators();
      c.require(n % (tp * pp) == 0, "tp", "ops.tp × ops.pp = " + tp + " × " + pp + " = " + tp * pp
          + " does not divide the " + n + " accelerators of " + fleet.name() + "; choose degrees whose product divides " + n);
    } else {
      c.require(tp == 1 && pp == 1, "tp", "ops.tp and ops.pp need a fleet; a single device has no parallelism");
    }
    List<PlanAssertion> asserts = new ArrayList<>();
    List<PlanSpec.Assertion> given = s.constraints == null || s.constraints.asserts == null ? List.of() : s.constraints.asserts;
    int i = 0;
    for (PlanSpec.Assertion a : given) {
      int line = lines.nthLine("metric", i++);
      if (a == null || a.metric == null || a.metric.isBlank()) {
        throw new PlanException(origin + ":" + line + ": constraints.assert[" + (i - 1) + "]: metric is required");
      }
      if (a.min == null && a.max == null) {
        throw new PlanException(origin + ":" + line + ": constraints.assert[" + (i - 1) + "] on '" + a.metric
            + "' has neither min nor max; give at least one bound");
      }
      if (a.min != null && a.max != null && a.min > a.max) {
        throw new PlanException(origin + ":" + line + ": constraints.assert[" + (i - 1) + "] on '" + a.metric
            + "': min " + a.min + " is above max " + a.max);
      }
      asserts.add(new PlanAssertion(a.metric, a.min == null ? Double.NaN : a.min, a.max == null ? Double.NaN : a.max, line));
    }
    return new Plan(origin, s.name, s.description == null ? "" : s.description, workload, hardware,
        fleet, batch, precision, efficiency, seqLen, duration, grid, tp, pp, micro, List.copyOf(asserts));
  }

  /** Finds the line of a field in the raw text, so semantic errors can point at it too. */
  private static final class Lines {
    private final String[] lines;

    Lines(String text) {
      this.lines = text.split("\n", -1);
    }

    int of(String field) {
      return nthLine(field, 0);
    }

    int nthLine(String field, int n) {
      int seen = 0;
      java.util.regex.Pattern p = java.util.regex.Pattern.compile("(^|[\\s{,-])" + java.util.regex.Pattern.quote(field) + "\\s*:");
      for (int i = 0; i < lines.length; i++) {
        if (p.matcher(lines[i]).find() && seen++ == n) {
          return i + 1;
        }
      }
      return 0;
    }
  }

  /** Raises PlanExceptions that point at a field's line. */
  private record Check(String origin, Lines lines) {
    void require(boolean ok, String field, String message) {
      if (!ok) {
        throw error(field, message);
      }
    }

    PlanException error(String field, String message) {
      int line = lines.of(field);
      return new PlanException(origin + (line > 0 ? ":" + line : "") + ": " + message);
    }

    int positive(String field, Integer value, int fallback) {
      if (value == null) {
        return fallback;
      }
      String key = field.substring(field.lastIndexOf('.') + 1);
      require(value > 0, key, field + " must be a positive whole number, got " + value);
      return value;
    }

    <T> T resolve(Registry<T> registry, String field, String name) {
      require(name != null && !name.isBlank(), field, field + " is required");
      try {
        return registry.get(name);
      } catch (UnknownEntryException e) {
        throw error(field, field + ": " + e.getMessage());
      }
    }
  }
}

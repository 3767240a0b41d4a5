package io.mlsysim.spark;

import io.mlsysim.dse.ParetoLayers;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.apache.spark.util.AccumulatorV2;

/**
 * What each slice of a study's evaluation saw, gathered while its rows stream into the results
 * table: its rows per status and the first {@link Frontier#LAYERS} non-dominated layers of its ok
 * rows. The driver then has the run's counts and, merging the slices' layers, its frontier,
 * without reading the results back (on a small study that read-back, a Delta snapshot and two
 * Spark jobs, took longer than the evaluation). Spark applies a result task's accumulator update
 * once per partition, so a retried task counts once; should a slice be missing or doubled anyway,
 * {@link #complete} says so and the runner reads the table instead.
 */
final class SliceSummaries extends AccumulatorV2<SliceSummaries.Summary, List<SliceSummaries.Summary>> {
  private static final long serialVersionUID = 1L;
  /** The statuses, in the order of {@link Summary#counts}. */
  static final List<String> STATUSES = List.of("ok", "infeasible", "constraint_violated", "error");

  /** One slice: its id, its rows per status, and its local layers (rows in Spark's internal form). */
  record Summary(long slice, long[] counts, List<InternalRow> layers) implements Serializable {}

  /** Which columns the executors read: the status and the objectives, with their directions. */
  record Spec(int status, int[] objectives, DataType[] types, boolean[] maximize) implements Serializable {
    static Spec of(StructType schema, List<String> objectives, boolean[] maximize) {
      int[] slots = new int[objectives.size()];
      DataType[] types = new DataType[slots.length];
      for (int i = 0; i < slots.length; i++) {
        slots[i] = schema.fieldIndex(objectives.get(i));
        types[i] = schema.fields()[slots[i]].dataType();
      }
      return new Spec(schema.fieldIndex("status"), slots, types, maximize.clone());
    }
  }

  private final List<Summary> summaries = new ArrayList<>();

  @Override
  public boolean isZero() {
    return summaries.isEmpty();
  }

  @Override
  public SliceSummaries copy() {
    SliceSummaries c = new SliceSummaries();
    c.summaries.addAll(summaries);
    return c;
  }

  @Override
  public void reset() {
    summaries.clear();
  }

  @Override
  public void add(Summary s) {
    summaries.add(s);
  }

  @Override
  public void merge(AccumulatorV2<Summary, List<Summary>> other) {
    summaries.addAll(other.value());
  }

  @Override
  public List<Summary> value() {
    return summaries;
  }

  /** True when there is exactly one summary for each of the slices 0 … slices-1. */
  boolean complete(int slices) {
    boolean[] seen = new boolean[slices];
    for (Summary s : summaries) {
      if (s.slice() < 0 || s.slice() >= slices || seen[(int) s.slice()]) {
        return false;
      }
      seen[(int) s.slice()] = true;
    }
    return summaries.size() == slices;
  }

  /** Rows per status over all slices, in {@link #STATUSES} order. */
  long[] counts() {
    long[] c = new long[STATUSES.size()];
    for (Summary s : summaries) {
      for (int i = 0; i < c.length; i++) {
        c[i] += s.counts()[i];
      }
    }
    return c;
  }

  /** Every slice's layers as rows of {@code schema}. */
  List<Row> layers(StructType schema) {
    List<Row> out = new ArrayList<>();
    for (Summary s : summaries) {
      for (InternalRow r : s.layers()) {
        out.add(external(r, schema));
      }
    }
    return out;
  }

  /** Passes a slice's rows through, summarising them; the summary is added when the slice ends. */
  Iterator<InternalRow> watch(long slice, Spec spec, int layers, Iterator<InternalRow> rows) {
    return new Iterator<>() {
      private final long[] counts = new long[STATUSES.size()];
      private final ParetoLayers<InternalRow> local = new ParetoLayers<>(layers);
      private boolean done;

      @Override
      public boolean hasNext() {
        boolean more = rows.hasNext();
        if (!more && !done) {
          done = true;
          List<InternalRow> kept = new ArrayList<>();
          for (int i = 0; i < layers; i++) {
            kept.addAll(local.payloads(i));
          }
          add(new Summary(slice, counts, kept));
        }
        return more;
      }

      @Override
      public InternalRow next() {
        InternalRow r = rows.next();
        int status = statusIndex(r.getUTF8String(spec.status()));
        counts[status]++;
        if (status == 0) {
          double[] p = point(r, spec);
          if (p != null) {
            local.add(p, r); // the evaluation makes a new row per candidate, so keeping it is safe
          }
        }
        return r;
      }
    };
  }

  private static final UTF8String[] STATUS_UTF8 = STATUSES.stream()
      .map(UTF8String::fromString).toArray(UTF8String[]::new);

  /** The status's place in {@link #STATUSES}, compared as bytes: no string per candidate. */
  private static int statusIndex(UTF8String s) {
    for (int i = 0; i < STATUS_UTF8.length; i++) {
      if (STATUS_UTF8[i].equals(s)) {
        return i;
      }
    }
    throw new IllegalStateException("unknown status " + s);
  }

  /** The row's objectives, each turned so that less is better; null when one is missing. */
  private static double[] point(InternalRow r, Spec spec) {
    double[] p = new double[spec.objectives().length];
    for (int i = 0; i < p.length; i++) {
      int slot = spec.objectives()[i];
      if (r.isNullAt(slot)) {
        return null;
      }
      DataType t = spec.types()[i];
      double v = t instanceof LongType ? r.getLong(slot) : t instanceof IntegerType ? r.getInt(slot)
          : t instanceof BooleanType ? (r.getBoolean(slot) ? 1 : 0) : r.getDouble(slot);
      if (Double.isNaN(v)) {
        return null;
      }
      p[i] = spec.maximize()[i] ? -v : v;
    }
    return p;
  }

  /** A row in Spark's internal form as an external {@link Row} of the study's column types. */
  private static Row external(InternalRow r, StructType schema) {
    Object[] v = new Object[schema.size()];
    for (int i = 0; i < v.length; i++) {
      DataType t = schema.fields()[i].dataType();
      v[i] = r.isNullAt(i) ? null : t instanceof StringType ? r.getUTF8String(i).toString()
          : t instanceof LongType ? (Object) r.getLong(i) : t instanceof IntegerType ? (Object) r.getInt(i)
          : t instanceof BooleanType ? (Object) r.getBoolean(i) : t instanceof DoubleType ? (Object) r.getDouble(i)
          : r.get(i, t);
    }
    return RowFactory.create(v);
  }
}

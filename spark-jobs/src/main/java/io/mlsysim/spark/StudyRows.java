package io.mlsysim.spark;

import io.mlsysim.dse.Candidate;
import io.mlsysim.dse.CandidateIds;
import io.mlsysim.dse.Dimension;
import io.mlsysim.dse.Evaluation;
import io.mlsysim.dse.ResultField;
import io.mlsysim.dse.StudyPlan;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The row layout of the {@code results} table and the executor-side loop that fills it: one
 * row per admitted candidate with its id, every decision variable, every result (SI, the unit
 * in the column's metadata), feasibility, status, reason and generation.
 */
public final class StudyRows implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Column metadata key holding the unit symbol. */
  public static final String UNIT = "unit";
  /** How a decision variable's column comment starts: readers find a run's decision columns by it. */
  static final String DECISION_COMMENT = "decision variable";

  private StudyRows() {}

  /** The schema of the results table for a plan (without the study/run_id partition columns). */
  public static StructType schema(StudyPlan plan) {
    List<StructField> f = new ArrayList<>();
    f.add(DataTypes.createStructField("candidate_id", DataTypes.LongType, false,
        meta("", "stable 64-bit hash of the canonical decision values")));
    for (Dimension d : plan.space().dimensions()) {
      DataType t = d.isCategorical() ? DataTypes.StringType
          : d.kind() == io.mlsysim.dse.InputKind.INTEGER ? DataTypes.LongType : DataTypes.DoubleType;
      f.add(DataTypes.createStructField(d.name(), t, false, meta("", DECISION_COMMENT + " (" + d.kind().id() + ")")));
    }
    for (ResultField r : plan.results()) {
      DataType t = switch (r.type()) {
        case FLAG -> DataTypes.BooleanType;
        case INTEGER -> DataTypes.LongType;
        case REAL -> DataTypes.DoubleType;
      };
      f.add(DataTypes.createStructField(r.name(), t, true, meta(r.unit(), r.description())));
    }
    f.add(DataTypes.createStructField("feasible", DataTypes.BooleanType, false, meta("", "the configuration can run")));
    f.add(DataTypes.createStructField("status", DataTypes.StringType, false,
        meta("", "ok | infeasible | constraint_violated | error")));
    f.add(DataTypes.createStructField("reason", DataTypes.StringType, true, meta("", "why it is not ok")));
    f.add(DataTypes.createStructField("generation", DataTypes.IntegerType, false,
        meta("", "evolutionary generation, 0 for index strategies")));
    return DataTypes.createStructType(f);
  }

  /** True for the column of a decision variable (every input of the study, fixed ones too). */
  static boolean isDecision(StructField f) {
    return f.metadata().contains("comment") && f.metadata().getString("comment").startsWith(DECISION_COMMENT);
  }

  private static Metadata meta(String unit, String description) {
    return new MetadataBuilder().putString(UNIT, unit).putString("comment", description).build();
  }

  /**
   * Rows for candidates [from, to) of the plan's strategy, evaluated (or placeholders when
   * {@code evaluate} is false), in Spark's internal form: no encoder runs per row, and
   * categorical values are UTF-8 strings made once per value, not per row.
   */
  public static Iterator<InternalRow> rows(StudyPlan plan, long from, long to, int generation, boolean evaluate) {
    return new RowIterator(plan, from, to, generation, evaluate);
  }

  /** Lazily produces rows; conditions drop candidates that are not part of the study. */
  static final class RowIterator implements Iterator<InternalRow> {
    private final StudyPlan plan;
    private final long to;
    private final int generation;
    private final boolean evaluate;
    private final Candidate c;
    private final Evaluation e;
    private final Dimension[] dims;
    private final boolean[] integer;
    private final ResultField.Type[] resultTypes;
    private final Object[][] labels;
    private final int width;
    private long next;
    private InternalRow pending;

    RowIterator(StudyPlan plan, long from, long to, int generation, boolean evaluate) {
      this.plan = plan;
      this.to = to;
      this.generation = generation;
      this.evaluate = evaluate;
      this.next = from;
      this.c = plan.space().newCandidate();
      this.e = new Evaluation(plan.results().size());
      this.dims = plan.space().dimensions().toArray(new Dimension[0]);
      this.integer = new boolean[dims.length];
      this.labels = new Object[dims.length][];
      for (int d = 0; d < dims.length; d++) {
        integer[d] = dims[d].kind() == io.mlsysim.dse.InputKind.INTEGER;
        if (dims[d].isCategorical()) {
          String[] l = dims[d].labels();
          labels[d] = new Object[l.length];
          for (int k = 0; k < l.length; k++) {
            labels[d][k] = UTF8String.fromString(l[k]);
          }
        }
      }
      this.width = 1 + dims.length + plan.results().size() + 4;
      this.resultTypes = plan.results().stream().map(ResultField::type).toArray(ResultField.Type[]::new);
    }

    @Override
    public boolean hasNext() {
      while (pending == null && next < to) {
        plan.strategy().fill(next++, c);
        if (!evaluate) {
          pending = placeholder();
        } else if (plan.admits(c)) {
          plan.evaluate(c, e);
          pending = row();
        }
      }
      return pending != null;
    }

    @Override
    public InternalRow next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      InternalRow r = pending;
      pending = null;
      return r;
    }

    private static final UTF8String[] STATUS = {UTF8String.fromString("ok"), UTF8String.fromString("infeasible"),
        UTF8String.fromString("constraint_violated"), UTF8String.fromString("error")};

    private InternalRow row() {
      Object[] v = new Object[width];
      int i = decisions(v);
      for (int k = 0; k < e.values.length; k++) {
        v[i++] = cell(e.values[k], resultTypes[k]);
      }
      v[i++] = e.feasible;
      v[i++] = STATUS[e.status.ordinal()];
      v[i++] = e.reason == null ? null : UTF8String.fromString(e.reason);
      v[i] = generation;
      return new GenericInternalRow(v);
    }

    /** Same shape and similar values without evaluating: the benchmark's raw-write baseline. */
    private InternalRow placeholder() {
      Object[] v = new Object[width];
      int i = decisions(v);
      double base = c.index;
      for (int k = 0; k < e.values.length; k++) {
        v[i++] = cell(base * (k + 1) * 1.000001, resultTypes[k]);
      }
      v[i++] = Boolean.TRUE;
      v[i++] = STATUS[0];
      v[i++] = null;
      v[i] = generation;
      return new GenericInternalRow(v);
    }

    /**
     * A result as its column stores it: NaN (not computed) is null; a flag is true unless 0; a
     * count is exact, since its port holds an int.
     */
    private static Object cell(double x, ResultField.Type type) {
      if (Double.isNaN(x)) {
        return null;
      }
      return switch (type) {
        case FLAG -> x != 0;
        case INTEGER -> (long) x;
        case REAL -> x;
      };
    }

    private int decisions(Object[] v) {
      v[0] = CandidateIds.of(plan.space(), c);
      int i = 1;
      for (int d = 0; d < dims.length; d++) {
        if (labels[d] != null) {
          v[i++] = labels[d][c.ordinal[d]];
        } else if (integer[d]) {
          v[i++] = (long) c.value[d];
        } else {
          v[i++] = c.value[d];
        }
      }
      return i;
    }
  }
}

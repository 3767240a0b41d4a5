package io.mlsysim.spark;

import io.mlsysim.dse.Pareto;
import io.mlsysim.dse.ParetoLayers;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The Pareto frontier of a study as a distributed skyline: every partition keeps the first
 * {@code layers} non-dominated layers of its own rows ({@link ParetoLayers}), the driver merges
 * those small local layers and ranks them. A point of global rank r has local rank ≤ r in its
 * partition, so the merge sees every point of rank ≤ layers and ranks it exactly.
 */
public final class Frontier {
  /** Non-dominated layers kept: rank 1 is the frontier, ranks 2 and 3 the next fronts. */
  public static final int LAYERS = 3;

  private Frontier() {}

  /**
   * The frontier rows of {@code results}: status ok, no missing objective, rank ≤ layers, with
   * a {@code rank} column appended.
   */
  public static Dataset<Row> compute(SparkSession spark, Dataset<Row> results, List<String> objectives,
      boolean[] maximize, int layers) {
    Dataset<Row> ok = results.filter(functions.col("status").equalTo("ok"));
    for (String o : objectives) {
      ok = ok.filter(functions.col(o).isNotNull().and(functions.not(functions.isnan(functions.col(o)))));
    }
    StructType schema = ok.schema();
    int[] slots = slots(schema, objectives);
    List<Row> local = ok.mapPartitions(new LocalLayers(slots, maximize, layers), Encoders.row(schema)).collectAsList();
    return spark.createDataFrame(ranked(local, schema, objectives, maximize, layers), withRank(schema));
  }

  /**
   * The rows of rank ≤ layers among partitions' local layers (ok rows with every objective),
   * each once, with their rank appended: the driver's half of the skyline.
   */
  static List<Row> ranked(List<Row> localLayers, StructType schema, List<String> objectives, boolean[] maximize,
      int layers) {
    int[] slots = slots(schema, objectives);
    List<Row> local = distinct(localLayers, schema);
    List<double[]> pts = new ArrayList<>(local.size());
    for (Row r : local) {
      pts.add(point(r, slots, maximize));
    }
    int[] rank = Pareto.ranks(pts, layers);
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < local.size(); i++) {
      if (rank[i] <= layers) {
        Object[] v = new Object[schema.size() + 1];
        for (int k = 0; k < schema.size(); k++) {
          v[k] = local.get(i).get(k);
        }
        v[schema.size()] = rank[i];
        out.add(RowFactory.create(v));
      }
    }
    return out;
  }

  /** The frontier's schema: the rows' own, and the rank. */
  static StructType withRank(StructType schema) {
    return schema.add(DataTypes.createStructField("rank", DataTypes.IntegerType, false,
        new org.apache.spark.sql.types.MetadataBuilder().putString(StudyRows.UNIT, "")
            .putString("comment", "non-dominated rank: 1 = Pareto-optimal").build()));
  }

  private static int[] slots(StructType schema, List<String> objectives) {
    int[] slots = new int[objectives.size()];
    for (int i = 0; i < slots.length; i++) {
      slots[i] = schema.fieldIndex(objectives.get(i));
    }
    return slots;
  }

  /**
   * One row per configuration: random sampling and NSGA-II can evaluate a candidate more than
   * once (identical rows but for the generation); keep its earliest generation. Identical points
   * never dominate each other, so removing copies after the local layers changes no rank.
   */
  static List<Row> distinct(List<Row> rows, StructType schema) {
    int id = schema.fieldIndex("candidate_id");
    int gen = java.util.Arrays.asList(schema.fieldNames()).indexOf("generation");
    java.util.Map<Long, Row> best = new java.util.LinkedHashMap<>();
    for (Row r : rows) {
      best.merge(r.getLong(id), r, (a, b) -> gen >= 0 && b.getInt(gen) < a.getInt(gen) ? b : a);
    }
    return new ArrayList<>(best.values());
  }

  static double[] point(Row r, int[] slots, boolean[] maximize) {
    double[] p = new double[slots.length];
    for (int i = 0; i < slots.length; i++) {
      double v = ((Number) r.get(slots[i])).doubleValue();
      p[i] = maximize[i] ? -v : v;
    }
    return p;
  }

  /** The per-partition half: the first layers of this partition's rows. */
  static final class LocalLayers implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final int[] slots;
    private final boolean[] maximize;
    private final int layers;

    LocalLayers(int[] slots, boolean[] maximize, int layers) {
      this.slots = slots;
      this.maximize = maximize;
      this.layers = layers;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> it) {
      ParetoLayers<Row> l = new ParetoLayers<>(layers);
      while (it.hasNext()) {
        Row r = it.next();
        l.add(point(r, slots, maximize), r);
      }
      List<Row> out = new ArrayList<>();
      for (int i = 0; i < layers; i++) {
        out.addAll(l.payloads(i));
      }
      return out.iterator();
    }
  }
}

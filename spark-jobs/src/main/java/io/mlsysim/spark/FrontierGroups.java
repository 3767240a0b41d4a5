package io.mlsysim.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The frontier grouped by exact objective vector, in Spark: one row per distinct vector with
 * {@code configs}, the number of frontier configurations on it, and for every dimension the
 * sorted array of its distinct values among them (one element when the dimension is constant
 * in the group). Configurations that tie on every objective are indistinguishable to the study,
 * so printing them once with what varies says the same thing in fewer rows. The input is the
 * frontier (ranks 1–3, small), never the results.
 */
final class FrontierGroups {
  static final String CONFIGS = "configs";
  /** The smallest candidate id of a group: a stable tie-break for ordering groups. */
  static final String FIRST_CANDIDATE = "first_candidate_id";

  private FrontierGroups() {}

  /**
   * @param keys the grouping columns: the objectives, preceded by {@code rank} when several
   *     ranks are shown (equal objective vectors always share a rank, so it splits no group)
   * @param dimensions the decision variables to summarise per group
   */
  static Dataset<Row> of(Dataset<Row> frontier, List<String> keys, List<String> dimensions) {
    List<Column> aggs = new ArrayList<>();
    aggs.add(functions.min("candidate_id").as(FIRST_CANDIDATE));
    for (String d : dimensions) {
      aggs.add(functions.array_sort(functions.collect_set(functions.col(d))).as(d));
    }
    Column[] by = keys.stream().map(functions::col).toArray(Column[]::new);
    return frontier.groupBy(by).agg(functions.count(functions.lit(1)).as(CONFIGS), aggs.toArray(new Column[0]));
  }

  /** How many groups, and how many frontier configurations they hold: one Spark job. */
  static long[] totals(Dataset<Row> groups) {
    Row t = groups.agg(functions.count(functions.lit(1)), functions.coalesce(functions.sum(CONFIGS),
        functions.lit(0L))).first();
    return new long[] {t.getLong(0), t.getLong(1)};
  }
}

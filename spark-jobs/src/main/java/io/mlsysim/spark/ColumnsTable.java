package io.mlsysim.spark;

import io.mlsysim.dse.StudyPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code columns} table: one row per column of a run's {@code results} rows, with its SQL
 * type, unit, meaning and kind, so that a tool that cannot read Delta column metadata finds a
 * column's unit with a join. The same unit and meaning are in the tables' schemas as column
 * metadata ({@code unit}, {@code comment}).
 */
final class ColumnsTable {
  /** A dimension the study varies. */
  static final String DECISION = "decision";
  /** An input the study holds at one value (a fixed input or a resolver's default). */
  static final String FIXED_INPUT = "fixed input";
  /** Anything the evaluation produced: results, status, reason, ids. */
  static final String RESULT = "result";

  static final StructType SCHEMA = DataTypes.createStructType(List.of(
      DataTypes.createStructField("column", DataTypes.StringType, false),
      DataTypes.createStructField("position", DataTypes.IntegerType, false),
      DataTypes.createStructField("type", DataTypes.StringType, false),
      DataTypes.createStructField("unit", DataTypes.StringType, true),
      DataTypes.createStructField("description", DataTypes.StringType, true),
      DataTypes.createStructField("kind", DataTypes.StringType, false)));

  private ColumnsTable() {}

  static Dataset<Row> of(SparkSession spark, StudyPlan plan) {
    Set<String> varied = Set.copyOf(FrontierPrinter.shownDimensions(plan));
    List<Row> rows = new ArrayList<>();
    StructField[] fields = StudyRows.schema(plan).fields();
    for (int i = 0; i < fields.length; i++) {
      StructField f = fields[i];
      String kind = !StudyRows.isDecision(f) ? RESULT : varied.contains(f.name()) ? DECISION : FIXED_INPUT;
      rows.add(RowFactory.create(f.name(), i + 1, f.dataType().sql().toLowerCase(java.util.Locale.ROOT),
          text(f, StudyRows.UNIT), text(f, "comment"), kind));
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  /** A metadata string, or null when absent or empty (a missing unit is NULL, not ""). */
  private static String text(StructField f, String key) {
    return f.metadata().contains(key) && !f.metadata().getString(key).isEmpty() ? f.metadata().getString(key) : null;
  }
}

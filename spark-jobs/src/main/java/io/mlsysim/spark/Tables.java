package io.mlsysim.spark;

import io.mlsysim.spark.delta.DeltaLogFiles;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Where a study's tables live and how a run is committed. Every table under an output root is a
 * Delta Lake table:
 *
 * <pre>
 *   results/           one row per candidate          partitioned by study, run_id, commit_id
 *   frontier/          Pareto layers of the ok rows   partitioned by study, run_id, commit_id
 *   sources/           zoo entries and constants      partitioned by study, run_id, commit_id
 *   frontier_changes/  how the frontier moved         partitioned by study, run_id, commit_id
 *   columns/           unit, meaning and kind of each results column, same partitions
 *   runs/              one row per run: the commit record, partitioned by study, run_id
 * </pre>
 *
 * <p>Each attempt at a run has a fresh commit id. Its rows are appended to the data tables
 * under that id (each append one Delta transaction), then its runs row replaces the run id's
 * previous runs row in one transaction: that is the commit. A row belongs to a committed run when
 * its (study, run_id, commit_id) is in {@code runs}; the views ({@link #read}, {@link #registerViews})
 * keep exactly those, so an attempt that crashed before its commit, or the run a re-run replaced,
 * is never seen through them. After the commit, {@link Orphans} drops the rows of attempts that
 * are no one's commit (metadata-only deletes of whole partitions).
 */
public final class Tables {
  public static final String RESULTS = "results";
  public static final String FRONTIER = "frontier";
  public static final String SOURCES = "sources";
  public static final String RUNS = "runs";
  public static final String FRONTIER_CHANGES = "frontier_changes";
  public static final String COLUMNS = "columns";
  static final List<String> DATA_TABLES = List.of(RESULTS, FRONTIER, SOURCES, FRONTIER_CHANGES, COLUMNS);
  /** Every view {@link #registerViews} defines. */
  public static final List<String> VIEWS = List.of(RUNS, RESULTS, FRONTIER, SOURCES, FRONTIER_CHANGES, COLUMNS);
  static final String STUDY = "study";
  static final String RUN_ID = "run_id";
  /** Which attempt at a run wrote a row; the runs row names the attempt that counts. */
  static final String COMMIT_ID = "commit_id";

  private Tables() {}

  /** Where a table's folder is under the output root. */
  static String path(String root, String table) {
    return new Path(root, table).toString();
  }

  /**
   * Appends one attempt's rows to a data table, in one Delta transaction. {@code results} evolves
   * its schema as studies add columns; the other tables have one shape.
   */
  static void append(Dataset<Row> rows, String root, String table, String study, String runId, String commitId) {
    Dataset<Row> keyed = rows.withColumn(STUDY, functions.lit(study)).withColumn(RUN_ID, functions.lit(runId))
        .withColumn(COMMIT_ID, functions.lit(commitId));
    try {
      appendKeyed(keyed, root, table, commitId);
    } catch (Exception e) { // Delta's AnalysisException is a checked exception thrown undeclared
      if (!String.valueOf(e.getMessage()).contains("DELTA_FAILED_TO_MERGE_FIELDS")) {
        throw CtrlC.<RuntimeException>rethrow(e);
      }
      // Delta refused before writing anything; store the clashing columns as the table does
      appendKeyed(conformed(keyed, rows.sparkSession().read().format("delta").load(path(root, table)).schema(),
          table, root), root, table, commitId);
    }
  }

  private static void appendKeyed(Dataset<Row> keyed, String root, String table, String commitId) {
    keyed.write().format("delta").mode(SaveMode.Append)
        .option("mergeSchema", "true")
        .option("userMetadata", commitId)
        .partitionBy(STUDY, RUN_ID, COMMIT_ID)
        .save(path(root, table));
  }

  /**
   * The rows with each column the table already holds as a wider type cast to it: a count or a
   * flag into a table that stores it as a double (a root converted from mlsysim 0.1, which stored
   * every result as a double) is exact there. Any other clash is refused in one line.
   */
  static Dataset<Row> conformed(Dataset<Row> rows, StructType tableSchema, String table, String root) {
    Column[] cols = new Column[rows.schema().size()];
    for (int i = 0; i < cols.length; i++) {
      org.apache.spark.sql.types.StructField f = rows.schema().fields()[i];
      DataType has = Arrays.stream(tableSchema.fields())
          .filter(t -> t.name().equals(f.name())).map(org.apache.spark.sql.types.StructField::dataType).findFirst()
          .orElse(f.dataType());
      boolean exact = has.equals(DataTypes.DoubleType) && (f.dataType().equals(DataTypes.LongType)
          || f.dataType().equals(DataTypes.IntegerType) || f.dataType().equals(DataTypes.BooleanType));
      if (!has.equals(f.dataType()) && !exact) {
        throw new IllegalArgumentException(table + " column '" + f.name() + "' holds " + has.simpleString() + " under "
            + root + ", but this study writes " + f.dataType().simpleString() + " there; write the study to another "
            + "--out");
      }
      cols[i] = has.equals(f.dataType()) ? rows.col(f.name())
          : rows.col(f.name()).cast(has).as(f.name(), f.metadata());
    }
    return rows.select(cols);
  }

  /** Commits a run: its runs row replaces the run id's previous one, in one Delta transaction. */
  static void commit(Dataset<Row> runRow, String root, String study, String runId, String commitId) {
    runRow.withColumn(STUDY, functions.lit(study)).withColumn(RUN_ID, functions.lit(runId))
        .write().format("delta").mode(SaveMode.Overwrite)
        .option("mergeSchema", "true")
        .option("replaceWhere", RUN_ID + " = '" + runId + "' AND " + STUDY + " = '" + study + "'")
        .option("userMetadata", commitId)
        .partitionBy(STUDY, RUN_ID)
        .save(path(root, RUNS));
  }

  /** True when the root holds at least one committed run. */
  public static boolean hasRuns(SparkSession spark, String root) {
    return hasRuns(spark.sparkContext().hadoopConfiguration(), root);
  }

  static boolean hasRuns(Configuration conf, String root) {
    ParquetLayout.refuse(conf, root);
    return !DeltaLogFiles.live(conf, new Path(root, RUNS)).isEmpty();
  }

  /**
   * Reads a table, committed runs only: exactly the files the table's Delta log lists for the
   * (study, run_id, commit_id) of a runs row, read as Parquet with the table's schema (units and
   * comments included). Reading the files the log names, rather than asking Delta for a snapshot,
   * needs no Spark job before the query's own: a small query answers seconds sooner.
   */
  public static Dataset<Row> read(SparkSession spark, String root, String table) {
    return read(spark, root, table, committed(spark.sparkContext().hadoopConfiguration(), root));
  }

  private static Dataset<Row> read(SparkSession spark, String root, String table, Set<List<String>> committed) {
    if (table.equals(RUNS)) {
      return files(spark, root, RUNS, p -> true);
    }
    return files(spark, root, table, p -> committed.contains(List.of(p.get(STUDY), p.get(RUN_ID), p.get(COMMIT_ID))))
        .drop(COMMIT_ID);
  }

  /**
   * The runs the views show, read without Spark, so a caller can read them while Spark starts
   * ({@link #registerViews(SparkSession, String, Set)}); refuses a root without committed runs,
   * naming the fix.
   */
  public static Set<List<String>> viewableRuns(Configuration conf, String root) {
    if (!hasRuns(conf, root)) {
      throw new IllegalArgumentException("no study runs under " + root
          + "; run one first (mlsysim study run <spec.yaml>) or pass --out <dir>");
    }
    return committed(conf, root);
  }

  /** The (study, run_id, commit_id) of every runs row; none for a root without runs. */
  private static Set<List<String>> committed(Configuration conf, String root) {
    Set<List<String>> committed = new HashSet<>();
    for (RunHistory.Run r : RunHistory.all(conf, root)) {
      committed.add(List.of(r.study(), r.runId(), String.valueOf(r.commitId())));
    }
    return committed;
  }

  /** Reads one table of one committed run. */
  static Dataset<Row> readRun(SparkSession spark, String root, String table, RunHistory.Run run) {
    Dataset<Row> rows = files(spark, root, table, p -> run.study().equals(p.get(STUDY))
        && run.runId().equals(p.get(RUN_ID)) && (table.equals(RUNS) || String.valueOf(run.commitId())
        .equals(p.get(COMMIT_ID))));
    return table.equals(RUNS) ? rows : rows.drop(COMMIT_ID);
  }

  /** Reads one attempt's rows of a data table, committed or not (the run itself, before its commit). */
  static Dataset<Row> readAttempt(SparkSession spark, String root, String table, String study, String runId,
      String commitId) {
    return files(spark, root, table, p -> study.equals(p.get(STUDY)) && runId.equals(p.get(RUN_ID))
        && commitId.equals(p.get(COMMIT_ID))).drop(COMMIT_ID);
  }

  /** The rows of the table's live files whose partition values pass {@code keep}, in the table's schema. */
  private static Dataset<Row> files(SparkSession spark, String root, String table,
      Predicate<Map<String, String>> keep) {
    DeltaLogFiles.Snapshot snap = DeltaLogFiles.snapshot(spark.sparkContext().hadoopConfiguration(),
        new Path(root, table));
    if (snap.schemaJson() == null) {
      return empty(spark, table);
    }
    StructType schema = (StructType) DataType.fromJson(snap.schemaJson());
    String[] paths = snap.files().stream().filter(f -> keep.test(f.partitionValues()))
        .map(f -> f.path().toString()).toArray(String[]::new);
    if (paths.length == 0) {
      return spark.createDataFrame(List.of(), schema);
    }
    Dataset<Row> d = spark.read().schema(schema).option("basePath", path(root, table)).parquet(paths);
    return d.select(Arrays.stream(schema.fieldNames()).map(functions::col).toArray(Column[]::new));
  }

  /** Registers the views ({@link #VIEWS}) over the committed runs. */
  public static void registerViews(SparkSession spark, String root) {
    registerViews(spark, root, viewableRuns(spark.sparkContext().hadoopConfiguration(), root));
  }

  /** Registers the views over the runs {@link #viewableRuns} found. */
  public static void registerViews(SparkSession spark, String root, Set<List<String>> committed) {
    for (String t : VIEWS) {
      read(spark, root, t, committed).createOrReplaceTempView(t);
    }
  }

  /** A table no run has written yet: no rows, its key columns. */
  private static Dataset<Row> empty(SparkSession spark, String table) {
    StructType base = table.equals(FRONTIER_CHANGES) ? FrontierChanges.BASE_SCHEMA : new StructType();
    return spark.createDataFrame(List.of(), base.add(STUDY, DataTypes.StringType).add(RUN_ID, DataTypes.StringType));
  }
}

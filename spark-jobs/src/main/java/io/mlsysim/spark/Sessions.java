package io.mlsysim.spark;

import org.apache.spark.sql.SparkSession;

/** The embedded local Spark of the CLI, and the settings every study session needs. */
public final class Sessions {
  /** Default master of the embedded Spark. */
  public static final String DEFAULT_MASTER = "local[*]";

  private Sessions() {}

  /** Quiet logging unless the user configured log4j2 themselves. */
  public static void quietLogs() {
    if (System.getProperty("log4j2.configurationFile") == null) {
      System.setProperty("log4j2.configurationFile", "io/mlsysim/spark/log4j2-quiet.properties");
    }
  }

  /** An embedded session on this machine (no UI, loopback only). */
  public static SparkSession local(String master, String appName) {
    quietLogs();
    SparkSession.Builder b = SparkSession.builder()
        .master(master == null ? DEFAULT_MASTER : master)
        .appName(appName)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        // running tasks report their progress counters with each heartbeat (StudyProgress)
        .config("spark.executor.heartbeatInterval", "2s")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "8")
        // Delta rebuilds a table's state in this many tasks (default 50): one suits a laptop's
        // small logs and saves seconds per table read
        .config("spark.databricks.delta.snapshotPartitions", "1")
        .config("spark.sql.warehouse.dir", System.getProperty("java.io.tmpdir") + "/mlsysim-spark-warehouse");
    return configure(b).getOrCreate();
  }

  /** Settings studies rely on wherever they run. */
  public static SparkSession.Builder configure(SparkSession.Builder b) {
    return b
        // run ids like 20261124-153000-ab12cd stay strings
        .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
        .config("spark.sql.parquet.compression.codec", "snappy")
        .config("spark.sql.debug.maxToStringFields", "1000")
        // every study table is a Delta table (see Tables)
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        // whole files only: the project's log reader (DeltaLogFiles) and plain readers need no
        // deletion vectors, and every delete here drops whole partitions anyway
        .config("spark.databricks.delta.properties.defaults.enableDeletionVectors", "false")
        // file statistics: row counts, no per-column min/max. Those cost a code-generated pass over
        // every column of every written row (a tenth of a small run) and skip no file here: the
        // tables are partitioned by study, run and commit, which is what readers filter on
        .config("spark.databricks.delta.properties.defaults.dataSkippingNumIndexedCols", "0");
  }
}

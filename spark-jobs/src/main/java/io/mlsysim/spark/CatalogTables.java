package io.mlsysim.spark;

import io.mlsysim.spark.delta.DeltaLogFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Registers a root's tables in a database of the Spark session catalog, so SQL users and BI tools
 * name tables instead of paths: {@code <db>.results}, {@code <db>.runs} … are the Delta tables
 * themselves (external tables at their folders, their schema always the table's own), and
 * {@code <db>.committed_results}, {@code <db>.committed_frontier} … are views that keep only
 * committed runs' rows, as this project's own views do. The catalog is whatever the session is
 * configured with: a Hive metastore or Unity Catalog on a cluster, an in-memory one (this session
 * only) on embedded Spark.
 */
final class CatalogTables {
  private CatalogTables() {}

  /** Creates the database, tables and views if missing; the views are replaced (their schema follows the tables). */
  static void register(SparkSession spark, String database, String root) {
    spark.sql("CREATE DATABASE IF NOT EXISTS " + database);
    for (String t : Tables.VIEWS) {
      Path folder = new Path(root, t);
      if (DeltaLogFiles.isTable(spark.sparkContext().hadoopConfiguration(), folder)) {
        spark.sql("CREATE TABLE IF NOT EXISTS " + database + "." + t + " USING delta LOCATION '"
            + qualified(spark, folder).replace("'", "\\'") + "'");
      }
    }
    for (String t : Tables.DATA_TABLES) {
      if (spark.catalog().tableExists(database, t)) {
        spark.sql("CREATE OR REPLACE VIEW " + database + ".committed_" + t + " WITH SCHEMA EVOLUTION AS SELECT d.* FROM "
            + database + "." + t + " d LEFT SEMI JOIN " + database + ".runs r ON d.study = r.study AND d.run_id = "
            + "r.run_id AND d.commit_id = r.commit_id");
      }
    }
  }

  /** True when the session's catalog forgets its tables when the session ends. */
  static boolean inMemory(SparkSession spark) {
    return "in-memory".equals(spark.conf().get("spark.sql.catalogImplementation", "in-memory"));
  }

  private static String qualified(SparkSession spark, Path p) {
    try {
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(p).toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve " + p, e);
    }
  }
}

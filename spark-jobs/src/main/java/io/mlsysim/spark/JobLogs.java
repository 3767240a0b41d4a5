package io.mlsysim.spark;

import java.net.URISyntaxException;
import java.net.URL;

/**
 * Quiet logs for a spark-submit run. Setting a level, or even a whole configuration, before the
 * session starts is not enough: spark-submit loads Spark's default profile (INFO to stderr), marks
 * it as Spark's own, and "uninitializes" logging before it calls the job's main; the first Spark
 * class that logs afterwards sees the mark and loads the default profile again, over whatever was
 * set in between (Spark 4.2, {@code org.apache.spark.internal.Logging}). So Spark's one-time set-up
 * is run here, silently, and only then replaced by the quiet configuration the CLI uses (shipped
 * in the job jar); Spark does not set logging up twice. A configuration the user named with
 * {@code -Dlog4j2.configurationFile} (e.g. through spark.driver.extraJavaOptions) wins.
 */
final class JobLogs {
  static final String CONFIG = "io/mlsysim/spark/log4j2-quiet.properties";

  private JobLogs() {}

  static void quiet() {
    if (System.getProperty("log4j2.configurationFile") != null) {
      return;
    }
    URL url = JobLogs.class.getClassLoader().getResource(CONFIG);
    if (url == null) {
      return;
    }
    try {
      new org.apache.spark.SparkConf(false).initializeLogIfNecessary(false, true);
      org.apache.logging.log4j.core.config.Configurator.reconfigure(url.toURI());
    } catch (URISyntaxException | LinkageError e) {
      // another logging backend, or a jar path no URI can name: leave logging as configured
    }
  }
}

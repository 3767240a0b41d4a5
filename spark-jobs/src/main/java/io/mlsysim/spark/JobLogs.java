package io.mlsysim.spark;

import java.net.URISyntaxException;
import java.net.URL;

/**
 * Quiet logs for a spark-submit run. Setting a level is not enough: spark-submit resets logging
 * before it calls the job's main, and when Spark next logs it finds log4j without a configuration
 * file and installs its default profile (INFO to stderr) over any level set in between. A real
 * configuration (the one the CLI uses, shipped in the job jar) makes Spark leave logging alone.
 * A configuration the user named with {@code -Dlog4j2.configurationFile} wins.
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
      org.apache.logging.log4j.core.config.Configurator.reconfigure(url.toURI());
    } catch (URISyntaxException | LinkageError e) {
      // another logging backend, or a jar path no URI can name: leave logging as configured
    }
  }
}

package io.mlsysim.spark;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;

/** {@code mlsysim study convert}: a root of mlsysim 0.1's Parquet layout into Delta tables (see {@link ParquetLayout}). */
@Command(name = "convert", mixinStandardHelpOptions = true,
    description = "Converts a tables root written by mlsysim 0.1 (Parquet folders) into Delta tables, once; "
        + "the old folders are kept under _parquet-layout/.")
final class StudyConvert extends StudyCommand.Common implements Callable<Integer> {
  @Override
  public Integer call() {
    String root = root(null);
    Sessions.quietLogs();
    if (!ParquetLayout.needsConversion(RunHistory.hadoopConf(), root)) {
      stdout().println("nothing to convert: " + root + " holds no tables in mlsysim 0.1's Parquet layout");
      stdout().flush();
      return 0;
    }
    OutputRoot.check(RunHistory.hadoopConf(), root);
    SparkSession spark = Sessions.local(master, "mlsysim study convert");
    try {
      ParquetLayout.Outcome o = ParquetLayout.convert(spark, root, stderr());
      stdout().printf("converted %d run(s)%s under %s; the old folders are kept under %s/%s (delete them when "
          + "you no longer need them)%n", o.converted(), o.skipped() > 0 ? ", " + o.skipped() + " already converted"
          : "", root, root, ParquetLayout.KEPT);
      for (String r : o.refused()) {
        stderr().println("not converted: " + r);
      }
      stdout().flush();
      stderr().flush();
      return o.refused().isEmpty() ? 0 : 1;
    } finally {
      spark.stop();
    }
  }
}

package io.mlsysim.spark.integrity;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/** Row counts from Parquet footers: a file's own statement of what it holds, read without its data. */
public final class Footers {
  private Footers() {}

  /** The rows in one Parquet file; IOException when it is missing or not a whole Parquet file. */
  public static long rows(Configuration conf, Path file) throws IOException {
    try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
      return r.getRecordCount();
    } catch (RuntimeException e) { // parquet-mr reports some truncations as runtime exceptions
      throw new IOException(e.getMessage(), e);
    }
  }
}

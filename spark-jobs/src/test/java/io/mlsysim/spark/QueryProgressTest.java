package io.mlsysim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** A query that outlasts the quiet period says so on stderr; one that does not says nothing. */
class QueryProgressTest {
  @Test
  void aLongQueryPrintsProgressLinesAndAQuickOneNone() {
    SparkSession spark = Sessions.local("local[1]", "QueryProgressTest");
    try {
      StringWriter lines = new StringWriter();
      // quiet for 0 ms and a line every 200 ms, so that a query of a second or two shows lines
      try (QueryProgress p = new QueryProgress(spark.sparkContext(), new PrintWriter(lines),
          new StudyProgress.Pace(true, 200), 0)) {
        spark.range(0, 40_000_000L, 1, 4).selectExpr("sum(id * 3 % 7)").collectAsList();
      }
      List<String> printed = lines.toString().lines().toList();
      assertTrue(!printed.isEmpty(), "a line while the query ran");
      for (String l : printed) {
        assertTrue(l.matches("query: running, .+ elapsed(; [\\d,]+ of [\\d,]+ tasks of the running stages done)?"), l);
      }

      StringWriter none = new StringWriter();
      try (QueryProgress p = new QueryProgress(spark.sparkContext(), new PrintWriter(none),
          new StudyProgress.Pace(true, 200), QueryProgress.FIRST_AFTER_MILLIS)) {
        spark.range(0, 10).count();
      }
      assertEquals("", none.toString(), "a quick query prints nothing");
    } finally {
      spark.stop();
    }
  }
}

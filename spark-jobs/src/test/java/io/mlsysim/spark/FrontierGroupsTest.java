package io.mlsysim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlsysim.dse.StudyPlan;
import io.mlsysim.dse.StudySpec;
import io.mlsysim.zoo.Zoo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The printed frontier groups configurations that tie on every objective. The study
 * ({@link TiesStudy}) has dimensions that leave the objectives unchanged; the expected groups are
 * derived here from the frontier table read back with Spark and grouped in plain Java.
 */
class FrontierGroupsTest {
  static final Zoo ZOO = Zoo.builtIn();
  static final List<String> DIMS = List.of("x", "k", "w", "grid");
  static final String SPEC = """
      name: ties
      pipeline: [ties]
      space:
        x: {range: [0, 6]}
        k: {range: [0, 2]}
        w: {continuous: [1.0, 2.0], grid_points: 2}
        grid: [Quebec, Iowa]
      objectives: [{minimize: f1_s}, {minimize: f2_usd}]
      """;

  static SparkSession spark;
  @TempDir
  static Path dir;
  static String root;
  static StudyPlan plan;

  /** A group expected from the table: its objective vector and each dimension's distinct values. */
  record Group(int rank, double f1, double f2, int configs, Map<String, TreeSet<Object>> values) {}

  @BeforeAll
  static void runTheStudy() {
    spark = Sessions.local("local[2]", "FrontierGroupsTest");
    root = dir.resolve("tables").toString();
    plan = StudyPlan.compile(StudySpec.parse("ties.yaml", SPEC), ZOO);
    new StudyRunner(spark, new PrintWriter(new StringWriter())).run(plan, ZOO, new StudyRunner.Options(root, "t1", 3));
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** Groups of the frontier rows of rank ≤ {@code maxRank}, ordered by rank, f1, f2. */
  static List<Group> expected(int maxRank) {
    List<Row> rows = Tables.read(spark, root, Tables.FRONTIER)
        .filter(functions.col("run_id").equalTo("t1").and(functions.col("rank").leq(maxRank)))
        .select("rank", "f1_s", "f2_usd", "x", "k", "w", "grid").collectAsList();
    Map<List<Double>, List<Row>> byVector = new TreeMap<>(Comparator.<List<Double>, Double>comparing(l -> l.get(0))
        .thenComparing(l -> l.get(1)).thenComparing(l -> l.get(2)));
    for (Row r : rows) {
      byVector.computeIfAbsent(List.of((double) r.getInt(0), r.getDouble(1), r.getDouble(2)), v -> new ArrayList<>())
          .add(r);
    }
    List<Group> out = new ArrayList<>();
    byVector.forEach((v, members) -> {
      Map<String, TreeSet<Object>> values = new TreeMap<>();
      for (int d = 0; d < DIMS.size(); d++) {
        TreeSet<Object> distinct = new TreeSet<>();
        for (Row m : members) {
          distinct.add(m.get(3 + d));
        }
        values.put(DIMS.get(d), distinct);
      }
      out.add(new Group(v.get(0).intValue(), v.get(1), v.get(2), members.size(), values));
    });
    return out;
  }

  static String print(int rank, int limit, String format) {
    StringWriter w = new StringWriter();
    PrintWriter out = new PrintWriter(w);
    RunHistory.Run run = RunHistory.find(spark.sparkContext().hadoopConfiguration(), root, plan.name(), "t1")
        .orElseThrow();
    FrontierPrinter.print(spark, root, plan, run, rank, limit, format, out);
    out.flush();
    return w.toString();
  }

  static List<JsonNode> jsonLines(String out) throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String l : out.strip().split("\n")) {
      lines.add(new ObjectMapper().readTree(l));
    }
    return lines;
  }

  static int configs(List<Group> groups) {
    return groups.stream().mapToInt(Group::configs).sum();
  }

  @Test
  void theStudyHasTiesAndTheTableKeepsEveryConfiguration() {
    List<Group> groups = expected(1);
    assertTrue(groups.stream().anyMatch(g -> g.configs() > 1), "the study must produce ties to test anything");
    assertTrue(groups.stream().anyMatch(g -> g.values().get("k").size() > 1), "some group varies k");
    assertTrue(groups.stream().anyMatch(g -> g.values().get("k").size() == 1 && g.configs() > 1),
        "some group of several configurations holds k constant");
    long rows = Tables.read(spark, root, Tables.FRONTIER).filter("rank = 1").count();
    assertEquals(configs(groups), rows, "the frontier table holds one row per configuration, ungrouped");
    assertTrue(rows > groups.size());
  }

  @Test
  void jsonHasOneObjectPerObjectiveVectorWithCountsAndDistinctValues() throws Exception {
    List<Group> groups = expected(1);
    List<JsonNode> lines = jsonLines(print(1, 100, "json"));
    assertEquals(groups.size(), lines.size(), "one line per distinct objective vector");
    for (int i = 0; i < groups.size(); i++) {
      Group g = groups.get(i);
      JsonNode n = lines.get(i);
      assertEquals(g.f1(), n.get("f1_s").asDouble(), 0, "ordered by f1_s, then f2_usd: " + n);
      assertEquals(g.f2(), n.get("f2_usd").asDouble(), 0, n.toString());
      assertEquals(g.configs(), n.get("configs").asInt(), n.toString());
      for (String d : DIMS) {
        TreeSet<Object> want = g.values().get(d);
        JsonNode got = n.get(d);
        if (want.size() == 1) {
          assertTrue(got.isValueNode(), d + " is constant in the group, so a scalar: " + n);
          assertEquals(String.valueOf(want.first()), got.asText(), d + " in " + n);
        } else {
          assertTrue(got.isArray(), d + " varies in the group, so an array: " + n);
          List<String> gotValues = new ArrayList<>();
          got.forEach(e -> gotValues.add(e.asText()));
          assertEquals(want.stream().map(String::valueOf).toList(), gotValues, d + " in " + n);
        }
      }
    }
  }

  @Test
  void textShowsConstantValuesSummariesOfWhatVariesAndAFooter() {
    List<Group> groups = expected(1);
    String out = print(1, 20, "text");
    String[] lines = out.split("\n");
    assertEquals("Pareto frontier of ties (min f1_s, min f2_usd):", lines[0]);
    String footer = String.format(Locale.ROOT, "%d distinct objective vectors from %d frontier configurations",
        groups.size(), configs(groups));
    assertEquals(footer, lines[lines.length - 1]);
    assertEquals(1 + 2 + groups.size() + 1, lines.length, out);
    assertTrue(lines[1].matches("x\\s+k\\s+w\\s+grid\\s+f1_s\\s+f2_usd\\s+configs"), lines[1]);
    for (int i = 0; i < groups.size(); i++) {
      Group g = groups.get(i);
      List<String> cells = List.of(lines[3 + i].trim().split("\\s{2,}"));
      assertEquals(String.valueOf(g.configs()), cells.get(cells.size() - 1), lines[3 + i]);
      for (int d = 0; d < DIMS.size(); d++) {
        assertEquals(summary(g.values().get(DIMS.get(d))), cells.get(d), DIMS.get(d) + " in: " + lines[3 + i]);
      }
    }
  }

  /** What a person should read: the value, or the distinct values joined by '|'. */
  private static String summary(TreeSet<Object> values) {
    List<String> s = new ArrayList<>();
    for (Object v : values) {
      s.add(v instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(v));
    }
    return String.join("|", s);
  }

  @Test
  void limitCountsGroupsAndTheFooterStillCountsThemAll() throws Exception {
    List<Group> groups = expected(1);
    assertTrue(groups.size() > 2, "needs more groups than the limit");
    List<JsonNode> two = jsonLines(print(1, 2, "json"));
    assertEquals(2, two.size());
    assertEquals(groups.get(0).configs() + groups.get(1).configs(),
        two.get(0).get("configs").asInt() + two.get(1).get("configs").asInt(), "the two best groups, whole");
    String text = print(1, 2, "text");
    assertTrue(text.startsWith("Pareto frontier of ties (min f1_s, min f2_usd), first 2 objective vectors:\n"), text);
    assertEquals(1 + 2 + 2 + 1, text.split("\n").length, text);
    assertTrue(text.endsWith(groups.size() + " distinct objective vectors from " + configs(groups)
        + " frontier configurations\n"), text);
  }

  @Test
  void lowerRanksGroupByRankAndVectorAndSayWhichRanksTheyCover() throws Exception {
    List<Group> groups = expected(2);
    assertTrue(groups.stream().anyMatch(g -> g.rank() == 2), "the study has a second front");
    List<JsonNode> lines = jsonLines(print(2, 100, "json"));
    assertEquals(groups.size(), lines.size());
    for (int i = 0; i < groups.size(); i++) {
      assertEquals(groups.get(i).rank(), lines.get(i).get("rank").asInt(), lines.get(i).toString());
      assertEquals(groups.get(i).configs(), lines.get(i).get("configs").asInt(), lines.get(i).toString());
    }
    String md = print(2, 100, "markdown");
    String[] mdLines = md.split("\n");
    assertTrue(mdLines[0].matches("\\| rank +\\| x +\\| k +\\| w +\\| grid +\\| f1_s +\\| f2_usd +\\| configs +\\|"),
        mdLines[0]);
    // Every table line has the header's cells: a summary's '|' is escaped, not a cell border.
    int cells = mdLines[0].split("(?<!\\\\)\\|", -1).length;
    for (int i = 1; i < 2 + groups.size(); i++) {
      assertEquals(cells, mdLines[i].split("(?<!\\\\)\\|", -1).length, mdLines[i]);
    }
    assertTrue(md.contains("0\\|1\\|2"), md);
    assertTrue(md.endsWith("\n\n" + groups.size() + " distinct objective vectors from " + configs(groups)
        + " configurations of ranks 1–2\n"), md);
  }

  @Test
  void longListsOfValuesAreShortenedToTheFirstFewAndTheLast() {
    StructField f = DataTypes.createStructField("tp", DataTypes.LongType, false);
    assertEquals("1|2|4", FrontierPrinter.summary(f, List.of(1L, 2L, 4L)));
    List<Long> seven = List.of(1L, 2L, 4L, 8L, 16L, 32L, 64L);
    assertEquals(7, seven.size());
    assertTrue(seven.size() > FrontierPrinter.MAX_LISTED);
    assertEquals("1|2|4|…|64 (7 values)", FrontierPrinter.summary(f, seven));
    StructField real = DataTypes.createStructField("batch", DataTypes.DoubleType, false);
    assertEquals("1,024|2,048", FrontierPrinter.summary(real, List.of(1024.0, 2048.0)), "as the table prints reals");
  }
}

package io.mlsysim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.charts.Palette;
import io.mlsysim.charts.PictureFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code study plot} and {@code study report} on real tables: two runs of the README's example
 * study on embedded Spark, pictures read back from the files, the report opened in a real
 * headless Chromium. Expected values come from Spark SQL over the same tables.
 */
class StudyPicturesTest {
  @TempDir static Path dir;
  static String root;
  static Path spec;
  /** Facts about run 2 (the latest), from SQL. */
  static long fleetsWithOkRows;
  static long frontierRows;
  static long infeasible;
  static long added;
  static long removed;
  static long kept;

  static CliRun cli(String... args) {
    return CliRun.of(args);
  }

  static Path projectRoot() {
    return Path.of(System.getProperty("user.dir")).getParent();
  }

  @BeforeAll
  static void twoRuns() throws Exception {
    root = dir.resolve("tables").toString();
    spec = projectRoot().resolve("docs/pictures/example-study.yaml");
    CliRun r1 = cli("study", "run", spec.toString(), "--out", root, "--master", "local[2]", "--run-id", "p1");
    assertEquals(0, r1.code(), r1.err());
    // The second night the grid list changed: the frontier moves.
    Path changed = dir.resolve("example-study.yaml");
    Files.writeString(changed, Files.readString(spec).replace("grid: [US_Avg, Quebec]", "grid: [US_Avg, Germany]"));
    CliRun r2 = cli("study", "run", changed.toString(), "--out", root, "--master", "local[2]", "--run-id", "p2");
    assertEquals(0, r2.code(), r2.err());

    SparkSession spark = Sessions.local("local[2]", "StudyPicturesTest");
    try {
      Tables.registerViews(spark, root);
      fleetsWithOkRows = one(spark, "SELECT count(DISTINCT fleet) FROM results WHERE run_id = 'p2' AND status = 'ok'");
      frontierRows = one(spark, "SELECT count(*) FROM frontier WHERE run_id = 'p2' AND rank = 1");
      infeasible = one(spark, "SELECT count(*) FROM results WHERE run_id = 'p2' AND status = 'infeasible'");
      added = one(spark, "SELECT count(*) FROM frontier_changes WHERE run_id = 'p2' AND change = 'added'");
      removed = one(spark, "SELECT count(*) FROM frontier_changes WHERE run_id = 'p2' AND change = 'removed'");
      kept = one(spark, "SELECT count(*) FROM frontier_changes WHERE run_id = 'p2' AND change = 'kept'");
    } finally {
      spark.stop();
    }
    assertTrue(fleetsWithOkRows >= 2 && infeasible > 0 && frontierRows > 0, "the example study has a trade-off and "
        + "infeasible candidates: " + fleetsWithOkRows + " fleets, " + infeasible + " infeasible");
  }

  static long one(SparkSession spark, String sql) {
    Row r = spark.sql(sql).collectAsList().get(0);
    return r.getLong(0);
  }

  @Test
  void plotDrawsEveryPairOfObjectivesColouredByTheFleet() {
    Path png = dir.resolve("pairs.png");
    CliRun r = cli("study", "plot", "pictures", "--out", root, "--master", "local[1]", "--to", png.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("wrote " + png + ": 3 charts of run p2"), r.out());
    PictureFacts f = PictureFacts.of(png);
    assertEquals(2 * 900, f.width(), "three pairs of three objectives in a grid of two columns");
    assertEquals(2 * 600, f.height());
    assertTrue(f.marks() > f.width() * f.height() / 50, "drawn, not blank");
    // One colour per fleet with feasible candidates (fleet is the first decision with a few values),
    // the frontier, the trade-off line.
    assertEquals(fleetsWithOkRows + 2, f.seriesCount(), f.seriesColours().toString());
    assertTrue(f.seriesColours().contains(Palette.FRONTIER));
  }

  @Test
  void plotOfTwoColumnsIsAnSvgNamingItsAxesWithUnits() throws Exception {
    Path svg = dir.resolve("one.svg");
    CliRun r = cli("study", "plot", "pictures", "--run", "p1", "--x", "duration_s", "--y", "tco_usd", "--color", "none",
        "--out", root, "--master", "local[1]", "--to", svg.toString());
    assertEquals(0, r.code(), r.err());
    String text = Files.readString(svg);
    assertTrue(text.contains(">duration (s)</text>"), "x axis named with the unit from the Parquet metadata");
    assertTrue(text.contains(">tco (USD)</text>"), "y axis named with the unit from the Parquet metadata");
    assertTrue(text.contains(">pictures · run p1</text>"), "the run asked for");
    assertEquals(3, PictureFacts.of(svg).seriesCount(), "candidates, frontier, trade-off");
  }

  @Test
  void theCommittedFrontierPictureStillMatchesTheCommand() {
    Path png = dir.resolve("frontier.png");
    CliRun r = cli("study", "plot", "pictures", "--run", "p1", "--out", root, "--master", "local[1]", "--to",
        png.toString());
    assertEquals(0, r.code(), r.err());
    PictureFacts now = PictureFacts.of(png);
    PictureFacts committed = PictureFacts.of(projectRoot().resolve("docs/pictures/frontier.png"));
    assertEquals(committed.width(), now.width(), "size of docs/pictures/frontier.png; regenerate it (README)");
    assertEquals(committed.height(), now.height());
    assertEquals(committed.seriesColours(), now.seriesColours(), "series of docs/pictures/frontier.png");
  }

  @Test
  void reportOpensInAHeadlessBrowserWithTheFrontierTableAndCharts() throws Exception {
    Path html = dir.resolve("report/pictures.html");
    CliRun r = cli("study", "report", "pictures", "--out", root, "--master", "local[1]", "--to", html.toString());
    assertEquals(0, r.code(), r.err());
    String page = Files.readString(html);
    assertFalse(Pattern.compile("<script|<link|src=|url\\(http|href=\"http").matcher(page).find(),
        "self-contained: nothing to fetch when it is viewed");

    Path shot = dir.resolve("report.png");
    Browser.screenshot(html, shot, 1400, 2000);
    PictureFacts seen = PictureFacts.png(javax.imageio.ImageIO.read(shot.toFile()));
    assertEquals(1400, seen.width());
    assertTrue(seen.marks() > 1400 * 2000 / 40, "the page draws something: " + seen.marks() + " inked pixels");
    assertFalse(seen.seriesColours().isEmpty(), "a chart's colours are on screen");

    String dom = Browser.dom(html);
    String frontier = section(dom, "frontier-table");
    assertEquals(Math.min(frontierRows, StudyReport.MAX_TABLE_ROWS), count(frontier, "<tr>") - 1,
        "one row per rank-1 configuration, plus the header");
    assertTrue(frontier.contains("duration_s <span class=\"unit\">(s)</span>"), "objectives with units");
    assertTrue(frontier.contains("tco_usd <span class=\"unit\">(USD)</span>"));
    assertEquals(3, count(dom, "<figure class=\"chart\"><svg"), "one chart per pair of the three objectives");
    String reasons = section(dom, "reasons-table");
    assertTrue(reasons.contains("<td class=\"t\">infeasible</td>"), reasons);
    long shownInfeasible = 0;
    Matcher m = Pattern.compile("<td class=\"t\">infeasible</td><td class=\"t\">[^<]*</td><td>(\\d+)</td>").matcher(reasons);
    while (m.find()) {
      shownInfeasible += Long.parseLong(m.group(1));
    }
    assertEquals(infeasible, shownInfeasible, "the reasons add up to the infeasible count");
    assertTrue(dom.contains("Since run p1: <span class=\"added\"><b>added</b> " + added
        + "</span><span class=\"removed\"><b>removed</b> " + removed + "</span><span><b>kept</b> " + kept + "</span>"),
        "frontier movement since the previous run");
    assertTrue(dom.contains(">spec_sha256</th>") && dom.contains(">zoo_digest</th>") && dom.contains(">engine_version</th>"),
        "provenance");
  }

  /** The acceptance line "./mlsysim study report <study> --to q.html", through the launcher script. */
  @Test
  void theLauncherWritesTheReport() throws Exception {
    Path html = dir.resolve("launcher/q.html");
    ProcessBuilder pb = new ProcessBuilder(projectRoot().resolve("mlsysim").toString(), "study", "report", "pictures",
        "--to", html.toString()).directory(dir.toFile()).redirectError(dir.resolve("launcher.err").toFile())
        .redirectOutput(dir.resolve("launcher.out").toFile());
    pb.environment().put("MLSYSIM_SKIP_BUILD", "1"); // run what this build made
    pb.environment().put("MLSYSIM_STUDIES", root);   // the tables root, as a nightly job would set it
    Process p = pb.start();
    assertTrue(p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS), "the launcher did not finish");
    assertEquals(0, p.exitValue(), Files.readString(dir.resolve("launcher.err")));
    assertTrue(Files.readString(dir.resolve("launcher.out")).startsWith("wrote " + html + ": run p2 of pictures"));
    assertTrue(Files.readString(html).contains("<table id=\"frontier-table\">"));
  }

  static String section(String dom, String id) {
    int from = dom.indexOf("<table id=\"" + id + "\">");
    assertTrue(from >= 0, "no table " + id);
    return dom.substring(from, dom.indexOf("</table>", from));
  }

  static int count(String text, String what) {
    return text.split(Pattern.quote(what), -1).length - 1;
  }

  @Test
  void mistakesAreOneLineAndWriteNothing() {
    Path to = dir.resolve("nothing.png");
    List<String[]> bad = List.of(
        new String[] {"study", "plot", "Pictures", "--out", root, "--to", to.toString()},
        new String[] {"study", "plot", "nosuch", "--out", root, "--to", to.toString()},
        new String[] {"study", "plot", "pictures", "--run", "p9", "--out", root, "--to", to.toString()},
        new String[] {"study", "plot", "pictures", "--x", "duration_s", "--out", root, "--to", to.toString()},
        new String[] {"study", "plot", "pictures", "--out", root, "--to", dir.resolve("x.gif").toString()},
        new String[] {"study", "report", "pictures", "--out", root, "--to", dir.resolve("x.pdf").toString()});
    List<String> expected = List.of("is not a study name", "studies there: pictures", "its latest runs: p1, p2",
        "--x and --y go together", ".png or .svg", "end the file name in .html");
    for (int i = 0; i < bad.size(); i++) {
      CliRun r = cli(bad.get(i));
      assertEquals(1, r.code(), String.join(" ", bad.get(i)) + "\n" + r.err());
      assertEquals("", r.out());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().startsWith("error: ") && r.err().contains(expected.get(i)), r.err());
    }
    assertFalse(Files.exists(to));
  }

  @Test
  void anUnknownColumnNamesTheColumnsThereAre() {
    CliRun r = cli("study", "plot", "pictures", "--x", "duration", "--y", "tco_usd", "--out", root, "--master", "local[1]",
        "--to", dir.resolve("u.png").toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("column 'duration' is not in the study's results; columns: ") && r.err()
        .contains("duration_s"), r.err());
  }

  @Test
  void plotAndReportHaveHelp() {
    CliRun plot = cli("study", "plot", "--help");
    assertEquals(0, plot.code());
    assertTrue(plot.out().contains("--x=COLUMN") && plot.out().contains("--to=FILE"), plot.out());
    CliRun report = cli("study", "report", "--help");
    assertEquals(0, report.code());
    assertTrue(report.out().contains("--run=RUN") && report.out().contains("self-contained HTML"), report.out());
  }
}

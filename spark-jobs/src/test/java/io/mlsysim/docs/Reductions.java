package io.mlsysim.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The documented commands that do not run here as written, each with the reduced form that does
 * run and the reason. Everything else runs exactly as the document shows it.
 */
final class Reductions {

  /** Either a command to run instead, or a check that stands in for running it. */
  record Reduced(String command, Check check) {}

  interface Check {
    void run() throws Exception;
  }

  private interface Rule {
    Reduced apply(Matcher m, DocumentedCommand c) throws Exception;
  }

  private record Reduction(String name, Pattern pattern, String why, Rule rule, int[] uses) {}

  private final CommandRunner runner;
  private final List<Reduction> all = new ArrayList<>();

  Reductions(CommandRunner runner) {
    this.runner = runner;
    add("the test suite", "^mvn -B verify$",
        "this test runs inside that command; CI runs it (.ci/run), so here it is checked that CI does",
        (m, c) -> check(() -> {
          String ci = Files.readString(DocumentedCommandsTest.PROJECT.resolve(".ci/run"));
          assertTrue(ci.contains("mvn -B") && ci.contains(" verify"), ".ci/run runs mvn -B … verify");
        }));
    add("building the benchmarks", "^mvn -B -pl engine -Pbench package -DskipTests$",
        "building the bench profile inside the running build would rebuild engine/target under it; "
            + "the profile and its sources are checked",
        (m, c) -> check(() -> {
          String pom = Files.readString(DocumentedCommandsTest.PROJECT.resolve("engine/pom.xml"));
          assertTrue(pom.contains("<id>bench</id>"), "engine/pom.xml has the bench profile");
          assertTrue(Files.isDirectory(DocumentedCommandsTest.PROJECT.resolve("engine/src/jmh/java/io/mlsysim/bench")));
        }));
    add("a JMH run", "^java -jar engine/target/benchmarks\\.jar(.*)$",
        "a JMH run takes minutes of a quiet machine (docs/benchmarks.md reports them); the benchmark it "
            + "names must exist and its options must be JMH's",
        (m, c) -> check(() -> checkJmhArguments(m.group(1).strip())));
    add("a cluster submission", "^spark-submit (.*?)--class io\\.mlsysim\\.spark\\.StudyJob .*?\\S+-job\\.jar\\s+(\\S+)(.*)$",
        "needs a cluster (StandaloneClusterIT submits the job jar to one on 127.0.0.1, in client and in cluster "
            + "deploy mode); here the same study with the same options runs on embedded Spark: tables and overlays "
            + "named by hdfs:// URIs become a folder under the working directory and the shipped example overlays, "
            + "and a spec shipped with --files is read from where it was shipped from",
        (m, c) -> run("./mlsysim study run " + shippedSpec(m.group(1), m.group(2)) + onThisMachine(m.group(3))));
    add("the nights before", "^\\./mlsysim study diff quickstart --out /var/lib/mlsysim/studies$",
        "shown after a nightly schedule has run the study twice into /var/lib; here the quickstart runs once more "
            + "into the working directory's stand-in for that folder (a run came from docs/studies.md), then the diff",
        (m, c) -> check(() -> {
          CommandRunner.Outcome night = runner.run(
              "./mlsysim study run configs/studies/quickstart.yaml --out var-lib-mlsysim-studies");
          assertEquals(0, night.exit(), night.stderr());
          CommandRunner.Outcome diff = runner.run("./mlsysim study diff quickstart --out var-lib-mlsysim-studies");
          assertEquals(0, diff.exit(), diff.stdout() + diff.stderr());
        }));
    add("a system folder", "^(\\./mlsysim .*)/var/lib/mlsysim/studies(.*)$",
        "writes under /var/lib; the same command with the tables under the working directory",
        (m, c) -> run(m.group(1) + "var-lib-mlsysim-studies" + m.group(2)));
    add("run ids of an earlier day",
        "^(\\./mlsysim study (?:diff|plot) quickstart .*?)(--from \\d{8}-\\d{6}-\\w+|--from A --to B|--run RUN)(.*)$",
        "run ids are made when a study runs; the documented placeholders become the first and the latest "
            + "run of the quickstart made by the commands before",
        (m, c) -> {
          List<String> ids = quickstartRunIds();
          String first = ids.get(0);
          String latest = ids.get(ids.size() - 1);
          String chosen = m.group(2).startsWith("--run") ? "--run " + latest
              : m.group(2).contains("--to") ? "--from " + first + " --to " + latest : "--from " + first;
          return run(m.group(1) + chosen + m.group(3));
        });
    add("a long benchmark", "^\\./mlsysim study bench( --heap-check)?$",
        "the benchmark study evaluates 11,289,600 candidates (and --heap-check 10^8 more): minutes of a quiet machine, "
            + "reported in docs/benchmarks.md; here the same command benchmarks the quickstart study, and "
            + "--heap-check is shown to refuse a space too small for it",
        (m, c) -> m.group(1) == null ? run("./mlsysim study bench configs/studies/quickstart.yaml")
            : check(() -> {
              CommandRunner.Outcome o = runner.run("./mlsysim study bench configs/studies/quickstart.yaml --heap-check");
              assertEquals(1, o.exit(), o.stdout() + o.stderr());
              assertTrue(o.stderr().contains("--heap-check needs a space of at least"), o.stderr());
            }));
    add("an object-store connector", "^mvn -q dependency:copy -Dartifact=([\\w.-]+):([\\w.-]+):([\\w.-]+) "
            + "-DoutputDirectory=connectors$",
        "downloads a cloud connector (the AWS bundle alone is over 500 MB); here its version is checked against what "
            + "it must match: Hadoop's on Spark's class path, the AWS SDK Hadoop's build names, the project's Delta",
        (m, c) -> check(() -> assertEquals(connectorVersion(m.group(1), m.group(2)), m.group(3), c.text())));
    add("a bucket or container of one's own", "^MLSYSIM_JARS=\\S+ (?:MLSYSIM_JAVA_OPTS='[^']*' )?"
            + "(\\./mlsysim study run \\S+ --out (s3a|abfss)://\\S+)$",
        "needs a cloud account and the connector's jars; here the same run without the jars must stop before Spark "
            + "with exit 1, nothing on stdout, and one line naming the connector to add",
        (m, c) -> check(() -> {
          CommandRunner.Outcome o = runner.run(m.group(1));
          assertEquals(1, o.exit(), o.stdout() + o.stderr());
          assertEquals("", o.stdout());
          assertEquals(1, o.stderr().lines().count(), o.stderr());
          String artifact = m.group(2).equals("s3a") ? "org.apache.hadoop:hadoop-aws:" : "org.apache.hadoop:hadoop-azure:";
          assertTrue(o.stderr().contains(artifact + org.apache.hadoop.util.VersionInfo.getVersion()), o.stderr());
        }));
    add("a server on stdin", "^\\./mlsysim mcp( .*)?$",
        "an MCP server reads requests from stdin until it closes; here stdin is empty, so it starts and ends",
        (m, c) -> run(c.text() + " < /dev/null"));
  }

  private void add(String name, String regex, String why, Rule rule) {
    all.add(new Reduction(name, Pattern.compile(regex, Pattern.DOTALL), why, rule, new int[1]));
  }

  /** The reduced form of {@code c}, or {@code c} itself. */
  Reduced apply(DocumentedCommand c) throws Exception {
    for (Reduction r : all) {
      Matcher m = r.pattern().matcher(c.text());
      if (m.matches()) {
        r.uses()[0]++;
        return r.rule().apply(m, c);
      }
    }
    return new Reduced(c.text(), null);
  }

  /** Reductions no documented command needed in this run. */
  List<String> unused() {
    return all.stream().filter(r -> r.uses()[0] == 0).map(Reduction::name).toList();
  }

  private static Reduced run(String command) {
    return new Reduced(command, null);
  }

  private static Reduced check(Check check) {
    return new Reduced(null, check);
  }

  /** The spec's path: a bare name shipped with {@code --files} is the shipped file. */
  private static String shippedSpec(String submitOptions, String spec) {
    Matcher files = Pattern.compile("--files (\\S+)").matcher(submitOptions);
    if (files.find() && !spec.contains("/")) {
      for (String f : files.group(1).split(",")) {
        if (Path.of(f).getFileName().toString().equals(spec)) {
          return f;
        }
      }
    }
    return spec;
  }

  private static String onThisMachine(String jobOptions) {
    return jobOptions.replaceAll("--out \\S+", "--out spark-submit-studies")
        .replaceAll("--registry hdfs://\\S+", "--registry configs/registry/examples");
  }

  private List<String> quickstartRunIds() throws Exception {
    CommandRunner.Outcome o = runner.run(
        "./mlsysim query \"SELECT run_id FROM runs WHERE study = 'quickstart' ORDER BY started_at\" -o json");
    assertEquals(0, o.exit(), o.stderr());
    List<String> ids = new ArrayList<>();
    Matcher m = Pattern.compile("\"run_id\"\\s*:\\s*\"([^\"]+)\"").matcher(o.stdout());
    while (m.find()) {
      ids.add(m.group(1));
    }
    assertTrue(ids.size() >= 2, "the documents run the quickstart at least twice before a diff: " + o.stdout());
    return ids;
  }

  /** The version a connector artifact must have to work with this build's Spark and Delta. */
  private static String connectorVersion(String group, String artifact) throws IOException {
    String hadoop = org.apache.hadoop.util.VersionInfo.getVersion();
    if (group.equals("org.apache.hadoop")) {
      return hadoop;
    }
    if (group.equals("software.amazon.awssdk") && artifact.equals("bundle")) {
      return hadoopProperty(hadoop, "aws-java-sdk-v2.version");
    }
    if (group.equals("software.amazon.s3.analyticsaccelerator") && artifact.equals("analyticsaccelerator-s3")) {
      return hadoopProperty(hadoop, "amazon-s3-analyticsaccelerator-s3.version");
    }
    if (group.equals("io.delta")) {
      Matcher v = Pattern.compile("<delta.version>([^<]+)<").matcher(
          Files.readString(DocumentedCommandsTest.PROJECT.resolve("pom.xml")));
      assertTrue(v.find(), "pom.xml names the Delta version");
      return v.group(1);
    }
    throw new AssertionError("no rule for the version of " + group + ":" + artifact);
  }

  /** A version Hadoop's build file (a parent of hadoop-client-api, so in the local repository) pins. */
  private static String hadoopProperty(String hadoop, String property) throws IOException {
    Path pom = Path.of(System.getProperty("user.home"), ".m2/repository/org/apache/hadoop/hadoop-project", hadoop,
        "hadoop-project-" + hadoop + ".pom");
    Matcher v = Pattern.compile("<" + Pattern.quote(property) + ">([^<]+)<").matcher(Files.readString(pom));
    assertTrue(v.find(), pom + " names " + property);
    return v.group(1);
  }

  private static final List<String> JMH_OPTIONS_WITH_VALUE = List.of("-f", "-wi", "-i", "-w", "-r", "-t", "-bm", "-tu");

  private static void checkJmhArguments(String args) throws IOException {
    List<String> words = args.isEmpty() ? List.of() : Arrays.asList(args.split("\\s+"));
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (w.startsWith("-")) {
        assertTrue(JMH_OPTIONS_WITH_VALUE.contains(w), "JMH has no option " + w);
        i++;
        assertTrue(i < words.size() && words.get(i).matches("\\d+\\w*"), w + " needs a value such as 1 or 1s");
      } else {
        Path source = DocumentedCommandsTest.PROJECT.resolve("engine/src/jmh/java/io/mlsysim/bench");
        String pattern = w;
        try (var files = Files.list(source)) {
          assertTrue(files.anyMatch(f -> f.getFileName().toString().replace(".java", "").contains(pattern)),
              "no benchmark matches '" + pattern + "' in " + source);
        }
      }
    }
  }
}

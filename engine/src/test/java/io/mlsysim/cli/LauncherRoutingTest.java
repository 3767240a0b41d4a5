package io.mlsysim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./mlsysim} script, copied into a scratch project whose {@code mvn} and
 * {@code java} are two-line scripts that record how they were called: which module the launcher
 * builds, when, and on which class path it starts the CLI. (A real build per case would take
 * minutes; what is under test is the launcher's decision, not Maven.)
 */
class LauncherRoutingTest {
  @TempDir Path project;
  Path log;
  Path tiers;
  String javaOpts;
  /** Extra environment of the next launches. */
  final java.util.Map<String, String> env = new java.util.HashMap<>();
  int expectedExit;

  @BeforeEach
  void scratchProject() throws Exception {
    Files.copy(LauncherTest.projectRoot().resolve("mlsysim"), project.resolve("mlsysim"));
    project.resolve("mlsysim").toFile().setExecutable(true);
    for (String f : List.of("pom.xml", "engine/pom.xml", "engine/src/main/java/A.java", "spark-jobs/pom.xml",
        "spark-jobs/src/main/java/B.java")) {
      Path p = project.resolve(f);
      Files.createDirectories(p.getParent());
      Files.writeString(p, "");
      Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    }
    log = project.resolve("calls.log");
    Path bin = Files.createDirectories(project.resolve("bin"));
    // mvn makes what a real package run leaves behind: each built module's runtime class path.
    script(bin.resolve("mvn"), "echo \"mvn $*\" >> '" + log + "'\n"
        + "mkdir -p engine/target && touch engine/target/runtime-classpath.txt\n"
        + "case \"$*\" in *spark-jobs*) mkdir -p spark-jobs/target && touch spark-jobs/target/runtime-classpath.txt;; esac\n");
    tiers = project.resolve("tiers.log");
    // java also records the compiler tier it would run with: the last -XX:TieredStopAtLevel wins
    script(bin.resolve("java"), "tier=default; for a in \"$@\"; do case \"$a\" in -XX:TieredStopAtLevel=*) "
        + "tier=\"${a#*=}\";; esac; done; echo \"$tier\" >> '" + tiers + "'\n"
        // and its class-data sharing flags; a dump at exit leaves a file where it was asked to
        + "for a in \"$@\"; do case \"$a\" in -XX:SharedArchiveFile=*|-XX:ArchiveClassesAtExit=*|-Dmlsysim.cds*) "
        + "echo \"$a\" >> '" + project.resolve("cds.log") + "';; esac; case \"$a\" in -XX:ArchiveClassesAtExit=*) "
        + "echo archive > \"${a#*=}\";; esac; done\n"
        // and the class path it was given
        + "prev=; for a in \"$@\"; do [ \"$prev\" = -cp ] && echo \"$a\" > '" + project.resolve("cp.log") + "'; prev=\"$a\"; done\n"
        + "for a in \"$@\"; do case \"$a\" in *spark-jobs/target/classes*|*mlsysim-spark-jobs-*) "
        + "echo 'java spark' >> '" + log + "'; exit ${FAKE_JAVA_EXIT:-0};; esac; done\n"
        + "echo 'java engine' >> '" + log + "'\n");
  }

  private static void script(Path p, String body) throws Exception {
    Files.writeString(p, "#!/usr/bin/env bash\n" + body);
    p.toFile().setExecutable(true);
  }

  /** Runs the launcher and returns the calls it made (mvn …, java engine|spark). */
  List<String> launch(String... args) throws Exception {
    Files.deleteIfExists(log);
    List<String> cmd = new ArrayList<>(List.of(project.resolve("mlsysim").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(project.toFile());
    pb.environment().put("PATH", project.resolve("bin") + File.pathSeparator + System.getenv("PATH"));
    pb.environment().remove("MLSYSIM_SKIP_BUILD");
    pb.environment().remove("MLSYSIM_CDS");
    pb.environment().remove("MLSYSIM_JARS");
    pb.environment().putAll(env);
    if (javaOpts == null) {
      pb.environment().remove("MLSYSIM_JAVA_OPTS");
    } else {
      pb.environment().put("MLSYSIM_JAVA_OPTS", javaOpts);
    }
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "launcher did not finish");
    assertEquals(expectedExit, p.exitValue(), output);
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  /** The compiler tier of the JVM the launcher starts for these arguments. */
  String tier(String... args) throws Exception {
    Files.deleteIfExists(tiers);
    launch(args);
    List<String> t = Files.readAllLines(tiers);
    assertEquals(1, t.size(), t.toString());
    return t.get(0);
  }

  /** The class-data sharing flags the JVM got for these arguments. */
  List<String> cdsFlags(String... args) throws Exception {
    Path flags = project.resolve("cds.log");
    Files.deleteIfExists(flags);
    launch(args);
    return Files.exists(flags) ? Files.readAllLines(flags) : List.of();
  }

  List<String> archives() throws Exception {
    Path dir = project.resolve("spark-jobs/target/cds");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (var files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void theFirstStudyRunAfterABuildSavesAClassDataArchiveThatLaterSparkCommandsMap() throws Exception {
    assertEquals(List.of(), cdsFlags("study", "run", "s.yaml"), "no module jars yet: no archive");
    Path sparkJar = project.resolve("spark-jobs/target/mlsysim-spark-jobs-0.1.0-SNAPSHOT.jar");
    Path engineJar = project.resolve("engine/target/mlsysim-engine-0.1.0-SNAPSHOT.jar");
    Files.writeString(sparkJar, "spark-jobs classes");
    Files.writeString(engineJar, "engine classes");
    Files.writeString(project.resolve("spark-jobs/target/mlsysim-spark-jobs-0.1.0-SNAPSHOT-job.jar"), "job jar");

    assertEquals(List.of(), cdsFlags("study", "show"), "only a study run saves an archive");
    List<String> saving = cdsFlags("--quiet", "study", "run", "s.yaml");
    assertEquals(2, saving.size(), saving.toString());
    assertTrue(saving.get(0).matches("-XX:ArchiveClassesAtExit=.*/spark-jobs/target/cds/[0-9a-f]{16}\\.jsa\\.\\d+\\.tmp"),
        saving.toString());
    assertEquals("-Dmlsysim.cds.saving=true", saving.get(1));
    List<String> saved = archives();
    assertEquals(1, saved.size(), saved.toString());
    assertTrue(saved.get(0).matches("[0-9a-f]{16}\\.jsa"), saved.toString());
    String archive = project.resolve("spark-jobs/target/cds").resolve(saved.get(0)).toString();

    assertEquals(List.of("-XX:SharedArchiveFile=" + archive), cdsFlags("query", "SELECT 1"));
    assertEquals(List.of("-XX:SharedArchiveFile=" + archive), cdsFlags("study", "run", "s.yaml"));
    assertEquals(List.of(), cdsFlags("eval", "x"), "commands without Spark start without it");
    env.put("MLSYSIM_CDS", "0");
    assertEquals(List.of(), cdsFlags("query", "SELECT 1"));
    env.clear();
    env.put("MLSYSIM_JARS", "/opt/connectors/hadoop-aws.jar");
    assertEquals(List.of(), cdsFlags("query", "SELECT 1"), "extra jars are not in the archive");
    env.clear();

    // A rebuilt jar is another archive; a failed run saves none and leaves no partial file.
    Files.writeString(sparkJar, "spark-jobs classes, rebuilt");
    Files.setLastModifiedTime(sparkJar, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
    assertEquals(List.of(), cdsFlags("query", "SELECT 1"), "the old archive does not fit the new jar");
    env.put("FAKE_JAVA_EXIT", "1");
    expectedExit = 1;
    assertEquals(2, cdsFlags("study", "run", "s.yaml").size());
    assertEquals(saved, archives(), "a failed run keeps the old archive and leaves no .tmp");
    env.clear();
    expectedExit = 0;
    assertEquals(2, cdsFlags("study", "run", "s.yaml").size());
    List<String> resaved = archives();
    assertEquals(1, resaved.size(), resaved.toString());
    assertTrue(!resaved.equals(saved), "the new archive replaced the old one");
  }

  @Test
  void sparkCommandsRunOnTheModuleJarsEvenWhenTheBenchProfileLeftATestsJarBesideThem() throws Exception {
    // mvn -pl engine -Pbench package (docs/benchmarks.md) leaves mlsysim-engine-…-tests.jar, which
    // sorts before the module jar; a launcher that took the first match ran without the engine.
    for (String jar : List.of("engine/target/mlsysim-engine-0.1.0-SNAPSHOT-tests.jar",
        "engine/target/mlsysim-engine-0.1.0-SNAPSHOT-sources.jar", "engine/target/mlsysim-engine-0.1.0-SNAPSHOT.jar",
        "spark-jobs/target/mlsysim-spark-jobs-0.1.0-SNAPSHOT-job.jar",
        "spark-jobs/target/mlsysim-spark-jobs-0.1.0-SNAPSHOT-tests.jar",
        "spark-jobs/target/mlsysim-spark-jobs-0.1.0-SNAPSHOT.jar")) {
      Files.createDirectories(project.resolve(jar).getParent());
      Files.writeString(project.resolve(jar), jar);
    }
    launch("query", "SELECT 1");
    List<String> cp = List.of(Files.readString(project.resolve("cp.log")).strip().split(":"));
    assertEquals(project.resolve("spark-jobs/target/mlsysim-spark-jobs-0.1.0-SNAPSHOT.jar").toString(), cp.get(0));
    assertEquals(project.resolve("engine/target/mlsysim-engine-0.1.0-SNAPSHOT.jar").toString(), cp.get(1));
    assertTrue(cp.stream().noneMatch(e -> e.matches(".*-(tests|sources|job)\\.jar")), cp.toString());
  }

  @Test
  void everyCommandButStudyBenchRunsC1OnlyUnlessMlsysimJavaOptsAsksForC2() throws Exception {
    assertEquals("1", tier("study", "show"));
    assertEquals("1", tier("study", "run", "s.yaml"));
    assertEquals("1", tier("eval", "x"));
    assertEquals("4", tier("study", "bench"), "the benchmark's 11 M candidates repay C2");
    assertEquals("4", tier("--quiet", "study", "bench", "--master", "local[2]"));
    javaOpts = "-Xmx2g -XX:TieredStopAtLevel=4";
    assertEquals("4", tier("study", "show"));
    assertEquals("4", tier("eval", "x"));
    javaOpts = "-XX:TieredStopAtLevel=1";
    assertEquals("1", tier("study", "bench"));
  }

  @Test
  void globalOptionsBeforeASparkCommandStillRouteItToSpark() throws Exception {
    launch("eval", "x"); // builds the engine first
    launch("study", "show"); // and spark-jobs
    for (String[] line : List.of(new String[] {"--registry", "configs/x", "study", "show"},
        new String[] {"--plugins", "x.jar", "-o", "json", "study", "run", "s.yaml"},
        new String[] {"--output=json", "query", "SELECT 1"}, new String[] {"help", "study"},
        new String[] {"mcp", "--help"})) {
      assertEquals(List.of("java spark"), launch(line), String.join(" ", line));
    }
    for (String[] line : List.of(new String[] {"--registry", "study", "eval", "a", "b"}, new String[] {"help", "eval"},
        new String[] {"help"}, new String[] {"--version"}, new String[] {"-o", "json", "zoo", "hardware"})) {
      assertEquals(List.of("java engine"), launch(line), String.join(" ", line));
    }
  }

  /** A study builds both modules; eval afterwards starts at once, until an engine source changes. */
  @Test
  void aModuleIsRebuiltOnlyWhenOneOfItsSourcesChanged() throws Exception {
    assertEquals(List.of("mvn -B -q -Dstyle.color=never -pl spark-jobs -am package -DskipTests", "java spark"),
        launch("study", "show"));
    assertEquals(List.of("java engine"), launch("eval", "Llama3_8B", "H100"), "the study's build built the engine");
    assertEquals(List.of("java spark"), launch("study", "show"));
    // an edit after those builds, set by file times rather than by waiting: the stamps go 10 s
    // back, the source 5 s back, so the source is newer than the stamps and older than any new build
    long now = System.currentTimeMillis();
    for (String stamp : List.of("engine/target/.mlsysim-built", "spark-jobs/target/.mlsysim-built")) {
      Files.setLastModifiedTime(project.resolve(stamp), FileTime.fromMillis(now - 10_000));
    }
    Files.setLastModifiedTime(project.resolve("engine/src/main/java/A.java"), FileTime.fromMillis(now - 5_000));
    assertEquals(List.of("mvn -B -q -Dstyle.color=never -pl engine -am package -DskipTests", "java engine"),
        launch("eval", "Llama3_8B", "H100"));
    assertEquals(List.of("mvn -B -q -Dstyle.color=never -pl spark-jobs -am package -DskipTests", "java spark"),
        launch("study", "show"), "spark-jobs depends on the engine's sources too");
    assertEquals(List.of("java engine"), launch("eval", "Llama3_8B", "H100"));
  }

  /** The launcher skips the values of exactly the global options the Java side reads (GlobalArgs). */
  @Test
  void theLauncherSkipsTheValuesOfTheSameGlobalOptionsAsTheCli() throws Exception {
    String line = Files.readAllLines(LauncherTest.projectRoot().resolve("mlsysim")).stream()
        .filter(l -> l.contains("# global options whose value follows")).findFirst().orElseThrow();
    String pattern = line.trim().substring(0, line.trim().indexOf(')'));
    assertEquals(Set.copyOf(GlobalArgs.WITH_VALUE), Set.of(pattern.split("\\|")));
    String spark = Files.readAllLines(LauncherTest.projectRoot().resolve("mlsysim")).stream()
        .filter(l -> l.startsWith("case \"$first_command\" in")).findFirst().orElseThrow();
    String names = spark.substring(spark.indexOf(" in ") + 4, spark.indexOf(')'));
    assertEquals(GlobalArgs.SPARK_COMMANDS, Set.of(names.trim().split("\\|")));
  }
}

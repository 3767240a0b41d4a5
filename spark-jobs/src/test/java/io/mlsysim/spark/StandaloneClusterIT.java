package io.mlsysim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.dse.StudyPlan;
import io.mlsysim.dse.StudySpec;
import io.mlsysim.zoo.Zoo;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The job jar on a real Spark standalone cluster: a master and a worker (with its own executor
 * JVMs) on 127.0.0.1, built from the Maven jars of Spark, the quickstart submitted through
 * SparkSubmit exactly as spark-submit does. Its tables must hold the same results and the same
 * frontier as the study run on embedded local[1] and local[2]. The shipped serving and
 * single-device studies follow on the same cluster (same tables as on local[2]), beside a study
 * whose plugin resolver reaches the executors only through {@code --jars}. The single-device
 * study runs in cluster deploy mode, its spec shipped with {@code --files} and named by its file
 * name alone. Failing drivers: in client mode spark-submit exits non-zero; in cluster mode the
 * master records the driver as FAILED (Spark 4.2's standalone client reports the state and
 * exits 0 whatever it is). A spark-submit run writes no INFO line, and the job jar ships
 * neither jMetal's benchmark data nor the JSON schema tooling.
 */
class StandaloneClusterIT {
  static final Path TARGET = Path.of("target").toAbsolutePath();
  static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
  static final Path SPEC = PROJECT.resolve("configs/studies/quickstart.yaml");
  static final Path OVERLAY = PROJECT.resolve("configs/registry/examples");
  static final Path SERVING = PROJECT.resolve("configs/studies/serving.yaml");
  static final Path EDGE = PROJECT.resolve("configs/studies/edge.yaml");

  @Test
  void quickstartOnAStandaloneClusterMatchesLocalRuns() throws Exception {
    assertJobJarHoldsOnlyWhatJobsUse(Path.of(System.getProperty("mlsysim.jobJar")));
    Path sparkHome = sparkHome();
    Path work = Files.createTempDirectory(TARGET, "cluster-it");
    List<String> opens = Arrays.asList(System.getProperty("mlsysim.jvmOpens").trim().split("\\s+"));
    int masterPort = freePort();
    String masterUrl = "spark://127.0.0.1:" + masterPort;
    List<Process> started = new ArrayList<>();
    try {
      Process master = start(sparkHome, opens, work.resolve("master.log"), List.of(
          "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", "" + masterPort,
          "--webui-port", "" + freePort()));
      started.add(master);
      awaitLog(work.resolve("master.log"), "I have been elected leader", master);
      Process worker = start(sparkHome, opens, work.resolve("worker.log"), List.of(
          "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "2", "--memory", "3g",
          "--webui-port", "" + freePort(), masterUrl));
      started.add(worker);
      awaitLog(work.resolve("worker.log"), "Successfully registered with master", worker);

      Path clusterOut = work.resolve("cluster-tables");
      List<String> submit = new ArrayList<>(List.of("org.apache.spark.deploy.SparkSubmit", "--master", masterUrl,
          "--class", "io.mlsysim.spark.StudyJob",
          "--conf", "spark.executor.memory=1g",
          "--conf", "spark.executor.extraJavaOptions=" + String.join(" ", opens),
          "--conf", "spark.driver.host=127.0.0.1",
          "--conf", "spark.ui.enabled=false",
          System.getProperty("mlsysim.jobJar"), SPEC.toString(), "--out", clusterOut.toString(),
          "--run-id", "cluster", "--partitions", "4"));
      // The driver alone sees a zoo overlay (as on a laptop submitting to a cluster); the
      // executors must rebuild the driver's zoo from what the job ships, or every row is an error.
      Process job = start(sparkHome, opens, work.resolve("submit.log"), submit,
          Map.of(Zoo.OVERLAY_ENV, OVERLAY.toString()));
      started.add(job);
      assertTrue(job.waitFor(10, TimeUnit.MINUTES), "the job finished in time; see " + work.resolve("submit.log"));
      String log = Files.readString(work.resolve("submit.log"));
      assertEquals(0, job.exitValue(), "spark-submit failed:\n" + tail(log));
      assertTrue(log.contains("study quickstart run cluster:"), tail(log));
      assertNoInfoLines(log);

      // The serving and single-device studies, and a plugin resolver shipped with --jars, on the
      // same cluster: one core each, so two run side by side while this JVM runs the local side.
      Path pluginJar = TestPluginJar.build(work);
      Path pluginSpec = work.resolve("plugin.yaml");
      Files.writeString(pluginSpec, TestPluginJar.spec("plugin"));
      Map<String, Process> others = new java.util.LinkedHashMap<>();
      for (Path spec : List.of(SERVING, EDGE, pluginSpec)) {
        String name = spec.getFileName().toString().replace(".yaml", "");
        List<String> cmd = new ArrayList<>(List.of("org.apache.spark.deploy.SparkSubmit", "--master", masterUrl,
            "--class", "io.mlsysim.spark.StudyJob",
            "--conf", "spark.cores.max=1",
            "--conf", "spark.executor.memory=1g",
            "--conf", "spark.executor.extraJavaOptions=" + String.join(" ", opens),
            "--conf", "spark.driver.host=127.0.0.1",
            "--conf", "spark.ui.enabled=false"));
        if (spec == pluginSpec) {
          cmd.addAll(List.of("--jars", pluginJar.toString()));
        }
        // Cluster deploy mode: the driver runs on the worker and finds the spec among --files.
        boolean onCluster = spec == EDGE;
        if (onCluster) {
          cmd.addAll(clusterMode(opens));
          cmd.addAll(List.of("--files", spec.toString()));
        }
        cmd.addAll(List.of(System.getProperty("mlsysim.jobJar"), onCluster ? spec.getFileName().toString()
            : spec.toString(), "--out", work.resolve("cluster-" + name).toString(), "--run-id", "cluster",
            "--partitions", "2"));
        Process p = start(sparkHome, opens, work.resolve("submit-" + name + ".log"), cmd);
        started.add(p);
        others.put(name, p);
      }
      // A driver that fails in cluster mode (its spec was not shipped), and one in client mode.
      List<String> failing = new ArrayList<>(List.of("org.apache.spark.deploy.SparkSubmit", "--master", masterUrl,
          "--class", "io.mlsysim.spark.StudyJob", "--conf", "spark.ui.enabled=false"));
      failing.addAll(clusterMode(opens));
      failing.addAll(List.of(System.getProperty("mlsysim.jobJar"), "not-shipped.yaml", "--out",
          work.resolve("cluster-failing").toString()));
      Process failingCluster = start(sparkHome, opens, work.resolve("submit-failing-cluster.log"), failing);
      started.add(failingCluster);
      Process failingClient = start(sparkHome, opens, work.resolve("submit-failing-client.log"), List.of(
          "org.apache.spark.deploy.SparkSubmit", "--master", masterUrl, "--class", "io.mlsysim.spark.StudyJob",
          System.getProperty("mlsysim.jobJar"), SPEC.toString(), "--run-id", "scheduled__2026-12-01T02:15:00+00:00"));
      started.add(failingClient);

      // The same study on embedded local[1] and local[2], in this JVM.
      Zoo zoo = Zoo.builtIn();
      StudyPlan plan = StudyPlan.compile(StudySpec.read(SPEC), zoo);
      Path local1 = work.resolve("local1");
      Path local2 = work.resolve("local2");
      runLocal("local[1]", plan, zoo, local1, 3);
      SparkSession spark = Sessions.local("local[2]", "cluster-it");
      try {
        new StudyRunner(spark, null).run(plan, zoo, new StudyRunner.Options(local2.toString(), "local2", 7));
        Dataset<Row> cluster = content(spark, clusterOut);
        long rows = cluster.count();
        assertTrue(rows > 10_000, "cluster rows " + rows);
        for (Path other : List.of(local1, local2)) {
          Dataset<Row> o = content(spark, other);
          assertEquals(rows, o.count());
          assertEquals(0, cluster.exceptAll(o).count(), "cluster vs " + other);
          assertEquals(0, o.exceptAll(cluster).count(), other + " vs cluster");
          assertEquals(frontier(spark, clusterOut), frontier(spark, other), "frontier of " + other);
        }
        Row run = Tables.read(spark, clusterOut.toString(), Tables.RUNS).first();
        assertEquals(masterUrl, run.getAs("spark_master"));
        assertTrue(run.<String>getAs("zoo_overlays").contains("my-accelerator.yaml"), run.<String>getAs("zoo_overlays"));
        assertEquals(rows, run.<Long>getAs("rows"));
        assertTrue(run.<Long>getAs("executors") >= 1);
        assertTrue(Tables.read(spark, clusterOut.toString(), Tables.SOURCES).count() > 10);

        for (Map.Entry<String, Process> o : others.entrySet()) {
          Path logFile = work.resolve("submit-" + o.getKey() + ".log");
          assertTrue(o.getValue().waitFor(10, TimeUnit.MINUTES), "the job finished in time; see " + logFile);
          assertEquals(0, o.getValue().exitValue(), o.getKey() + " failed:\n" + tail(Files.readString(logFile)));
        }
        String edgeLog = Files.readString(work.resolve("submit-edge.log"));
        assertTrue(edgeLog.matches("(?s).*State of driver driver-\\S+ is FINISHED.*"), tail(edgeLog));

        assertTrue(failingClient.waitFor(5, TimeUnit.MINUTES), "the failing client-mode job ended");
        String clientLog = Files.readString(work.resolve("submit-failing-client.log"));
        assertEquals(1, failingClient.exitValue(), "spark-submit reports the driver's failure:\n" + clientLog);
        assertTrue(clientLog.strip().startsWith("error: --run-id 'scheduled__2026-12-01T02:15:00+00:00': "), clientLog);
        assertEquals(1, clientLog.strip().lines().count(), "one line, no trace:\n" + clientLog);
        assertTrue(failingCluster.waitFor(5, TimeUnit.MINUTES), "the failing cluster-mode job ended");
        String clusterLog = Files.readString(work.resolve("submit-failing-cluster.log"));
        assertTrue(clusterLog.matches("(?s).*State of driver driver-\\S+ is FAILED.*"), tail(clusterLog));
        assertTrue(driverStderr(work).contains("error: not-shipped.yaml: no such study file"), driverStderr(work));
        for (Path spec : List.of(SERVING, EDGE)) {
          String name = spec.getFileName().toString().replace(".yaml", "");
          Path onCluster = work.resolve("cluster-" + name);
          Path local = work.resolve("local-" + name);
          StudyPlan p = StudyPlan.compile(StudySpec.read(spec), zoo);
          new StudyRunner(spark, null).run(p, zoo, new StudyRunner.Options(local.toString(), "local2", 3));
          Dataset<Row> c = content(spark, onCluster);
          Dataset<Row> l = content(spark, local);
          assertTrue(c.filter("status = 'ok'").count() > 0, name + " has ok rows");
          assertEquals(l.count(), c.count(), name);
          assertEquals(0, c.exceptAll(l).count(), name + ": cluster vs local");
          assertEquals(frontier(spark, onCluster), frontier(spark, local), name + " frontier");
          assertEquals(1, Tables.read(spark, onCluster.toString(), Tables.RUNS).count(), name);
        }
        // The plugin is on no class path here: the executors loaded it from the jar --jars shipped.
        Dataset<Row> plugin = Tables.read(spark, work.resolve("cluster-plugin").toString(), Tables.RESULTS);
        assertEquals(3, plugin.filter("status = 'ok'").count(), "plugin study rows");
        String fpw = Arrays.stream(plugin.columns()).filter(c -> c.startsWith("flops_per_watt")).findFirst()
            .orElseThrow();
        assertEquals(989e12 / 700, plugin.filter("hardware = 'H100'").first().<Double>getAs(fpw), 1e3);
      } finally {
        spark.stop();
      }
    } finally {
      for (int i = started.size() - 1; i >= 0; i--) {
        stop(started.get(i));
      }
    }
  }

  /** Cluster deploy mode on the standalone master, spark-submit waiting for the driver's end. */
  private static List<String> clusterMode(List<String> opens) {
    return List.of("--deploy-mode", "cluster",
        "--conf", "spark.standalone.submit.waitAppCompletion=true",
        "--conf", "spark.driver.memory=512m",
        "--conf", "spark.driver.extraJavaOptions=" + String.join(" ", opens));
  }

  /** What the drivers that ran on the worker wrote to stderr. */
  private static String driverStderr(Path work) throws IOException {
    StringBuilder sb = new StringBuilder();
    try (java.util.stream.Stream<Path> files = Files.walk(work.resolve("worker"))) {
      for (Path f : files.filter(f -> f.getFileName().toString().equals("stderr")
          && f.getParent().getFileName().toString().startsWith("driver-")).toList()) {
        sb.append(Files.readString(f));
      }
    }
    return sb.toString();
  }

  private static void assertNoInfoLines(String log) {
    List<String> info = log.lines().filter(l -> l.matches(".*\\bINFO\\b.*")).toList();
    assertTrue(info.isEmpty(), info.size() + " INFO lines, e.g. " + info.stream().limit(3).toList());
  }

  /** Our code, the engine and what Spark lacks; not jMetal's benchmark data nor the CLI's schema tooling. */
  private static void assertJobJarHoldsOnlyWhatJobsUse(Path jar) throws IOException {
    try (java.util.jar.JarFile j = new java.util.jar.JarFile(jar.toFile())) {
      List<String> names = j.stream().map(java.util.jar.JarEntry::getName).toList();
      assertTrue(names.contains("io/mlsysim/spark/StudyJob.class"), jar.toString());
      assertTrue(names.contains(JobLogs.CONFIG), "the quiet log configuration ships");
      for (String banned : List.of("cec2005CompetitionResources/", "com/github/victools/", "com/networknt/")) {
        assertTrue(names.stream().noneMatch(n -> n.startsWith(banned)), banned + " is in " + jar);
      }
    }
  }

  private static void runLocal(String master, StudyPlan plan, Zoo zoo, Path out, int partitions) {
    SparkSession s = Sessions.local(master, "cluster-it-" + master);
    try {
      new StudyRunner(s, null).run(plan, zoo, new StudyRunner.Options(out.toString(), "local1", partitions));
    } finally {
      s.stop();
    }
  }

  /** Result content without the run id, which differs by design. */
  private static Dataset<Row> content(SparkSession spark, Path root) {
    return Tables.read(spark, root.toString(), Tables.RESULTS).drop("run_id");
  }

  private static List<String> frontier(SparkSession spark, Path root) {
    List<String> out = new ArrayList<>();
    for (Row r : Tables.read(spark, root.toString(), Tables.FRONTIER).select("candidate_id", "rank")
        .orderBy("candidate_id").collectAsList()) {
      out.add(r.getLong(0) + ":" + r.getInt(1));
    }
    return out;
  }

  /** SPARK_HOME from the Maven jars: jars/ links to Spark's artifacts, and a RELEASE file. */
  private static Path sparkHome() throws IOException {
    Path home = TARGET.resolve("spark-home");
    Path jars = home.resolve("jars");
    Files.createDirectories(jars);
    String cp = Files.readString(Path.of(System.getProperty("mlsysim.sparkClasspath"))).trim();
    for (String jar : cp.split(File.pathSeparator)) {
      Path src = Path.of(jar);
      Path link = jars.resolve(src.getFileName());
      if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Files.createSymbolicLink(link, src);
      }
    }
    Files.writeString(home.resolve("RELEASE"), "Spark from Maven jars, for the mlsysim cluster test\n");
    return home;
  }

  private static Process start(Path sparkHome, List<String> opens, Path log, List<String> mainAndArgs)
      throws IOException {
    return start(sparkHome, opens, log, mainAndArgs, Map.of());
  }

  private static Process start(Path sparkHome, List<String> opens, Path log, List<String> mainAndArgs,
      Map<String, String> extraEnv) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(opens);
    cmd.add("-Xmx1g");
    cmd.add("-cp");
    cmd.add(sparkHome.resolve("jars") + File.separator + "*");
    cmd.addAll(mainAndArgs);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    env.put("SPARK_HOME", sparkHome.toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.put("SPARK_WORKER_DIR", log.getParent().resolve("worker").toString());
    env.remove(Zoo.OVERLAY_ENV);
    env.putAll(extraEnv);
    return pb.start();
  }

  /**
   * Waits until the process writes {@code line} to its log: woken by file-system events on the
   * log's folder (inotify), so it returns as soon as the line lands, and fails fast if the
   * process dies first.
   */
  private static void awaitLog(Path log, String line, Process p) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    try (java.nio.file.WatchService watch = log.getFileSystem().newWatchService()) {
      log.getParent().register(watch, java.nio.file.StandardWatchEventKinds.ENTRY_CREATE,
          java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY);
      while (System.nanoTime() < deadline) {
        String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        if (text.contains(line)) {
          return;
        }
        if (!p.isAlive()) {
          throw new AssertionError(log + " ended before '" + line + "':\n" + tail(text));
        }
        java.nio.file.WatchKey key = watch.poll(1, TimeUnit.SECONDS); // next write, or recheck liveness
        if (key != null) {
          key.pollEvents();
          key.reset();
        }
      }
    }
    throw new AssertionError("no '" + line + "' in " + log + " after 90 s:\n" + tail(Files.readString(log)));
  }

  /** Stops a process we started, and the processes it started (executors), by their ids. */
  private static void stop(Process p) throws InterruptedException {
    List<ProcessHandle> children = p.descendants().toList();
    p.destroy();
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    for (ProcessHandle c : children) {
      c.destroy();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static String tail(String text) {
    return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
  }
}

package io.mlsysim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The S3 recipe of docs/object-stores.md, run as a user runs it: the launcher with the connector's
 * jars in MLSYSIM_JARS (fetched by the build exactly as the recipe fetches them), writing a
 * study's Delta tables to {@code s3a://} on S3Proxy, an S3-compatible server on 127.0.0.1 that
 * keeps each object as a file. Two runs of the quickstart commit through S3A and Delta's
 * single-driver log store; {@code mlsysim query} reads them back through S3; and a plain Spark
 * session, with no project code, reads the same objects from S3Proxy's folder as Delta tables.
 * A connector whose jars are incomplete is one line naming the missing class, exit 1.
 */
class ObjectStoreIT {
  static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
  static final Path JARS = Path.of(System.getProperty("mlsysim.objectStoreJars"));
  static final String HADOOP = System.getProperty("mlsysim.hadoopVersion");
  static final String BUCKET = "studies-bucket";
  static final Pattern DONE = Pattern.compile("run \\S+ done: ([\\d,]+) rows");

  @Test
  void theS3RecipeWritesAndReadsStudyTablesOnAnS3CompatibleServer() throws Exception {
    assertEquals(HADOOP, org.apache.hadoop.util.VersionInfo.getVersion(),
        "the connector is fetched at the Hadoop version Spark runs");
    Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "object-store-it");
    Path store = Files.createDirectories(work.resolve("s3"));
    Files.createDirectories(store.resolve(BUCKET)); // S3Proxy's file backend: a folder is a bucket
    int port = freePort();
    Path conf = work.resolve("s3proxy.conf");
    Files.writeString(conf, String.join("\n", "s3proxy.endpoint=http://127.0.0.1:" + port,
        "s3proxy.authorization=aws-v2-or-v4", "s3proxy.identity=it-key", "s3proxy.credential=it-secret",
        "jclouds.provider=filesystem", "jclouds.filesystem.basedir=" + store, ""));
    Path proxyLog = work.resolve("s3proxy.log");
    Process proxy = new ProcessBuilder("java", "-jar", jar("s3proxy-").toString(), "--properties", conf.toString())
        .redirectErrorStream(true).redirectOutput(proxyLog.toFile()).start();
    try {
      awaitLog(proxyLog, "Started Server", proxy);
      String out = "s3a://" + BUCKET + "/studies";
      Map<String, String> s3 = Map.of(
          "AWS_ACCESS_KEY_ID", "it-key", "AWS_SECRET_ACCESS_KEY", "it-secret", "AWS_REGION", "us-east-1",
          "MLSYSIM_JAVA_OPTS", "-Dspark.hadoop.fs.s3a.endpoint=http://127.0.0.1:" + port
              + " -Dspark.hadoop.fs.s3a.path.style.access=true -Dspark.hadoop.fs.s3a.connection.ssl.enabled=false"
              + " -Dspark.hadoop.fs.s3a.endpoint.region=us-east-1");
      String all = jars("hadoop-aws-", "bundle-", "analyticsaccelerator-s3-");

      // hadoop-aws and the SDK without the analytics stream library Hadoop 3.5 also needs
      Outcome partial = launch(work, withJars(s3, jars("hadoop-aws-", "bundle-")), "study", "run",
          "configs/studies/quickstart.yaml", "--out", out);
      assertEquals(1, partial.exit, partial.stderr);
      assertEquals("", partial.stdout);
      List<String> said = ours(partial.stderr);
      assertEquals(1, said.size(), partial.stderr);
      assertTrue(said.get(0).contains("a class it needs is not (software.amazon.s3.analyticsaccelerator"), said.get(0));

      Outcome first = launch(work, withJars(s3, all), "study", "run", "configs/studies/quickstart.yaml", "--out", out);
      assertEquals(0, first.exit, first.stderr);
      assertTrue(first.stdout.contains("Pareto frontier of quickstart"), first.stdout);
      Outcome second = launch(work, withJars(s3, all), "study", "run", "configs/studies/quickstart.yaml", "--out",
          out);
      assertEquals(0, second.exit, second.stderr);
      long rows = rows(first) + rows(second);

      Outcome query = launch(work, withJars(s3, all), "query", "--out", out, "-o", "json",
          "SELECT (SELECT count(*) FROM results) AS results, (SELECT count(*) FROM runs) AS runs");
      assertEquals(0, query.exit, query.stderr);
      assertTrue(query.stdout.replaceAll("\\s", "").contains("\"results\":" + rows + ",\"runs\":2"), query.stdout);

      // An outside reader: plain Spark with Delta, no project code, on the objects S3Proxy holds.
      Path tables = store.resolve(BUCKET).resolve("studies");
      SparkSession plain = SparkSession.builder().master("local[1]").appName("outside reader")
          .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
          .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
          .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog").getOrCreate();
      try {
        assertEquals(rows, plain.read().format("delta").load(tables.resolve("results").toString()).count());
        assertEquals(2, plain.read().format("delta").load(tables.resolve("runs").toString()).count());
        List<Row> unit = plain.read().format("delta").load(tables.resolve("columns").toString())
            .where("column = 'duration_s'").select("unit").distinct().collectAsList();
        assertEquals(1, unit.size(), unit.toString());
        assertEquals("s", unit.get(0).getString(0));
      } finally {
        plain.stop();
      }
    } finally {
      proxy.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  record Outcome(int exit, String stdout, String stderr) {}

  /** Runs the launcher from the project folder on the build's classes, as the documented commands do. */
  private static Outcome launch(Path work, Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(PROJECT.resolve("mlsysim").toString()));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(work, "stdout", ".txt");
    Path err = Files.createTempFile(work, "stderr", ".txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(PROJECT.toFile()).redirectInput(new File("/dev/null"))
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().put("MLSYSIM_SKIP_BUILD", "1");
    pb.environment().putAll(env);
    Process p = pb.start();
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "mlsysim " + String.join(" ", args) + " finished in time");
    return new Outcome(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static Map<String, String> withJars(Map<String, String> env, String jars) {
    Map<String, String> m = new java.util.HashMap<>(env);
    m.put("MLSYSIM_JARS", jars);
    return m;
  }

  /** The lines this project wrote: the AWS SDK bundle's shaded SLF4J announces itself on stderr. */
  private static List<String> ours(String stderr) {
    return stderr.lines().filter(l -> !l.startsWith("SLF4J:")).toList();
  }

  private static long rows(Outcome o) {
    Matcher m = DONE.matcher(o.stderr);
    assertTrue(m.find(), o.stderr);
    return Long.parseLong(m.group(1).replace(",", ""));
  }

  private static String jars(String... prefixes) throws Exception {
    List<String> paths = new ArrayList<>();
    for (String p : prefixes) {
      paths.add(jar(p).toString());
    }
    return String.join(":", paths);
  }

  private static Path jar(String prefix) throws Exception {
    try (var files = Files.list(JARS)) {
      List<Path> found = files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
      assertEquals(1, found.size(), "one " + prefix + "*.jar in " + JARS + ": " + found);
      return found.get(0);
    }
  }

  private static void awaitLog(Path log, String line, Process p) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(line)) {
        return;
      }
      assertTrue(p.isAlive(), "S3Proxy exited: " + (Files.exists(log) ? Files.readString(log) : ""));
      Thread.sleep(200);
    }
    throw new AssertionError("no '" + line + "' in " + log + " within 60 s");
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}

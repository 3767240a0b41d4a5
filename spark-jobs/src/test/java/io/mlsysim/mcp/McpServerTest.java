package io.mlsysim.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlsysim.cli.Cli;
import io.mlsysim.core.plugin.ResolverFactory;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mlsysim mcp} as an agent meets it: the server runs as a real subprocess (the CLI's main
 * class, as the launcher starts it) and the MCP Java SDK's own client talks to it over stdio.
 * Numbers are checked against {@code mlsysim run … -o json} and, where a published figure
 * exists, against the hand-derived value.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class McpServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dir;
  static Path root;
  static Path pluginJar;
  static McpSyncClient client;
  static long startupToToolsMillis;
  static McpSchema.ListToolsResult firstList;
  static final List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
  static final Path TRANSCRIPT = Path.of("target", "mcp-transcript.md");

  @BeforeAll
  static void startServer() throws Exception {
    Files.deleteIfExists(TRANSCRIPT);
    pluginJar = pluginJar(dir);
    root = dir.resolve("studies");
    List<String> command = serverCommand(root);
    ServerParameters params = ServerParameters.builder(command.get(0)).args(command.subList(1, command.size())).build();
    StdioClientTransport transport = new StdioClientTransport(params, new JacksonMcpJsonMapper(new ObjectMapper()));
    transport.setStdErrorHandler(line -> System.err.println("[server] " + line));
    long t0 = System.nanoTime();
    client = McpClient.sync(transport).requestTimeout(Duration.ofMinutes(6)).initializationTimeout(Duration.ofMinutes(2))
        .progressConsumer(progress::add).build();
    client.initialize();
    firstList = client.listTools();
    startupToToolsMillis = (System.nanoTime() - t0) / 1_000_000;
    System.err.println("mcp start-up to first tools/list answer: " + startupToToolsMillis + " ms");
  }

  @AfterAll
  static void stopServer() {
    if (client != null) {
      client.closeGracefully();
    }
  }

  @Test
  @Order(1)
  void everyResolverIsATool_pluginsIncluded_withSchemasFromThePorts() {
    Set<String> tools = new HashSet<>();
    firstList.tools().forEach(t -> tools.add(t.name()));
    ResolverFactory factory = ResolverFactory.withPlugins(List.of(pluginJar));
    for (String resolver : factory.listAvailable().keySet()) {
      assertTrue(tools.contains(resolver), "no tool for resolver " + resolver + " in " + tools);
    }
    assertTrue(tools.contains("PowerEfficiencyModel"), "the plugin jar's resolver is a tool");
    assertTrue(tools.containsAll(List.of("zoo_search", "evaluate", "explain", "study_run", "study_frontier",
        "study_query")), tools.toString());
    assertEquals(factory.listAvailable().size() + 6, tools.size(), "resolvers plus the six fixed tools");

    Tool trainingRun = tool("TrainingRunModel");
    Map<String, Object> props = props(trainingRun);
    Map<?, ?> rate = (Map<?, ?>) props.get("effective_throughput");
    assertEquals("1/s", rate.get("x-unit"));
    assertEquals(List.of("string", "number"), rate.get("type"));
    assertTrue(String.valueOf(rate.get("description")).contains("e.g. \"100 /s\""), rate.toString());
    assertEquals(2048, ((Number) ((Map<?, ?>) props.get("seq_len")).get("default")).intValue());
    assertEquals(List.of("workload", "effective_throughput"), trainingRun.inputSchema().get("required"));
    Map<?, ?> hardware = (Map<?, ?>) props(tool("SingleNodeModel")).get("hardware");
    assertTrue(((List<?>) hardware.get("enum")).contains("H100"), hardware.toString());
    Map<?, ?> precision = (Map<?, ?>) props(tool("SingleNodeModel")).get("precision");
    assertTrue(((List<?>) precision.get("enum")).containsAll(List.of("fp16", "bf16", "fp8")), precision.toString());
  }

  @Test
  @Order(2)
  void singleNodeModelGivesTheNumbersOfRunJson() throws Exception {
    Map<String, Object> in = new LinkedHashMap<>();
    in.put("workload", "Llama3_8B");
    in.put("hardware", "H100");
    in.put("batch", "8");
    in.put("precision", "bf16");
    in.put("efficiency", "0.45");
    CallToolResult r = call("SingleNodeModel", in);
    assertFalse(Boolean.TRUE.equals(r.isError()), text(r));
    assertSameNumbers(runJson("SingleNodeModel", in), structured(r));
    JsonNode latency = structured(r).get("results").get("latency");
    assertEquals("s", latency.get("unit").asText());
    assertTrue(latency.get("display").asText().matches(".*\\d.*(s|ms|us|µs)$"), latency.toString());
  }

  @Test
  @Order(3)
  void distributedThenTrainingRunAnswerTheThirtyDayQuestionWithUnits() throws Exception {
    Map<String, Object> in = new LinkedHashMap<>();
    in.put("fleet", "Training_512_H100");
    in.put("workload", "Llama3_70B");
    in.put("batch", "1024");
    in.put("tp", "8");
    in.put("pp", "4");
    in.put("microbatch_size", "1");
    in.put("precision", "bf16");
    in.put("zero_stage", "1");
    CallToolResult r = call("DistributedModel", in);
    assertFalse(Boolean.TRUE.equals(r.isError()), text(r));
    JsonNode dist = structured(r);
    assertSameNumbers(runJson("DistributedModel", in), dist);

    double samplesPerSecond = dist.get("results").get("effective_throughput").get("value").asDouble();
    CallToolResult run = call("TrainingRunModel", Map.of("workload", "Llama3_70B",
        "effective_throughput", samplesPerSecond + " /s"));
    JsonNode days = structured(run).get("results");
    // Llama 3 was trained on 15T tokens (Meta, 2024); a step of seq_len 2048 tokens per sample.
    assertEquals(15e12, days.get("training_tokens").get("value").asDouble(), 1);
    double tokensPerSecond = samplesPerSecond * 2048;
    assertEquals(tokensPerSecond, days.get("tokens_per_second").get("value").asDouble(), tokensPerSecond * 1e-12);
    assertEquals(15e12 / tokensPerSecond, days.get("duration").get("value").asDouble(), 1e-6 * 15e12 / tokensPerSecond);
    assertEquals("s", days.get("duration").get("unit").asText());
  }

  @Test
  @Order(4)
  void aPluginResolverAnswersWithTheDatasheetRatio() throws Exception {
    CallToolResult r = call("PowerEfficiencyModel", Map.of("hardware", "H100"));
    // H100 SXM: 989 TFLOP/s dense FP16 at 700 W (NVIDIA datasheet).
    JsonNode fpw = structured(r).get("results").get("flops_per_watt");
    assertEquals(989e12 / 700, fpw.get("value").asDouble(), 1);
    assertEquals("FLOP/s/W", fpw.get("unit").asText());
  }

  @Test
  @Order(5)
  void mistakesAreToolErrorsThatNameTheFieldAndTheFix_andTheServerStaysUp() throws Exception {
    CallToolResult typo = call("SingleNodeModel", Map.of("workload", "Llama3_8B", "hardware", "H10O"));
    assertTrue(typo.isError(), text(typo));
    assertTrue(text(typo).contains("H10O") && text(typo).contains("H100") && text(typo).toLowerCase().contains("did you mean"),
        text(typo));

    CallToolResult badUnit = call("TrainingRunModel", Map.of("workload", "Llama3_70B", "effective_throughput", "80 GB"));
    assertTrue(badUnit.isError(), text(badUnit));
    assertTrue(text(badUnit).contains("effective_throughput") && text(badUnit).contains("/s"), text(badUnit));

    CallToolResult unknownArg = call("SingleNodeModel", Map.of("workload", "Llama3_8B", "hardware", "H100",
        "batch_size", 8));
    assertTrue(unknownArg.isError() && text(unknownArg).contains("batch_size") && text(unknownArg).contains("batch"),
        text(unknownArg));

    // Llama 3 405B in FP16 is 810 GB of weights alone; an 80 GB H100 cannot hold it.
    CallToolResult tooBig = call("SingleNodeModel", Map.of("workload", "Llama3_405B", "hardware", "H100"));
    assertTrue(tooBig.isError(), text(tooBig));
    assertTrue(text(tooBig).startsWith("infeasible: ") && text(tooBig).contains("feasible"), text(tooBig));
    assertNotNull(tooBig.structuredContent(), "an infeasible result still carries its numbers");

    CallToolResult zooTypo = call("zoo_search", Map.of("kind", "hardware", "name", "H10O"));
    assertTrue(zooTypo.isError() && text(zooTypo).contains("H100"), text(zooTypo));

    CallToolResult after = call("zoo_search", Map.of("kind", "grids", "name", "Quebec"));
    assertFalse(Boolean.TRUE.equals(after.isError()), text(after));
    JsonNode quebec = structured(after).get("entries").get(0);
    assertEquals("Quebec", quebec.get("name").asText());
    assertTrue(quebec.get("provenance").has("origin"), quebec.toString());
  }

  @Test
  @Order(6)
  void evaluateAndExplainMirrorTheirCommands() throws Exception {
    CallToolResult card = call("evaluate", Map.of("workload", "Llama3_70B", "system", "Training_512_H100",
        "days", 30, "region", "Quebec"));
    JsonNode viaMcp = structured(card);
    JsonNode viaCli = JSON.readTree(cli("eval", "Llama3_70B", "Training_512_H100", "--days", "30.0", "--region",
        "Quebec", "-o", "json"));
    assertEquals(viaCli, viaMcp);

    CallToolResult explain = call("explain", Map.of("resolvers", List.of("TrainingRunModel", "DistributedModel"),
        "have", List.of("workload")));
    JsonNode e = structured(explain);
    assertEquals("DistributedModel", e.get("stages").get(0).get("resolver").asText(), "producer first");
    List<String> missing = new ArrayList<>();
    e.get("missing_inputs").forEach(m -> missing.add(m.get("name").asText()));
    // effective_throughput comes from DistributedModel and workload is in hand: only fleet is left.
    assertEquals(List.of("fleet"), missing);
  }

  @Test
  @Order(7)
  void aStudyRunsWithProgressAndIsQueried() throws Exception {
    String spec = String.join("\n", "name: mcp-small",
        "pipeline: [DistributedModel, TrainingRunModel, SustainabilityModel, EconomicsModel]",
        "fixed:", "  workload: Llama3_8B", "  batch: 256", "  grid: Quebec", "  tp: 8",
        "space:", "  fleet: [Lab_64_H100, Research_256]", "  precision: [bf16, fp8]",
        "objectives:", "  - minimize: duration_s", "  - minimize: tco_usd", "strategy: {kind: grid}", "");
    progress.clear();
    CallToolResult run = client.callTool(CallToolRequest.builder("study_run")
        .arguments(Map.of("spec", spec, "run_id", "r1")).progressToken("study-1").build());
    record("study_run", Map.of("spec", spec, "run_id", "r1"), run);
    assertFalse(Boolean.TRUE.equals(run.isError()), text(run));
    JsonNode s = structured(run);
    assertEquals("r1", s.get("run_id").asText());
    assertEquals(4, s.get("rows").asInt(), "2 fleets × 2 precisions");
    assertTrue(Files.isDirectory(root), "tables under the server's output root");
    assertFalse(progress.isEmpty(), "progress notifications arrive during the run");
    assertTrue(progress.stream().allMatch(p -> "study-1".equals(p.progressToken())), progress.toString());

    CallToolResult count = call("study_query", Map.of("sql",
        "SELECT count(*) AS n, count(DISTINCT fleet) AS fleets FROM results WHERE run_id = 'r1'"));
    JsonNode row = structured(count).get("rows").get(0);
    assertEquals(4, row.get("n").asInt());
    assertEquals(2, row.get("fleets").asInt());

    CallToolResult frontier = call("study_frontier", Map.of("study", "mcp-small"));
    JsonNode f = structured(frontier);
    assertEquals("r1", f.get("run_id").asText());
    CallToolResult rank1 = call("study_query", Map.of("sql",
        "SELECT count(*) AS n FROM frontier WHERE run_id = 'r1' AND rank = 1"));
    assertEquals(structured(rank1).get("rows").get(0).get("n").asLong(), f.get("rows_total").asLong());

    CallToolResult elsewhere = call("study_run", Map.of("spec", spec + "output:\n  path: " + dir.resolve("elsewhere") + "\n"));
    assertTrue(elsewhere.isError() && text(elsewhere).contains("output.path"), text(elsewhere));
    assertFalse(Files.exists(dir.resolve("elsewhere")), "nothing written outside the output root");
  }

  @Test
  @Order(8)
  void maliciousQueriesAreRefusedAndChangeNothing() throws Exception {
    Map<String, String> before = digests(root);
    Path secret = Files.writeString(dir.resolve("secret.csv"), "a,b\n1,2\n");
    List<String> attacks = List.of(
        "INSERT INTO results SELECT * FROM results",
        "INSERT OVERWRITE DIRECTORY '" + root + "/results' USING parquet SELECT * FROM runs",
        "DROP TABLE results",
        "DROP VIEW runs",
        "CREATE TABLE stolen USING parquet LOCATION '" + dir.resolve("stolen") + "' AS SELECT * FROM runs",
        "SET spark.sql.warehouse.dir=/tmp/elsewhere",
        "SELECT * FROM csv.`" + secret + "`",
        "SELECT * FROM parquet.`" + root + "`",
        "SELECT reflect('java.lang.System', 'getenv', 'HOME')",
        "SELECT java_method('java.lang.System', 'exit', 0)");
    for (String sql : attacks) {
      CallToolResult r = call("study_query", Map.of("sql", sql));
      assertTrue(Boolean.TRUE.equals(r.isError()), sql + " → " + text(r));
      assertTrue(text(r).contains("not allowed"), sql + " → " + text(r));
    }
    assertEquals(before, digests(root), "the tables' files are unchanged");
    assertFalse(Files.exists(dir.resolve("stolen")));
    CallToolResult stillServing = call("study_query", Map.of("sql", "SELECT count(*) AS n FROM runs"));
    assertEquals(1, structured(stillServing).get("rows").get(0).get("n").asInt());
  }

  @Test
  @Order(9)
  void zooEntriesAndSchemasAreResources() throws Exception {
    List<String> uris = new ArrayList<>();
    String cursor = null;
    do {
      McpSchema.ListResourcesResult page = client.listResources(cursor);
      page.resources().forEach(r -> uris.add(r.uri()));
      cursor = page.nextCursor();
    } while (cursor != null);
    assertTrue(uris.containsAll(List.of("mlsysim://schema/plan", "mlsysim://schema/study",
        "mlsysim://zoo/hardware/H100", "mlsysim://zoo/grids/Quebec")), uris.toString());
    McpSchema.ReadResourceResult h100 = client.readResource(McpSchema.ReadResourceRequest.builder("mlsysim://zoo/hardware/H100").build());
    JsonNode entry = JSON.readTree(((McpSchema.TextResourceContents) h100.contents().get(0)).text());
    assertEquals(989e12, entry.get("peak_flops").get("value").asDouble(), 1e9, "H100 dense FP16 peak");
    assertTrue(entry.get("provenance").get("source").has("kind"), entry.toString());
    McpSchema.ReadResourceResult plan = client.readResource(McpSchema.ReadResourceRequest.builder("mlsysim://schema/plan").build());
    JsonNode schema = JSON.readTree(((McpSchema.TextResourceContents) plan.contents().get(0)).text());
    assertEquals("MLSys·im plan", schema.get("title").asText());
  }

  @Test
  @Order(10)
  void startUpToTheFirstToolsListIsMeasured() {
    assertTrue(startupToToolsMillis > 0);
    System.out.println("mlsysim mcp start-up to first tools/list: " + startupToToolsMillis + " ms");
  }

  /**
   * A client that writes its requests and closes stdin at once still gets every answer, then the
   * server exits 0; stdout holds JSON-RPC lines and nothing else.
   */
  @Test
  @Order(11)
  void closingStdinEndsTheServerAfterItHasAnswered() throws Exception {
    List<String> command = new ArrayList<>(serverCommand(dir.resolve("studies-2")));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(String.join("\n",
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
              + "\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}",
          "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
          "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"zoo_search\","
              + "\"arguments\":{\"kind\":\"hardware\",\"name\":\"H100\"}}}", "").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES), "the server ends once stdin is closed");
    assertEquals(0, p.exitValue());
    List<JsonNode> messages = new ArrayList<>();
    for (String line : out.split("\n")) {
      messages.add(JSON.readTree(line)); // throws on anything that is not JSON
    }
    assertEquals(List.of(1, 2), messages.stream().map(m -> m.get("id").asInt()).toList(), out);
    assertTrue(messages.get(1).get("result").get("structuredContent").get("entries").get(0).get("name").asText()
        .equals("H100"), out);
  }

  // --- helpers ---

  private static List<String> serverCommand(Path out) {
    List<String> args = new ArrayList<>();
    args.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    args.addAll(List.of(System.getProperty("mlsysim.jvmOpens", "-XX:+IgnoreUnrecognizedVMOptions").split(" ")));
    args.addAll(List.of("-Xmx1g",
        "-Dlog4j2.configurationFile=io/mlsysim/spark/log4j2-quiet.properties",
        "-cp", System.getProperty("java.class.path"), Cli.class.getName(),
        "mcp", "--plugins", pluginJar.toString(), "--out", out.toString(), "--master", "local[1]"));
    return args;
  }

  private static Tool tool(String name) {
    return firstList.tools().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> props(Tool t) {
    return (Map<String, Object>) t.inputSchema().get("properties");
  }

  private static CallToolResult call(String tool, Map<String, Object> args) {
    CallToolResult r = client.callTool(CallToolRequest.builder(tool).arguments(args).build());
    record(tool, args, r);
    return r;
  }

  /**
   * Every call and its answer, as Markdown, in target/mcp-transcript.md: the example conversation
   * of docs/agents.md is taken from it, so the docs show what the server really says.
   */
  private static void record(String tool, Map<String, Object> args, CallToolResult r) {
    try {
      String answer = text(r);
      List<String> lines = answer.lines().toList();
      if (lines.size() > 40) {
        answer = String.join("\n", lines.subList(0, 40)) + "\n… (" + (lines.size() - 40) + " more lines)";
      }
      String entry = "### → " + tool + "\n\n```json\n" + JSON.writerWithDefaultPrettyPrinter().writeValueAsString(args)
          + "\n```\n\n← " + (Boolean.TRUE.equals(r.isError()) ? "tool error" : "result") + "\n\n```\n" + answer
          + "\n```\n\n";
      Files.writeString(TRANSCRIPT, entry, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String text(CallToolResult r) {
    return r.content().isEmpty() ? "" : ((TextContent) r.content().get(0)).text();
  }

  private static JsonNode structured(CallToolResult r) {
    return JSON.valueToTree(r.structuredContent());
  }

  /** {@code mlsysim run <resolver> --set k=v … -o json}, in this JVM. */
  private static JsonNode runJson(String resolver, Map<String, Object> in) throws IOException {
    List<String> args = new ArrayList<>(List.of("run", resolver));
    in.forEach((k, v) -> {
      args.add("--set");
      args.add(k + "=" + v);
    });
    args.addAll(List.of("-o", "json"));
    return JSON.readTree(cli(args.toArray(String[]::new)));
  }

  private static String cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
    assertTrue(code == 0, String.join(" ", args) + " → " + code + ": " + err);
    return out.toString();
  }

  /** Every field of the CLI's JSON equals the tool's value (quantities by their canonical value). */
  private static void assertSameNumbers(JsonNode cli, JsonNode tool) {
    assertEquals(cli.get("resolver"), tool.get("resolver"));
    Iterator<Map.Entry<String, JsonNode>> fields = cli.get("results").properties().iterator();
    int compared = 0;
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      JsonNode expected = f.getValue().isObject() && f.getValue().has("value") ? f.getValue().get("value") : f.getValue();
      JsonNode got = tool.get("results").get(f.getKey());
      assertNotNull(got, "tool result lacks " + f.getKey());
      assertEquals(expected, got.get("value"), f.getKey());
      if (f.getValue().isObject() && f.getValue().has("display")) {
        assertEquals(f.getValue().get("display"), got.get("display"), f.getKey());
        assertEquals(f.getValue().get("unit"), got.get("unit"), f.getKey());
      }
      compared++;
    }
    assertEquals(compared, tool.get("results").size(), "the tool has every output and no other");
    assertEquals(cli.get("trace"), tool.get("trace"));
  }

  static Map<String, String> digests(Path dir) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), io.mlsysim.text.Sha256.hex(Files.readAllBytes(p)));
      }
    }
    return out;
  }

  /** The engine's seed plugin (PowerEfficiencyModel and friends), compiled and jarred as a user would. */
  static Path pluginJar(Path work) throws IOException {
    Path src = Path.of("..", "engine", "src", "test", "plugin-example").toAbsolutePath().normalize();
    Path classes = Files.createDirectories(work.resolve("plugin-classes"));
    List<String> sources = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(src)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        if (p.toString().endsWith(".java")) {
          if (!p.getFileName().toString().endsWith("Test.java")) {
            sources.add(p.toString());
          }
        } else {
          Path out = classes.resolve(src.relativize(p).toString());
          Files.createDirectories(out.getParent());
          Files.copy(p, out);
        }
      }
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args = new ArrayList<>(List.of("--release", "17", "-proc:none", "-nowarn",
        "-cp", System.getProperty("java.class.path"), "-d", classes.toString()));
    args.addAll(sources);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(0, javac.run(null, null, err, args.toArray(String[]::new)), err.toString());
    Path jar = work.resolve("seed-plugins.jar");
    try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os);
        Stream<Path> walk = Files.walk(classes)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
        Files.copy(p, out);
        out.closeEntry();
      }
    }
    return jar;
  }
}

package io.mlsysim.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlsysim.core.plugin.ResolverFactory;
import io.mlsysim.spark.Sessions;
import io.mlsysim.zoo.Zoo;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mlsysim mcp}: a Model Context Protocol server on stdin/stdout for AI agents, built on the
 * official MCP Java SDK. stdout carries JSON-RPC only: everything else (Spark's logs, warnings,
 * progress copies) goes to stderr. The server ends when the client closes stdin.
 */
@Command(name = "mcp", mixinStandardHelpOptions = true,
    description = {"Serves the engine to AI agents over the Model Context Protocol (stdio): one tool per resolver "
        + "(plugins included), zoo_search, evaluate, explain, study_run, study_frontier, study_query; zoo entries "
        + "and schemas as resources.", "Register it with an MCP client as: mlsysim mcp (see docs/agents.md)."})
public final class McpCommand implements Callable<Integer> {
  @Option(names = "--plugins", paramLabel = "JAR|DIR", split = ":",
      description = "Extension jars (or folders of jars) whose resolvers become tools too; repeatable.")
  List<Path> plugins = new ArrayList<>();

  @Option(names = "--registry", paramLabel = "FILE|DIR", split = ":",
      description = "Zoo overlay files or folders (as MLSYSIM_REGISTRY); repeatable.")
  List<Path> registry = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "${env:MLSYSIM_STUDIES:-.mlsysim/studies}",
      description = "The output root: study_run writes only under it, study_query reads only it "
          + "(default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--master", paramLabel = "URL", defaultValue = Sessions.DEFAULT_MASTER,
      description = "Spark master of the study tools (default: ${DEFAULT-VALUE}).")
  String master;

  @Override
  public Integer call() throws InterruptedException {
    PrintStream rpc = System.out;
    System.setOut(System.err); // a stray println anywhere in the JVM must not corrupt the protocol
    Sessions.quietLogs();
    if (!registry.isEmpty()) {
      List<Path> all = new ArrayList<>(Zoo.overlaysFromEnvironment());
      all.addAll(registry);
      Zoo.setCurrent(Zoo.withOverlays(all));
    }
    ResolverFactory factory = plugins.isEmpty() ? ResolverFactory.standard() : ResolverFactory.withPlugins(plugins);
    factory.report().problems().forEach(p -> System.err.println("mlsysim mcp: warning: " + p));
    StudyContext studies = new StudyContext(out, master);
    RequestLedger ledger = new RequestLedger();
    StdioServerTransportProvider transport = new StdioServerTransportProvider(
        new JacksonMcpJsonMapper(new ObjectMapper()), ledger.in(System.in), ledger.out(rpc));
    McpSyncServer server = McpServerSetup.start(transport, factory, studies, version());
    System.err.println("mlsysim mcp: serving " + server.getServerInfo().name() + " on stdio; output root "
        + studies.root());
    ledger.awaitEnd();
    server.closeGracefully();
    studies.stop();
    return 0;
  }

  private static String version() {
    String v = McpCommand.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-SNAPSHOT" : v;
  }
}

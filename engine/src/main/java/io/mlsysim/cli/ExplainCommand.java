package io.mlsysim.cli;

import io.mlsysim.core.Port;
import io.mlsysim.core.Resolver;
import io.mlsysim.core.Schema;
import io.mlsysim.core.pipeline.CompiledPipeline;
import io.mlsysim.core.pipeline.InputSpec;
import io.mlsysim.core.pipeline.Pipeline;
import io.mlsysim.core.pipeline.Stage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code mlsysim explain <resolver…>}: the pipeline those resolvers form, its walls and inputs. */
@Command(name = "explain", description = "Show the pipeline DAG of resolvers, the walls covered and the inputs to supply.")
final class ExplainCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Parameters(arity = "1..*", paramLabel = "RESOLVER", description = "Resolver names, in any order.")
  List<String> resolvers;

  @Override
  public Integer call() throws Exception {
    List<Resolver<?>> list = new ArrayList<>();
    for (String name : resolvers) {
      list.add(global.factory().get(name));
    }
    Pipeline pipeline = Pipeline.of(list);
    if (global.format() == OutputFormat.JSON) {
      global.out().println(Listing.JSON.writeValueAsString(json(pipeline.compiled())));
    } else {
      global.out().print(pipeline.explain());
    }
    global.out().flush();
    return ExitCode.OK;
  }

  /** The same facts as the text, as data: stages in order, what each needs and gives, the inputs. */
  static Map<String, Object> json(CompiledPipeline plan) {
    TreeSet<Integer> walls = new TreeSet<>();
    List<Map<String, Object>> stages = new ArrayList<>();
    for (Stage s : plan.order()) {
      Schema schema = s.resolver().schema();
      List<Integer> stageWalls = new ArrayList<>();
      schema.walls().forEach(w -> stageWalls.add(w.number()));
      walls.addAll(stageWalls);
      List<Map<String, Object>> needs = new ArrayList<>();
      for (Port<?> p : schema.requires()) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("name", s.wiredName(p));
        String from = plan.producerOf(s.wiredName(p));
        n.put("from", from == null ? "input" : from);
        needs.add(n);
      }
      List<Map<String, Object>> gives = new ArrayList<>();
      for (Port<?> p : schema.produces()) {
        gives.add(Map.of("name", s.wiredName(p), "type", p.typeLabel()));
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("stage", s.name());
      m.put("resolver", schema.name());
      m.put("tier", schema.tier().id());
      m.put("walls", stageWalls);
      m.put("needs", needs);
      m.put("gives", gives);
      stages.add(m);
    }
    List<Map<String, Object>> required = new ArrayList<>();
    List<Map<String, Object>> optional = new ArrayList<>();
    for (InputSpec in : plan.inputs().values()) {
      Port<?> p = in.port();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", in.name());
      m.put("type", p.typeLabel());
      if (in.required()) {
        if (p.shape() == Port.Shape.QUANTITY) {
          m.put("example", p.kind().example());
        }
      } else {
        m.put("default", p.isNumeric() ? p.format(p.defaultNumber()) : String.valueOf(p.defaultObject()));
      }
      m.put("used_by", in.consumers());
      (in.required() ? required : optional).add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("walls_covered", new ArrayList<>(walls));
    out.put("stages", stages);
    out.put("required_inputs", required);
    out.put("optional_inputs", optional);
    return out;
  }
}

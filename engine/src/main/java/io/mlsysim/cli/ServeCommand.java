package io.mlsysim.cli;

import io.mlsysim.core.ResultView;
import io.mlsysim.core.pipeline.Pipeline;
import io.mlsysim.core.pipeline.PipelineResults;
import io.mlsysim.models.ServingModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mlsysim serve <workload> <hardware>}: TTFT, ITL, KV cache, memory and tokens/s of LLM serving. */
@Command(name = "serve", description = "LLM serving on one device: TTFT, ITL, KV cache, memory, tokens/s.")
final class ServeCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Parameters(index = "0", paramLabel = "WORKLOAD", description = "A transformer, e.g. Llama3_8B.")
  String workload;

  @Parameters(index = "1", paramLabel = "HARDWARE", description = "A device, e.g. H100.")
  String hardware;

  @Option(names = "--seq-len", defaultValue = "2048", description = "Context length in tokens, default ${DEFAULT-VALUE}.")
  int seqLen;

  @Option(names = {"--batch", "--batch-size"}, defaultValue = "1", description = "Concurrent sequences, default ${DEFAULT-VALUE}.")
  int batch;

  @Option(names = "--precision", defaultValue = "fp16", description = "fp32, tf32, bf16, fp16, fp8, int8, int4.")
  String precision;

  @Option(names = "--efficiency", defaultValue = "0.5", description = "Achieved fraction of peak, in (0, 1].")
  double efficiency;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Other inputs: decode_hardware=H200, draft_workload=Llama3_8B, cached_prefix=512, prefill_chunk=512 …")
  Map<String, String> extra = new LinkedHashMap<>();

  @Override
  public Integer call() {
    Map<String, Object> in = new LinkedHashMap<>();
    in.put("workload", workload);
    in.put("hardware", hardware);
    in.put("seq_len", seqLen);
    in.put("batch", batch);
    in.put("precision", precision);
    in.put("efficiency", efficiency);
    in.putAll(extra);
    ServingModel model = new ServingModel();
    PipelineResults results = Pipeline.of(model).run(in);
    ResultView view = results.view(model.name());
    ResultPrinter.print(global, List.of(view));
    return ResultPrinter.isInfeasible(view) ? ExitCode.INFEASIBLE : ExitCode.OK;
  }
}

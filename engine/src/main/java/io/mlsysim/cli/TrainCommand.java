package io.mlsysim.cli;

import io.mlsysim.core.Resolver;
import io.mlsysim.core.ResultView;
import io.mlsysim.core.pipeline.Pipeline;
import io.mlsysim.core.pipeline.PipelineResults;
import io.mlsysim.models.DistributedModel;
import io.mlsysim.models.EconomicsModel;
import io.mlsysim.models.SustainabilityModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mlsysim train <workload> <fleet>}: one distributed training step (3D parallelism),
 * memory per rank, MFU and scaling efficiency; with {@code --days}, the run's energy, carbon and
 * cost too.
 */
@Command(name = "train", description = "Distributed training step: time, memory per rank, MFU, scaling; energy and cost with --days.")
final class TrainCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Parameters(index = "0", paramLabel = "WORKLOAD", description = "A workload, e.g. Llama3_70B.")
  String workload;

  @Parameters(index = "1", paramLabel = "FLEET", description = "A cluster, e.g. Frontier_8K ('mlsysim zoo systems').")
  String fleet;

  @Option(names = {"--batch", "--batch-size"}, paramLabel = "N", defaultValue = "1024", description = "Global batch (sequences), default ${DEFAULT-VALUE}.")
  int batch;

  @Option(names = "--seq-len", paramLabel = "TOKENS", defaultValue = "2048", description = "Sequence length, default ${DEFAULT-VALUE}.")
  int seqLen;

  @Option(names = "--tp", defaultValue = "1", description = "Tensor-parallel degree.")
  int tp;

  @Option(names = "--pp", defaultValue = "1", description = "Pipeline-parallel degree.")
  int pp;

  @Option(names = "--ep", defaultValue = "1", description = "Expert-parallel degree.")
  int ep;

  @Option(names = "--microbatch-size", defaultValue = "1",
      description = "Sequences per micro-batch; micro-batches per step = batch/(dp·size).")
  int microbatchSize;

  @Option(names = "--sequence-parallel", description = "Split layer norms and dropouts across the TP ranks.")
  boolean sequenceParallel;

  @Option(names = "--precision", defaultValue = "bf16", description = "Training precision: fp32, tf32, bf16, fp16, fp8.")
  String precision;

  @Option(names = "--days", paramLabel = "DAYS", description = "Run length: adds energy, carbon, water and cost.")
  Double days;

  @Option(names = "--region", paramLabel = "GRID", description = "Grid for energy and carbon (default US_Avg), e.g. Quebec.")
  String region;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any other input, e.g. overlap_comm=true, zero_stage=1.")
  Map<String, String> extra = new LinkedHashMap<>();

  @Override
  public Integer call() {
    List<Resolver<?>> stages = new ArrayList<>(List.of(new DistributedModel()));
    Map<String, Object> in = new LinkedHashMap<>();
    in.put("workload", workload);
    in.put("fleet", fleet);
    in.put("batch", batch);
    in.put("seq_len", seqLen);
    in.put("tp", tp);
    in.put("pp", pp);
    in.put("ep", ep);
    in.put("microbatch_size", microbatchSize);
    in.put("sequence_parallel", sequenceParallel);
    in.put("precision", precision);
    if (days != null) {
      if (!(days > 0)) {
        throw new IllegalArgumentException("--days: must be positive, got " + days);
      }
      stages.add(new SustainabilityModel());
      stages.add(new EconomicsModel());
      in.put("duration", days + " days");
      if (region != null) {
        in.put("grid", region);
      }
    } else if (region != null) {
      throw new IllegalArgumentException("--region: only meaningful with --days (energy and carbon need a duration)");
    }
    in.putAll(extra);
    PipelineResults results = Pipeline.of(stages).run(in);
    List<ResultView> views = new ArrayList<>();
    boolean infeasible = false;
    for (String stage : results.stageNames()) {
      ResultView v = results.view(stage);
      views.add(v);
      infeasible |= ResultPrinter.isInfeasible(v);
    }
    ResultPrinter.print(global, views);
    return infeasible ? ExitCode.INFEASIBLE : ExitCode.OK;
  }
}

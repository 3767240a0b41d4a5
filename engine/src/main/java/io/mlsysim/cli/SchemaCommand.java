package io.mlsysim.cli;

import io.mlsysim.plans.PlanSpec;
import io.mlsysim.zoo.spec.HardwareSpec;
import io.mlsysim.zoo.spec.WorkloadSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlsysim schema plan|hardware|workload|study}: JSON Schema for editors and CI linters. */
@Command(name = "schema", description = "Print the JSON Schema of a plan, a hardware or workload entry, or a study.")
final class SchemaCommand implements Callable<Integer> {
  /** Schema subjects: the types the YAML readers bind to. */
  static final Map<String, Class<?>> SUBJECTS = new LinkedHashMap<>();

  static {
    SUBJECTS.put("plan", PlanSpec.class);
    SUBJECTS.put("hardware", HardwareSpec.class);
    SUBJECTS.put("workload", WorkloadSpec.class);
    SUBJECTS.put("study", io.mlsysim.dse.StudyFile.class);
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SUBJECT", description = "plan, hardware, workload or study.")
  String subject;

  @Override
  public Integer call() throws Exception {
    Class<?> type = SUBJECTS.get(subject.toLowerCase(java.util.Locale.ROOT));
    if (type == null) {
      throw new IllegalArgumentException("schema: unknown subject '" + subject + "'; use one of "
          + String.join(", ", SUBJECTS.keySet()));
    }
    String title = "MLSys·im " + subject.toLowerCase(java.util.Locale.ROOT);
    spec.commandLine().getOut().println(Listing.JSON.writeValueAsString(JsonSchemas.of(type, title)));
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }
}

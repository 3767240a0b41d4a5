package io.mlsysim.dse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.zoo.Zoo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A cluster executor does not see the driver's overlay files. A compiled study carries them, so
 * an executor whose zoo is the built-in one still evaluates candidates that name overlay entries.
 * The executor is simulated by serialising the plan (as Spark's broadcast does) and reading it
 * back in a JVM whose current zoo is the built-in one.
 */
class ShippedOverlaysTest {
  static final String STUDY = """
      name: overlay
      pipeline: [SingleNodeModel]
      fixed: {workload: Llama3_8B, batch: 8}
      space:
        hardware: [H100, Acme_X1]
      objectives:
        - minimize: latency_s
      """;

  @Test
  void anExecutorWithoutTheOverlayFilesRebuildsTheDriversZoo() throws Exception {
    Zoo builtIn = Zoo.builtIn();
    Zoo driver = Zoo.withOverlays(List.of(Path.of("../configs/registry/examples")));
    assertNotEquals(builtIn.digest(), driver.digest(), "the overlay adds an entry");
    Zoo before = Zoo.current();
    try {
      Zoo.setCurrent(driver);
      StudyPlan plan = StudyPlan.compile(StudySpec.parse("overlay.yaml", STUDY), driver);
      byte[] shipped = serialise(plan);

      Zoo.setCurrent(builtIn); // the executor JVM: built-ins only, no MLSYSIM_REGISTRY
      StudyPlan onExecutor = deserialise(shipped);
      Candidate c = onExecutor.space().newCandidate();
      Evaluation e = new Evaluation(onExecutor.results().size());
      int latency = onExecutor.results().stream().map(ResultField::name).toList().indexOf("latency_s");
      double[] latencies = new double[2];
      for (long i = 0; i < 2; i++) {
        onExecutor.strategy().fill(i, c);
        onExecutor.evaluate(c, e);
        assertEquals(Evaluation.Status.OK, e.status, e.reason);
        latencies[(int) i] = e.values[latency];
      }
      assertEquals(driver.digest(), Zoo.current().digest(), "the executor adopted the driver's zoo");
      assertTrue(Zoo.current().hardware().contains("Acme_X1"));

      // The driver's own evaluation of the same candidates gives the same numbers.
      Zoo.setCurrent(driver);
      Candidate d = plan.space().newCandidate();
      Evaluation de = new Evaluation(plan.results().size());
      for (long i = 0; i < 2; i++) {
        plan.strategy().fill(i, d);
        plan.evaluate(d, de);
        assertEquals(de.values[latency], latencies[(int) i], 0.0);
      }
      assertNotEquals(latencies[0], latencies[1], "H100 and Acme_X1 differ");
    } finally {
      Zoo.setCurrent(before);
    }
  }

  @Test
  void theDriversOverlaysWinOverAnExecutorsOwn(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path example = Path.of("../configs/registry/examples/my-accelerator.yaml");
    Path slower = dir.resolve("slower.yaml");
    java.nio.file.Files.writeString(slower, java.nio.file.Files.readString(example)
        .replace("bandwidth: 4.8 TB/s", "bandwidth: 1.2 TB/s"));
    Zoo driver = Zoo.withOverlays(List.of(example));
    Zoo executorOwn = Zoo.withOverlays(List.of(slower));
    assertNotEquals(driver.digest(), executorOwn.digest());
    Zoo before = Zoo.current();
    try {
      Zoo.setCurrent(driver);
      StudyPlan plan = StudyPlan.compile(StudySpec.parse("overlay.yaml", STUDY), driver);
      Candidate c = plan.space().newCandidate();
      Evaluation e = new Evaluation(plan.results().size());
      plan.strategy().fill(1, c); // Acme_X1
      plan.evaluate(c, e);
      double onDriver = e.values[0];
      byte[] shipped = serialise(plan);

      Zoo.setCurrent(executorOwn); // an executor whose MLSYSIM_REGISTRY names another file
      StudyPlan onExecutor = deserialise(shipped);
      onExecutor.evaluate(c, e);
      assertEquals(Evaluation.Status.OK, e.status, e.reason);
      assertEquals(onDriver, e.values[0], 0.0, "evaluated with the driver's Acme_X1, not the executor's");
      assertEquals(driver.digest(), Zoo.current().digest());
    } finally {
      Zoo.setCurrent(before);
    }
  }

  @Test
  void anExecutorThatCannotRebuildTheZooGivesErrorRowsThatSaySo() throws Exception {
    Zoo driver = Zoo.withOverlays(List.of(Path.of("../configs/registry/examples")));
    Zoo before = Zoo.current();
    try {
      Zoo.setCurrent(driver);
      StudyPlan plan = deserialise(serialise(StudyPlan.compile(StudySpec.parse("overlay.yaml", STUDY), driver)));
      // As if the driver ran another engine version: its digest cannot be rebuilt here.
      var evaluator = StudyPlan.class.getDeclaredField("evaluator");
      evaluator.setAccessible(true);
      Object bound = evaluator.get(plan);
      var digest = bound.getClass().getDeclaredField("zooDigest");
      digest.setAccessible(true);
      digest.set(bound, "f".repeat(64));
      Zoo.setCurrent(Zoo.builtIn());
      Candidate c = plan.space().newCandidate();
      Evaluation e = new Evaluation(plan.results().size());
      java.util.Set<String> reasons = new java.util.HashSet<>();
      for (long i = 0; i < 2; i++) {
        plan.strategy().fill(i, c);
        plan.evaluate(c, e);
        assertEquals(Evaluation.Status.ERROR, e.status);
        reasons.add(e.reason);
      }
      assertEquals(1, reasons.size(), "every candidate fails with the same reason");
      assertTrue(reasons.iterator().next().contains("same engine version"), reasons.toString());
      assertEquals(Zoo.builtIn().digest(), Zoo.current().digest(), "a failed rebuild leaves the executor's zoo alone");
    } finally {
      Zoo.setCurrent(before);
    }
  }

  private static byte[] serialise(Object o) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    return bytes.toByteArray();
  }

  private static StudyPlan deserialise(byte[] b) throws Exception {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b))) {
      return (StudyPlan) in.readObject();
    }
  }
}

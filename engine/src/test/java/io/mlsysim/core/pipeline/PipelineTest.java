package io.mlsysim.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.core.InvalidInputException;
import io.mlsysim.core.Result;
import io.mlsysim.core.pipeline.Fixtures.IsBig;
import io.mlsysim.core.pipeline.Fixtures.Recorder;
import io.mlsysim.core.pipeline.Fixtures.Scale;
import io.mlsysim.core.pipeline.Fixtures.Scalar;
import io.mlsysim.core.pipeline.Fixtures.ToBytes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineTest {

  @Test
  void stagesListedInTheWrongOrderRunInDependencyOrder() {
    Pipeline p = Pipeline.of(new IsBig(), new ToBytes(), new Scale());
    Recorder rec = new Recorder();
    p.register(rec);
    PipelineResults r = p.run(Map.of("seconds", "500 ms", "rate", "3 GB/s"));
    assertEquals(List.of("Scale", "ToBytes", "IsBig"), r.stageNames());
    assertEquals(List.of("pipeline-start", "start:Scale", "end:Scale", "start:ToBytes", "end:ToBytes",
        "start:IsBig", "end:IsBig", "pipeline-end"), rec.events);
    // 0.5 s × default factor 2 × 3e9 B/s = 3e9 B
    assertEquals(3e9, r.get("ToBytes", Scalar.class).value(), 1e-3);
    assertEquals("true", r.view("IsBig").field("big").formatted());
    assertEquals("B", r.view("ToBytes").field("bytes").unit());
  }

  @Test
  void twoProducersOfOnePortFailAtConstruction() {
    PipelineException e = assertThrows(PipelineException.class,
        () -> Pipeline.of(new Scale(), new Scale(), new ToBytes()));
    assertTrue(e.getMessage().contains("'scaled'"), e.getMessage());
    assertTrue(e.getMessage().contains("'Scale'") && e.getMessage().contains("'Scale#2'"), e.getMessage());
  }

  @Test
  void unitMismatchFailsAtConstructionNamingBothStagesAndThePort() {
    PipelineException e = assertThrows(PipelineException.class, () -> Pipeline.builder()
        .add(new Fixtures.WantsBytesAsTime()).add(new ToBytes()).add(new Scale()).build());
    String m = e.getMessage();
    assertTrue(m.contains("'bytes'") && m.contains("'ToBytes'") && m.contains("'WantsBytesAsTime'"), m);
    assertTrue(m.contains("data size") && m.contains("time"), m);
  }

  @Test
  void missingInputFailsAtConstructionWhenInputsAreDeclared() {
    PipelineException e = assertThrows(PipelineException.class,
        () -> Pipeline.builder().add(new ToBytes()).add(new Scale()).input("seconds").build());
    assertTrue(e.getMessage().contains("'ToBytes'") && e.getMessage().contains("'rate'"), e.getMessage());
    // Declared correctly it builds; "factor" has a default, so it need not be declared.
    Pipeline ok = Pipeline.builder().add(new ToBytes()).add(new Scale()).input("seconds", "rate").build();
    assertEquals(2, ok.stages().size());
    PipelineException typo = assertThrows(PipelineException.class,
        () -> Pipeline.builder().add(new Scale()).input("second").build());
    assertTrue(typo.getMessage().contains("seconds"), typo.getMessage());
  }

  @Test
  void cyclesAreRefused() {
    var a = new io.mlsysim.core.Model<Scalar>(io.mlsysim.core.Schema.model("Loop")
        .requires(Fixtures.BYTES_IN).produces(Fixtures.SCALED).build()) {
      @Override
      public Scalar evaluate(io.mlsysim.core.Inputs in) {
        return new Scalar(0, Fixtures.SCALED);
      }
    };
    PipelineException e = assertThrows(PipelineException.class, () -> Pipeline.of(a, new ToBytes()));
    assertTrue(e.getMessage().contains("cycle"), e.getMessage());
  }

  @Test
  void runRefusesUnknownAndMissingInputsBeforeAnyStageRuns() {
    Pipeline p = Pipeline.of(new Scale(), new ToBytes());
    Recorder rec = new Recorder();
    p.register(rec);
    PipelineException unknown = assertThrows(PipelineException.class,
        () -> p.run(Map.of("secnds", "1 s", "rate", "1 GB/s")));
    assertTrue(unknown.getMessage().contains("did you mean seconds"), unknown.getMessage());
    PipelineException missing = assertThrows(PipelineException.class, () -> p.run(Map.of("seconds", "1 s")));
    assertTrue(missing.getMessage().contains("'rate'") && missing.getMessage().contains("ToBytes"),
        missing.getMessage());
    InvalidInputException negative = assertThrows(InvalidInputException.class,
        () -> p.run(Map.of("seconds", -1.0, "rate", "1 GB/s")));
    assertEquals("seconds", negative.port());
    assertThrows(IllegalArgumentException.class, () -> p.run(Map.of("seconds", "1 GB", "rate", "1 GB/s")));
    assertTrue(rec.events.isEmpty(), "no stage may run on bad input: " + rec.events);
  }

  @Test
  void explainShowsTheDagWallsAndInputs() {
    String text = Pipeline.of(new IsBig(), new ToBytes(), new Scale()).explain();
    assertTrue(text.contains("walls covered: 3, 4"), text);
    assertTrue(text.indexOf("1. Scale") < text.indexOf("2. ToBytes"), text);
    assertTrue(text.contains("scaled ← Scale"), text);
    String required = text.substring(text.indexOf("Inputs you must supply"), text.indexOf("Optional inputs"));
    assertTrue(required.contains("seconds: time [s]") && required.contains("rate: bandwidth"), text);
    assertFalse(required.contains("factor"), text);
    assertTrue(text.substring(text.indexOf("Optional inputs")).contains("factor: dimensionless number [1] = 2"), text);
  }

  @Test
  void twoInstancesOfOneResolverGetDistinctNamesWithRenamedPorts() {
    Pipeline p = Pipeline.builder()
        .add(new Scale())
        .add("ScaleAgain", new Scale(), Map.of("scaled", "scaled_twice", "seconds", "scaled"))
        .build();
    PipelineResults r = p.run(Map.of("seconds", 3.0));
    assertEquals(6.0, r.get("Scale", Scalar.class).value());
    assertEquals(12.0, r.get("ScaleAgain", Scalar.class).value());
    PipelineException dup = assertThrows(PipelineException.class,
        () -> Pipeline.builder().add("x", new Scale()).add("x", new ToBytes()).build());
    assertTrue(dup.getMessage().contains("'x'"));
  }

  @Test
  void aThrowingCallbackIsReportedByNameAndDoesNotCorruptTheRun() {
    Pipeline p = Pipeline.of(new Scale(), new ToBytes());
    PipelineCallback broken = new PipelineCallback() {
      @Override
      public String name() {
        return "broken-logger";
      }

      @Override
      public void onStageEnd(String stage, Result result) {
        throw new IllegalStateException("logger down");
      }
    };
    Recorder after = new Recorder();
    p.register(broken).register(after);
    PipelineResults r = p.run(Map.of("seconds", 1.0, "rate", 10.0));
    assertEquals(20.0, r.get("ToBytes", Scalar.class).value());
    assertEquals(2, r.callbackFailures().size());
    CallbackFailure f = r.callbackFailures().get(0);
    assertEquals("broken-logger", f.callback());
    assertEquals("Scale", f.stage());
    assertTrue(f.toString().contains("broken-logger") && f.toString().contains("logger down"));
    assertEquals(6, after.events.size(), "later callbacks still see every event");
  }

  @Test
  void aFailingStageFiresOnStageErrorAndPropagates() {
    Pipeline p = Pipeline.of(new Scale(), new ToBytes(), new Fixtures.Fails());
    Recorder rec = new Recorder();
    p.register(rec);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> p.run(Map.of("seconds", 1.0, "rate", 10.0)));
    assertEquals("bytes", e.port());
    assertEquals("error:Fails", rec.events.get(rec.events.size() - 1));
  }

  @Test
  void undeclaredPortReadsAreRefused() {
    Pipeline p = Pipeline.of(new Scale(), new ToBytes(), new Fixtures.Sneaky());
    PipelineException e = assertThrows(PipelineException.class,
        () -> p.run(Map.of("seconds", 1.0, "rate", 10.0)));
    assertTrue(e.getMessage().contains("'Sneaky'") && e.getMessage().contains("'rate'"), e.getMessage());
  }

  @Test
  void framesAreReusableForBatchEvaluation() {
    CompiledPipeline plan = Pipeline.of(new Scale(), new ToBytes(), new IsBig()).compiled();
    Frame frame = plan.newFrame();
    frame.setDouble(Fixtures.RATE, 1e9);
    int seconds = plan.numericSlot("seconds");
    for (int i = 0; i < 4; i++) {
      frame.setDoubleAt(seconds, i);
      plan.evaluate(frame);
      assertEquals(2e9 * i, frame.getDouble(Fixtures.BYTES));
      assertEquals(2e9 * i > 1e9, frame.getFlag(Fixtures.BIG));
    }
    assertEquals(2.0, frame.getDouble(Fixtures.FACTOR), "defaults are filled in");
    assertThrows(InvalidInputException.class, () -> frame.setDouble(Fixtures.SECONDS, -1));
  }
}

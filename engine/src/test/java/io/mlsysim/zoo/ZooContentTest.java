package io.mlsysim.zoo;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlsysim.Hardware;
import io.mlsysim.Infrastructure;
import io.mlsysim.Scenarios;
import io.mlsysim.Systems;
import io.mlsysim.Workloads;
import io.mlsysim.hardware.HardwareNode;
import io.mlsysim.hardware.LinkDirection;
import io.mlsysim.hardware.Precision;
import io.mlsysim.infrastructure.GridProfile;
import io.mlsysim.provenance.Provenance;
import io.mlsysim.scenarios.Scenario;
import io.mlsysim.systems.Fleet;
import io.mlsysim.systems.Node;
import io.mlsysim.workloads.SparseTransformerWorkload;
import io.mlsysim.workloads.TransformerWorkload;
import io.mlsysim.workloads.Workload;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The built-in zoo against the reference registry values. Every expected number is written as the
 * reference states it and converted here (GiB = 2^30 B, Gbps = 1e9 bit/s, "bi" totals halved).
 */
class ZooContentTest {
  private static final double GIB = Math.pow(2, 30);
  private static final double TIB = Math.pow(2, 40);
  private static final double KIB = 1024;
  private static final double MIB = Math.pow(2, 20);
  private static final double HOUR = 3600;

  private final Zoo zoo = Zoo.current();

  private static void close(double expected, double actual, String what) {
    assertEquals(expected, actual, Math.abs(expected) * 1e-9, what);
  }

  // ---- counts ---------------------------------------------------------------------------

  @Test
  void registryCountsMatchTheReference() {
    assertAll(
        () -> assertEquals(45, zoo.hardware().size(), "hardware"),
        () -> assertEquals(26, zoo.hardware().list("cloud").size(), "cloud hardware"),
        () -> assertEquals(19, zoo.hardware().size() - zoo.hardware().list("cloud").size(), "other hardware"),
        () -> assertEquals(26, zoo.workloads().size(), "workloads"),
        // The reference's 4 nodes and 11 clusters, plus Selene's node and its 10 Megatron-LM run sizes.
        () -> assertEquals(4 + 1, zoo.nodes().size(), "nodes"),
        () -> assertEquals(10, zoo.fabrics().size(), "fabrics"),
        () -> assertEquals(11 + 10, zoo.fleets().size(), "clusters"),
        () -> assertEquals(1, zoo.racks().size(), "racks"),
        () -> assertEquals(1, zoo.pods().size(), "pods"),
        () -> assertEquals(6, zoo.storage().size(), "storage tiers"),
        () -> assertEquals(7, zoo.reliability().size(), "reliability"),
        () -> assertEquals(3, zoo.recovery().size(), "recovery phases"),
        () -> assertEquals(12, zoo.grids().size(), "grids"),
        () -> assertEquals(6, zoo.cooling().size(), "cooling"),
        () -> assertTrue(zoo.datacenters().size() >= 3, "datacenters"),
        () -> assertEquals(8, zoo.prices().size(), "prices"),
        () -> assertEquals(9, zoo.scenarios().size(), "scenarios"));
  }

  @Test
  void indexListsEveryDataFile() throws Exception {
    Path index = Path.of(getClass().getClassLoader().getResource("io/mlsysim/zoo/data/index.txt").toURI());
    Path data = index.getParent();
    List<String> listed = new ArrayList<>();
    for (String line : Files.readAllLines(index)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        listed.add(line.trim());
      }
    }
    List<String> present;
    try (Stream<Path> files = Files.walk(data)) {
      present = files.filter(f -> f.toString().endsWith(".yaml"))
          .map(f -> data.relativize(f).toString().replace('\\', '/')).sorted().toList();
    }
    assertEquals(present, listed.stream().sorted().toList());
  }

  @Test
  void hardwareTiersAreTheFiveKnownOnes() {
    assertEquals(List.of("cloud", "workstation", "mobile", "edge", "tiny"), zoo.hardware().tiers());
    assertEquals(List.of("language", "vision", "tiny", "recommendation", "generative"), zoo.workloads().tiers());
  }

  // ---- provenance ---------------------------------------------------------------------------

  @Test
  void everyEntryHasAProvenanceThatKeepsTheRules() throws Exception {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Map.Entry<String, Registry<?>> r : zoo.registries().entrySet()) {
      for (ZooEntry<?> e : r.getValue().entries()) {
        checked++;
        assertTrue(e.isBuiltIn(), e.name() + " should be built in");
        Object value = e.value();
        Provenance p = (Provenance) value.getClass().getMethod("source").invoke(value);
        String where = r.getKey() + "/" + e.name();
        if (p == null) {
          problems.add(where + ": no source");
          continue;
        }
        if (!p.id().endsWith("/" + e.name())) {
          problems.add(where + ": provenance id " + p.id());
        }
        if (p.kind().needsUrl() && !p.url().startsWith("https://")) {
          problems.add(where + ": " + p.kind().id() + " without an https url");
        }
        if (p.kind().needsNotes() && p.notes().isBlank()) {
          problems.add(where + ": " + p.kind().id() + " without notes");
        }
        if (p.ref().isBlank()) {
          problems.add(where + ": no ref");
        }
        if (p.verified() == null) {
          problems.add(where + ": no verified date");
        }
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
    assertTrue(checked > 150, "walked " + checked + " entries");
  }

  // ---- facades ------------------------------------------------------------------------------

  /** Values of the public static final constants of a facade's nested classes, keyed by class. */
  private static Map<String, List<Object>> constants(Class<?> facade) throws IllegalAccessException {
    Map<String, List<Object>> out = new java.util.LinkedHashMap<>();
    List<Class<?>> holders = new ArrayList<>(List.of(facade.getDeclaredClasses()));
    holders.add(facade);
    for (Class<?> c : holders) {
      List<Object> values = new ArrayList<>();
      for (Field f : c.getDeclaredFields()) {
        int m = f.getModifiers();
        if (Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m)) {
          Object v = f.get(null);
          assertNotNull(v, c.getSimpleName() + "." + f.getName());
          values.add(v);
        }
      }
      if (!values.isEmpty()) {
        out.put(c.getSimpleName(), values);
      }
    }
    return out;
  }

  private static String nameOf(Object o) {
    try {
      return (String) o.getClass().getMethod("name").invoke(o);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static void assertCovers(Registry<?> registry, List<Object> values) {
    TreeSet<String> fromFacade = new TreeSet<>();
    for (Object v : values) {
      assertSame(registry.get(nameOf(v)), v, "facade constant " + nameOf(v) + " is the registry entry");
      fromFacade.add(nameOf(v));
    }
    assertEquals(new TreeSet<>(registry.names()), fromFacade, registry.kind() + " facade constants");
  }

  @Test
  void hardwareFacadeHasAConstantPerEntryInItsTier() throws Exception {
    Map<String, List<Object>> byClass = constants(Hardware.class);
    List<Object> all = new ArrayList<>();
    byClass.forEach((cls, values) -> {
      for (Object v : values) {
        assertEquals(cls.toLowerCase(), ((HardwareNode) v).tier().id(), nameOf(v) + " tier");
      }
      all.addAll(values);
    });
    assertCovers(zoo.hardware(), all);
    assertSame(zoo.hardware().get("GB200_NVL72"), Hardware.Cloud.GB200_NVL72);
    assertSame(zoo.hardware().get("TPUv5p"), Hardware.Cloud.TPUV5P);
    assertSame(zoo.hardware().get("ESP32_S3"), Hardware.Tiny.ESP32_S3);
    assertSame(zoo.hardware().get("nRF52840"), Hardware.Tiny.NRF52840);
  }

  @Test
  void workloadFacadeHasAConstantPerEntryInItsTier() throws Exception {
    Map<String, List<Object>> byClass = constants(Workloads.class);
    List<Object> all = new ArrayList<>();
    byClass.forEach((cls, values) -> {
      for (Object v : values) {
        assertEquals(cls.toLowerCase(), ((Workload) v).tier().id(), nameOf(v) + " tier");
      }
      all.addAll(values);
    });
    assertCovers(zoo.workloads(), all);
    assertSame(Workloads.get("llama3_70b"), Workloads.Language.LLAMA3_70B);
    assertSame(Workloads.get("ResNet50"), Workloads.Vision.RESNET50);
  }

  @Test
  void systemsInfrastructureAndScenarioFacadesCoverTheirRegistries() throws Exception {
    Map<String, List<Object>> sys = constants(Systems.class);
    assertCovers(zoo.nodes(), sys.get("Nodes"));
    assertCovers(zoo.fabrics(), sys.get("Fabrics"));
    assertCovers(zoo.fleets(), sys.get("Clusters"));
    assertCovers(zoo.racks(), sys.get("Racks"));
    assertCovers(zoo.pods(), sys.get("Pods"));
    assertCovers(zoo.storage(), sys.get("Storage"));
    assertCovers(zoo.reliability(), sys.get("Reliability"));
    assertCovers(zoo.recovery(), sys.get("Recovery"));
    Map<String, List<Object>> inf = constants(Infrastructure.class);
    assertCovers(zoo.grids(), inf.get("Grids"));
    assertCovers(zoo.cooling(), inf.get("Cooling"));
    assertCovers(zoo.datacenters(), inf.get("Datacenters"));
    assertCovers(zoo.prices(), inf.get("Pricing"));
    assertCovers(zoo.scenarios(), constants(Scenarios.class).get("Scenarios"));
    assertSame(Systems.fleet("frontier_8k"), Systems.Clusters.FRONTIER_8K);
    assertSame(Systems.fleet("Research_256"), Systems.Clusters.RESEARCH_256);
    assertSame(Infrastructure.grid("QUEBEC"), Infrastructure.Grids.QUEBEC);
    assertSame(Infrastructure.grid("us_avg"), Infrastructure.Grids.US_AVG);
  }

  // ---- lookup -------------------------------------------------------------------------------

  @Test
  void lookupIgnoresCase() {
    assertSame(Hardware.get("H100"), Hardware.get("h100"));
    assertSame(Hardware.get("H100"), Hardware.get("H100".toLowerCase().toUpperCase()));
    assertSame(Hardware.get("nrf52840"), Hardware.get("NRF52840"));
    assertSame(Workloads.get("LLAMA3_8B"), Workloads.get("llama3_8b"));
    assertSame(Systems.node("dgx_h100"), Systems.Nodes.DGX_H100);
    assertSame(Scenarios.get("chatbotserving"), Scenarios.CHATBOTSERVING);
  }

  @Test
  void unknownNameSuggestsTheNearestEntries() {
    UnknownEntryException e = assertThrows(UnknownEntryException.class, () -> Hardware.get("H10"));
    assertEquals("Unknown hardware 'H10'. Did you mean: H100, H200?", e.getMessage());
    assertEquals(List.of("H100", "H200"), e.suggestions());
    UnknownEntryException w = assertThrows(UnknownEntryException.class, () -> Workloads.get("Llama3_8"));
    assertTrue(w.suggestions().contains("Llama3_8B"), w.getMessage());
  }

  // ---- spot values: hardware ------------------------------------------------------------------

  @Test
  void h100() {
    HardwareNode h = Hardware.Cloud.H100;
    close(989e12 / 3.35e12, h.ridgePoint(Precision.FP16), "ridge point fp16");
    assertEquals(295, h.ridgePoint(Precision.FP16), 1);
    assertEquals(LinkDirection.BIDIRECTIONAL_TOTAL, h.nvlink().direction());
    close(900e9 / 2, h.nvlink().perDirectionBandwidth(), "NVLink per direction");
    close(80 * GIB, h.memory().capacity(), "80 GiB");
    close(85.899345920e9, h.memory().capacity(), "80 GiB in GB");
    close(3.35e12, h.memory().bandwidth(), "HBM3");
    close(1979e12, h.compute().precisionFlops().get("fp8"), "fp8");
    close(1979e12, h.compute().precisionFlops().get("int8"), "int8 TOPS");
    close(67e12, h.compute().precisionFlops().get("fp32_cuda"), "fp32_cuda");
    assertEquals(132, h.compute().smCount());
    close(50e6, h.memory().l2Cache(), "L2");
    close(2e12, h.storage().capacity(), "storage");
    close(7e9, h.storage().bandwidth(), "storage bandwidth");
    close(64e9, h.interconnect().bandwidth(), "PCIe 5");
    close(500e-9, h.nvlink().latency(), "NVLink latency");
    close(700, h.tdp(), "tdp");
    close(25_000, h.unitCost(), "cost");
    close(164, h.embodiedCarbonKg(), "embodied");
    close(0.01e-3, h.dispatchTax(), "dispatch");
    assertEquals(2022, h.releaseYear());
  }

  @Test
  void cloudSpotValues() {
    HardwareNode gb = Hardware.get("GB200_NVL72");
    assertEquals(72, gb.acceleratorCount());
    close(162e15, gb.compute().peakFlops(), "GB200 peak");
    close(13.5 * TIB, gb.memory().capacity(), "GB200 memory");
    close(120e3, gb.tdp(), "GB200 power");
    close(3_000_000, gb.unitCost(), "GB200 cost");
    close(130e12 / 2, gb.nvlink().perDirectionBandwidth(), "NVLink switch");
    HardwareNode a100 = Hardware.Cloud.A100;
    close(600e9 / 2, a100.nvlink().perDirectionBandwidth(), "A100 NVLink");
    close(624e12, a100.compute().precisionFlops().get("fp16_sparse"), "A100 sparse");
    close(150, a100.embodiedCarbonKg(), "A100 embodied");
    close(15.75e9, Hardware.Cloud.V100.interconnect().bandwidth(), "PCIe 3");
    assertEquals(LinkDirection.PER_DIRECTION, Hardware.Cloud.V100.interconnect().direction());
    close(131 * GIB, Hardware.Cloud.H200.memory().capacity(), "H200");
    close(9000e12, Hardware.Cloud.B200.compute().precisionFlops().get("int4"), "B200 int4");
    close(1800e9 / 2, Hardware.Cloud.B200.nvlink().perDirectionBandwidth(), "NVLink 5");
    close(92e12, Hardware.Cloud.TPUV1.compute().peakFlops(), "TPUv1 TOPS");
    close(34e9, Hardware.Cloud.TPUV1.memory().bandwidth(), "TPUv1 bw");
    close(128 * MIB, Hardware.Cloud.TPUV5P.memory().sramCapacity(), "TPUv5p SRAM");
    close(1200e9 / 2, Hardware.Cloud.TPUV5P.nvlink().perDirectionBandwidth(), "ICI");
    close(918e12, Hardware.get("TPUv6").compute().peakFlops(), "Trillium");
    close(300e9, Hardware.Cloud.GAUDI2.interconnect().bandwidth(), "Gaudi2 RoCE");
    close(125e15, Hardware.Cloud.CEREBRAS_CS3.compute().peakFlops(), "CS-3");
    close(21e15, Hardware.Cloud.CEREBRAS_CS3.memory().bandwidth(), "CS-3 SRAM");
    close(23e3, Hardware.Cloud.CEREBRAS_CS3.tdp(), "CS-3 power");
    close(230e6, Hardware.Cloud.GROQ_LPU.memory().capacity(), "Groq");
    close(9600e12, Hardware.Cloud.DMATRIX_CORSAIR.compute().precisionFlops().get("mxint4"), "Corsair");
    close(1e15, Hardware.Cloud.UNTETHER_SPEEDAI240.compute().precisionFlops().get("bf16"), "speedAI");
    close(5e-3, Hardware.Cloud.INTELSGX.dispatchTax(), "SGX dispatch");
    close(128 * MIB, Hardware.Cloud.INTELSGX.memory().capacity(), "SGX EPC");
    close(163.4e12, Hardware.Cloud.MI300X.compute().precisionFlops().get("fp32"), "MI300X fp32");
    assertFalse(Hardware.Cloud.MI250X.hasUnitCost());
    assertFalse(Hardware.Cloud.GRAPHCORE_GC200.hasTdp());
  }

  @Test
  void smallerTierSpotValues() {
    HardwareNode spark = Hardware.Workstation.DGX_SPARK;
    close(3000, spark.unitCost(), "Spark cost low");
    close(5000, spark.unitCostMax(), "Spark cost high");
    close(1000e12, spark.compute().precisionFlops().get("fp4_sparse"), "Spark fp4 sparse");
    close(128e9, spark.memory().capacity(), "128 GB");
    close(4e12, spark.storage().capacity(), "Spark SSD");
    HardwareNode phone = Hardware.Mobile.IPHONE15PRO;
    close(15 * 3600, phone.batteryCapacity(), "15 Wh in J");
    close(1e-3, phone.dispatchTax(), "phone dispatch");
    close(51.2e9, phone.memory().bandwidth(), "phone memory bandwidth");
    HardwareNode orin = Hardware.Edge.JETSONAGXORIN;
    close(275e12, orin.compute().peakFlops(), "Orin TOPS");
    close(15, orin.tdpMin(), "Orin min");
    close(60, orin.tdpMax(), "Orin max");
    close(100e12, Hardware.Edge.JETSONORINNX.compute().precisionFlops().get("int8"), "Orin NX int8");
    close(546e9, Hardware.Edge.DRIVETHOR.memory().bandwidth(), "Thor");
    HardwareNode esp = Hardware.Tiny.ESP32_S3;
    close(4e6, esp.memory().capacity(), "ESP32 weights live in flash");
    close(0.08e9, esp.memory().bandwidth(), "flash read");
    close(4e6, esp.memory().flashCapacity(), "flash");
    close(520 * KIB, esp.memory().sramCapacity(), "SRAM");
    close(0.96e9, esp.memory().sramBandwidth(), "SRAM bw");
    close(2.4e9, esp.compute().precisionFlops().get("int8"), "int8 GOPS");
    close(0.05, esp.tdpMin(), "ESP32 min");
    close(1.2, esp.tdpMax(), "ESP32 max");
    close(5, esp.embodiedCarbonKg(), "ESP32 embodied");
    assertFalse(esp.hasUnitCost());
    HardwareNode nrf = Hardware.Tiny.NRF52840;
    close(64e6, nrf.compute().peakFlops(), "nRF peak");
    close(128e6, nrf.compute().precisionFlops().get("int8"), "nRF int8");
    close(1 * MIB, nrf.memory().flashCapacity(), "nRF flash");
    close(256 * KIB, nrf.memory().sramCapacity(), "nRF SRAM");
    close(15e-3, nrf.tdp(), "15 mW");
    close(0.06 * 3600, Hardware.Tiny.OURARING.batteryCapacity(), "ring battery");
    assertEquals("estimate", Hardware.Tiny.OURARING.source().kind().id());
    close(4 * MIB, Hardware.Tiny.LOCKSTEPSAFETYMCU_REFERENCE.memory().flashCapacity(), "lockstep flash");
    close(3.2e9, Hardware.Tiny.LOCKSTEPSAFETYMCU_REFERENCE.memory().sramBandwidth(), "lockstep SRAM");
  }

  // ---- spot values: workloads ----------------------------------------------------------------

  @Test
  void workloadSpotValues() {
    TransformerWorkload l70 = (TransformerWorkload) Workloads.Language.LLAMA3_70B;
    close(70.6e9, l70.parameters(), "Llama3 70B params");
    close(141.2e9, l70.inferenceFlops(), "Llama3 70B flops");
    assertEquals(80, l70.layers());
    assertEquals(8192, l70.hiddenSize());
    assertEquals(64, l70.heads());
    assertEquals(8, l70.kvHeads());
    close(15e12, l70.trainingTokens(), "15T tokens");
    TransformerWorkload gpt3 = (TransformerWorkload) Workloads.Language.GPT3;
    close(3.14e23, gpt3.trainingFlops(), "GPT-3 training FLOP");
    close(300e9, gpt3.trainingTokens(), "GPT-3 tokens");
    close(2e12, ((TransformerWorkload) Workloads.get("Llama2_7B")).trainingTokens(), "Llama 2 tokens");
    SparseTransformerWorkload gpt4 = (SparseTransformerWorkload) Workloads.Language.GPT4;
    close(1.76e12, gpt4.parameters(), "GPT-4 total");
    close(280e9, gpt4.activeParameters(), "GPT-4 active");
    assertEquals(16, gpt4.experts());
    assertEquals(2, gpt4.activeExperts());
    assertEquals(128, gpt4.heads());
    assertEquals("estimate", gpt4.source().kind().id());
    SparseTransformerWorkload ds = (SparseTransformerWorkload) Workloads.get("DeepSeek_V3");
    assertEquals(512, ds.kvLoraRank());
    assertEquals(64, ds.qkRopeHeadDim());
    assertEquals(256, ds.experts());
    assertEquals(8, ds.activeExperts());
    close(37e9, ds.activeParameters(), "DeepSeek active");
    close(3_504_872, Workloads.Vision.MOBILENETV2.parameters(), "MobileNetV2");
    close(8.2e9, Workloads.Vision.RESNET50.inferenceFlops(), "ResNet50");
    close(540e3, Workloads.Tiny.ANOMALYDETECTOR.inferenceFlops(), "AD");
    assertEquals("generic", Workloads.Tiny.ANOMALYDETECTOR.family().id());
    assertEquals("cnn", Workloads.Tiny.DS_CNN.family().id());
    close(100e9, Workloads.Recommendation.DLRM.modelSize(), "DLRM");
    Map<String, Object> mamba = Workloads.Generative.MAMBA_130M.fields();
    assertEquals(16, mamba.get("state_size"));
    Map<String, Object> sd = Workloads.Generative.STABLEDIFFUSION_V1_5.fields();
    close(20e9, Workloads.Generative.STABLEDIFFUSION_V1_5.inferenceFlops(), "SD per step");
    assertEquals(50, sd.get("denoising_steps"));
    assertEquals(512, sd.get("resolution"));
  }

  // ---- spot values: systems, infrastructure, scenarios ----------------------------------------

  @Test
  void systemsSpotValues() {
    Node dgx = Systems.Nodes.DGX_H100;
    assertSame(Hardware.Cloud.H100, dgx.accelerator());
    assertEquals(8, dgx.acceleratorsPerNode());
    close(450e9, dgx.intraNodeBandwidth(), "DGX H100 NVLink per direction");
    assertEquals(8, dgx.nicsPerNode());
    close(2 * TIB, dgx.hostMemory(), "host memory");
    close(350_000, dgx.unitCost(), "DGX price");
    close(300e9, Systems.node("DGX_A100").intraNodeBandwidth(), "DGX A100");
    close(900e9, Systems.node("DGX_B200").intraNodeBandwidth(), "DGX B200");
    assertEquals(4, Systems.Nodes.KEMPNER_H100_4GPU.acceleratorsPerNode());

    Fleet frontier = Systems.Clusters.FRONTIER_8K;
    assertEquals(1024, frontier.nodeCount());
    assertSame(dgx, frontier.node());
    assertEquals(1024 * 8, frontier.totalAccelerators());
    assertSame(Systems.Fabrics.INFINIBAND_NDR, frontier.fabric());
    close(400e9 / 8, frontier.fabric().bandwidth(), "NDR 400 Gbps");
    close(5e-6, frontier.fabric().latency(), "NDR latency");
    assertEquals(12_500 * 8, Systems.Clusters.MEGA_100K.totalAccelerators());
    assertEquals(96 * 4, Systems.Clusters.KEMPNER_H100_384.totalAccelerators());
    assertEquals(128 * 8, Systems.Clusters.TRAINING_1K_A100.totalAccelerators());
    assertSame(Systems.Nodes.DGX_A100, Systems.Clusters.TRAINING_1K_A100.node());
    assertSame(Systems.Fabrics.ETHERNET_100G, Systems.Clusters.RESEARCH_256.fabric());
    close(1600e9 / 8, Systems.Fabrics.ETHERNET_1P6T.bandwidth(), "1.6T Ethernet");
    close(50e-6, Systems.Fabrics.ETHERNET_1P6T.latency(), "Ethernet latency");
    close(10e-6, Systems.Fabrics.ROCE_100G.latency(), "RoCE latency");
    close(7e-6, Systems.Fabrics.INFINIBAND_HDR.latency(), "HDR latency");

    var rack = Systems.Racks.DGX_H100_4NODE;
    assertEquals(4 * 8, rack.accelerators());
    close(22.4e3 + 11.1e3, rack.totalPower(), "rack power 33.5 kW");
    var pod = Systems.Pods.TPUV4_4096;
    assertEquals(4096, pod.chips());
    close(128 * TIB, pod.memory(), "pod memory");
    close(3e6, pod.power(), "pod power");
    close(3.5e9, Systems.Storage.NVME_GEN3.bandwidth(), "NVMe");
    close(1e12, Systems.Storage.PARALLELFS.bandwidth(), "parallel FS");
    close(150e6, Systems.Storage.HDD.bandwidth(), "HDD");
    close(50_000 * HOUR, Systems.Reliability.GPU.mttf(), "GPU MTTF");
    close(300_000 * HOUR, Systems.Reliability.TOR_SWITCH.mttf(), "ToR MTTF");
    close(180, Systems.Recovery.RESTART.duration(), "restart");
  }

  @Test
  void infrastructureSpotValues() {
    GridProfile quebec = Infrastructure.Grids.QUEBEC;
    close(20, quebec.gramsPerKwh(), "Quebec carbon");
    close(20e-3 / 3.6e6, quebec.carbonIntensity(), "Quebec carbon stored as kg/J");
    close(1.06, quebec.pue(), "Quebec PUE");
    assertEquals(0.0, quebec.litresPerKwh());
    close(0.99, quebec.renewableFraction(), "Quebec renewables");
    GridProfile us = Infrastructure.Grids.US_AVG;
    assertEquals("US Average", us.displayName());
    close(429, us.gramsPerKwh(), "US carbon");
    close(0.21, us.renewableFraction(), "US renewables");
    close(1.8, us.litresPerKwh(), "US WUE");
    assertTrue(Double.isNaN(Infrastructure.Grids.FRANCE.renewableFraction()), "France has no renewable figure");
    close(820, Infrastructure.Grids.POLAND.gramsPerKwh(), "Poland");
    close(1.58, Infrastructure.Grids.INDIA_AVG.pue(), "India PUE");
    close(1.06, Infrastructure.Cooling.LIQUIDCOOLED.pue(), "liquid");
    assertEquals(0.0, Infrastructure.Cooling.LIQUIDCOOLED.wue());
    close(1.58, Infrastructure.Cooling.LEGACY.pue(), "legacy");
    close(1.8 / 3.6e6, Infrastructure.Cooling.LEGACY.wue(), "legacy WUE stored as L/J");
    // Prices are stored in SI: USD/J and USD/s (1 kWh = 3.6e6 J, 1 h = 3600 s).
    close(0.12 / 3.6e6, Infrastructure.Pricing.ELECTRICITY_CLOUD.value(), "USD/kWh as USD/J");
    close(0.07 / 3.6e6, Infrastructure.price("Electricity_OnPrem").value(), "on-prem");
    close(4 / 3600.0, Infrastructure.Pricing.GPU_HOUR_TRAINING.value(), "USD/h as USD/s");
    close(0.09 / 1e9, Infrastructure.Pricing.EGRESS.value(), "USD/GB as USD/B");
    close(23 / 1e12 / (365.0 / 12 * 86400), Infrastructure.Pricing.OBJECTSTORAGE.value(), "USD/TB/month as USD/B/s");
    close(0.05, Infrastructure.Pricing.MAINTENANCE.value(), "maintenance fraction");
    close(350_000, Infrastructure.Pricing.DGX_H100_NODE.value(), "DGX price");
    var site = Infrastructure.Datacenters.QUEBEC_HYDRO_LIQUID;
    assertSame(quebec, site.grid());
    assertSame(Infrastructure.Cooling.LIQUIDCOOLED, site.cooling());
  }

  @Test
  void scenarioSpotValues() {
    Scenario frontier = Scenarios.FRONTIERTRAINING;
    assertTrue(frontier.isFleet());
    assertSame(Systems.Clusters.FRONTIER_8K, frontier.fleet());
    assertSame(Workloads.Language.GPT4, frontier.workload());
    assertEquals("step", frontier.slaMetric());
    close(0.5, frontier.sla(), "500 ms");
    Scenario chat = Scenarios.CHATBOTSERVING;
    assertEquals("ttft", chat.slaMetric());
    assertSame(Hardware.Cloud.H100, chat.hardware());
    Scenario kws = Scenarios.KEYWORDSPOTTING;
    assertSame(Hardware.Tiny.ESP32_S3, kws.hardware());
    close(1e-3, kws.powerBudget(), "1 mW");
    close(0.03, kws.sla(), "30 ms");
    close(0.1, Scenarios.SMARTDOORBELL.powerBudget(), "100 mW");
    assertFalse(Scenarios.AUTONOMOUSVEHICLE.hasPowerBudget());
    assertEquals("latency", Scenarios.MOBILEHEALTH.slaMetric());
  }

  @Test
  void builtInDigestIsSha256HexAndStable() {
    String d = Zoo.builtIn().digest();
    assertTrue(d.matches("[0-9a-f]{64}"), d);
    assertEquals(d, Zoo.builtIn().digest());
  }
}

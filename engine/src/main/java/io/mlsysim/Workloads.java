package io.mlsysim;

import io.mlsysim.workloads.Workload;
import io.mlsysim.zoo.Zoo;
import java.util.List;

/**
 * The workload zoo: {@code Workloads.get("llama3_70b")} (any case) or
 * {@code Workloads.Language.LLAMA3_70B}. Constants are built-in entries; {@link #get} also sees
 * user overlays.
 */
public final class Workloads {
  private Workloads() {}

  public static Workload get(String name) {
    return Zoo.current().workloads().get(name);
  }

  public static List<Workload> list() {
    return Zoo.current().workloads().list();
  }

  /** Entries of a tier: language, vision, tiny, recommendation or generative. */
  public static List<Workload> list(String tier) {
    return Zoo.current().workloads().list(tier);
  }

  /** Language models. */
  public static final class Language {
    private Language() {}

    public static final Workload LLAMA3_8B = get("Llama3_8B");
    public static final Workload LLAMA3_70B = get("Llama3_70B");
    public static final Workload LLAMA3_405B = get("Llama3_405B");
    public static final Workload LLAMA2_70B = get("Llama2_70B");
    public static final Workload LLAMA2_7B = get("Llama2_7B");
    public static final Workload GPT3 = get("GPT3");
    public static final Workload GPT4 = get("GPT4");
    public static final Workload GPT2 = get("GPT2");
    public static final Workload GPT2_SMALL = get("GPT2_Small");
    public static final Workload BERT_BASE = get("BERT_Base");
    public static final Workload BERT_LARGE = get("BERT_Large");
    public static final Workload DEEPSEEK_V3 = get("DeepSeek_V3");
    public static final Workload MIXTRAL_8X7B = get("Mixtral_8x7B");
  }

  /** Vision models. */
  public static final class Vision {
    private Vision() {}

    public static final Workload RESNET50 = get("ResNet50");
    public static final Workload RESNET18 = get("ResNet18");
    public static final Workload MOBILENETV2 = get("MobileNetV2");
    public static final Workload EFFICIENTNETB0 = get("EfficientNetB0");
    public static final Workload ALEXNET = get("AlexNet");
    public static final Workload YOLOV8_NANO = get("YOLOv8_Nano");
  }

  /** TinyML models. */
  public static final class Tiny {
    private Tiny() {}

    public static final Workload ANOMALYDETECTOR = get("AnomalyDetector");
    public static final Workload DS_CNN = get("DS_CNN");
    public static final Workload WAKEVISION = get("WakeVision");
  }

  /** Recommendation models. */
  public static final class Recommendation {
    private Recommendation() {}

    public static final Workload DLRM = get("DLRM");
  }

  /** State-space and diffusion models. */
  public static final class Generative {
    private Generative() {}

    public static final Workload MAMBA_130M = get("Mamba_130M");
    public static final Workload MAMBA_2_8B = get("Mamba_2_8B");
    public static final Workload STABLEDIFFUSION_V1_5 = get("StableDiffusion_v1_5");
  }
}

package io.mlsysim;

import io.mlsysim.scenarios.Scenario;
import io.mlsysim.zoo.Zoo;
import java.util.List;

/**
 * The named scenarios: {@code Scenarios.get("chatbotserving")} (any case) or
 * {@code Scenarios.CHATBOTSERVING}. Constants are built-in entries; {@link #get} also sees user
 * overlays.
 */
public final class Scenarios {
  private Scenarios() {}

  public static Scenario get(String name) {
    return Zoo.current().scenarios().get(name);
  }

  public static List<Scenario> list() {
    return Zoo.current().scenarios().list();
  }

  public static final Scenario SMARTDOORBELL = get("SmartDoorbell");
  public static final Scenario TINYSENSOR = get("TinySensor");
  public static final Scenario AUTONOMOUSVEHICLE = get("AutonomousVehicle");
  public static final Scenario MOBILEHEALTH = get("MobileHealth");
  public static final Scenario MOBILEASSISTANT = get("MobileAssistant");
  public static final Scenario LOCALTRAINING = get("LocalTraining");
  public static final Scenario FRONTIERTRAINING = get("FrontierTraining");
  public static final Scenario CHATBOTSERVING = get("ChatbotServing");
  public static final Scenario KEYWORDSPOTTING = get("KeywordSpotting");
}

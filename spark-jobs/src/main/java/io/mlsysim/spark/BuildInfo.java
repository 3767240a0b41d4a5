package io.mlsysim.spark;

import io.mlsysim.EngineInfo;

/** Engine version and git commit, recorded with every run (MLSYSIM_GIT_COMMIT overrides the commit). */
final class BuildInfo {
  private BuildInfo() {}

  static String version() {
    return EngineInfo.version();
  }

  static String gitCommit() {
    String env = System.getenv("MLSYSIM_GIT_COMMIT");
    return env != null && !env.isBlank() ? env.trim() : EngineInfo.commit();
  }
}

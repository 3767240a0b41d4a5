package io.mlsysim;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** What build of the engine is running: version and commit, recorded at build time. */
public final class EngineInfo {
  private static final Properties GIT = load();

  private EngineInfo() {}

  /** The Maven version, e.g. "0.1.0-SNAPSHOT". */
  public static String version() {
    return GIT.getProperty("git.build.version", "unknown");
  }

  /** Full commit id the engine was built from, with "-dirty" when the tree had changes; "unknown" outside git. */
  public static String commit() {
    String id = GIT.getProperty("git.commit.id", "unknown");
    return "true".equals(GIT.getProperty("git.dirty")) ? id + "-dirty" : id;
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = EngineInfo.class.getResourceAsStream("git.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // An engine built outside git has no commit to report; "unknown" says so.
    }
    return p;
  }
}

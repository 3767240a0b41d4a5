package io.mlsysim.cli;

import io.mlsysim.EngineInfo;
import io.mlsysim.zoo.Zoo;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: engine version, build commit and the digest of the zoo in use. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
        "mlsysim " + EngineInfo.version(),
        "commit " + EngineInfo.commit(),
        "zoo digest " + Zoo.current().digest()};
  }
}

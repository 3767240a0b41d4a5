package io.mlsysim.cli;

import io.mlsysim.zoo.Zoo;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: engine version, build commit and the digest of the zoo in use. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    Package p = Cli.class.getPackage();
    String version = p.getImplementationVersion() == null ? "development build" : p.getImplementationVersion();
    return new String[] {"mlsysim " + version, "zoo digest " + Zoo.current().digest()};
  }
}

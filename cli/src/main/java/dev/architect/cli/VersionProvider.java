package dev.architect.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Prints Architect's version (written into version.properties by the build) and the running JVM's. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() throws IOException {
    Properties properties = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    }
    return new String[] {
        "architect " + properties.getProperty("version", "(unknown version)"),
        "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ", "
            + System.getProperty("java.vm.vendor") + ")"
    };
  }
}

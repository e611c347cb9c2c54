package dev.architect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs lab 07 in a child JVM on the module path, so that the container works across real module
 * boundaries: private lookups and hidden-class proxies in dev.architect.cli.lab, which opens its
 * package to dev.architect.inject as the inject README asks.
 */
class ModulePathTest {
  @Test
  void lab07RunsAsANamedModule() throws Exception {
    // Everything the CLI runs with, without the test tools: modules it does not require stay unresolved.
    List<String> testOnly = List.of("test-classes", "junit", "assertj", "opentest4j", "apiguardian", "surefire",
        "byte-buddy");
    String modulePath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> testOnly.stream().noneMatch(entry::contains))
        .collect(Collectors.joining(File.pathSeparator));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "--module-path", modulePath,
        "--enable-native-access=dev.architect.ffi", "--add-exports", "java.base/jdk.internal.vm=dev.architect.fiber",
        "-m", "dev.architect.cli/dev.architect.cli.Main", "lab", "07")
        .redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("instance class:  dev.architect.cli.lab.Shop$OrderService$$Proxy/0x")
        .contains("hidden class:    true")
        .contains("@Timed");
  }
}

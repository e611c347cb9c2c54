package dev.architect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.architect.cli.lab.Lab;
import dev.architect.cli.lab.Labs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

class CliTest {
  private record Result(int code, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  private static Result run(String... args) {
    return run(Labs.standard(), args);
  }

  private static Result run(Labs labs, String... args) {
    CommandLine commandLine = Main.commandLine(labs);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void helpDescribesTheCommandsAndExitsZero() {
    Result result = run("--help");

    assertThat(result.code()).isZero();
    assertThat(result.out()).startsWith("Usage: architect").contains("lab ", "--verbose", "--version");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void subcommandHelpIsItsOwn() {
    Result lab = run("lab", "--help");
    Result list = run("lab", "list", "--help");

    assertThat(lab.code()).isZero();
    assertThat(lab.out()).startsWith("Usage: architect lab").contains("[NN]", "list");
    assertThat(list.code()).isZero();
    assertThat(list.out()).startsWith("Usage: architect lab list");
  }

  @Test
  void everyCommandOptionAndParameterHasADescription() {
    List<String> undescribed = new ArrayList<>();
    collectUndescribed(Main.commandLine().getCommandSpec(), undescribed);

    assertThat(undescribed).isEmpty();
  }

  private static void collectUndescribed(CommandSpec spec, List<String> undescribed) {
    if (String.join("", spec.usageMessage().description()).isBlank()) {
      undescribed.add(spec.qualifiedName());
    }
    for (ArgSpec arg : spec.args()) {
      if (String.join("", arg.description()).isBlank()) {
        undescribed.add(spec.qualifiedName() + " " + arg);
      }
    }
    for (CommandLine sub : spec.subcommands().values()) {
      collectUndescribed(sub.getCommandSpec(), undescribed);
    }
  }

  @Test
  void versionNamesArchitectAndTheJvm() {
    Result result = run("--version");

    assertThat(result.code()).isZero();
    assertThat(result.out()).startsWith("architect ").contains("Java " + Runtime.version().feature());
  }

  @Test
  void labListShowsFifteenRowsAndWhichAreBuilt() {
    Result result = run("lab", "list");

    assertThat(result.code()).isZero();
    List<String> rows = result.out().lines().filter(line -> line.matches("\\d\\d  .*")).toList();
    assertThat(rows).hasSize(15);
    assertThat(rows.get(6)).startsWith("07  Reflection, annotations, DI and proxies").endsWith("available");
    assertThat(rows.get(11)).startsWith("12  gRPC with interceptors").endsWith("not built yet");
  }

  @Test
  void aLabNotBuiltYetIsAUsageErrorOnOneLine() {
    Result result = run("lab", "12");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.errLines())
        .containsExactly("architect: lab 12 (gRPC with interceptors) is not built yet; see 'architect lab list'");
  }

  @Test
  void aLabNumberOutOfRangeIsAUsageErrorOnOneLine() {
    Result result = run("lab", "16");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.errLines())
        .containsExactly("architect: there is no lab 16 (labs are 01-15); see 'architect lab list'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "00", "99", "seven", "7a", "-1", "+7", ""})
  void anyOtherLabArgumentIsAUsageErrorOnOneLine(String argument) {
    Result result = run("lab", argument);

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.errLines()).singleElement().asString().startsWith("architect: ").contains("lab");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void usageErrorsAreOneLineWithAHint() {
    assertThat(run()).satisfies(result -> {
      assertThat(result.code()).isEqualTo(2);
      assertThat(result.errLines()).containsExactly("architect: missing command; see 'architect --help'");
    });
    assertThat(run("lab")).satisfies(result -> {
      assertThat(result.code()).isEqualTo(2);
      assertThat(result.errLines()).containsExactly("architect: missing lab number (01-15); see 'architect lab list'");
    });
    assertThat(run("labs")).satisfies(result -> {
      assertThat(result.code()).isEqualTo(2);
      assertThat(result.errLines())
          .containsExactly("architect: unknown command 'labs' (did you mean 'lab'?); see 'architect --help'");
    });
    assertThat(run("lab", "list", "--frob")).satisfies(result -> {
      assertThat(result.code()).isEqualTo(2);
      assertThat(result.errLines()).containsExactly("architect: unknown option '--frob'; see 'architect lab list --help'");
    });
    assertThat(run("lab", "7", "8")).satisfies(result -> {
      assertThat(result.code()).isEqualTo(2);
      assertThat(result.errLines()).containsExactly("architect: unexpected argument '8'; see 'architect lab --help'");
    });
  }

  @Test
  void aFailingLabIsOneLineWithoutAStackTrace() {
    Result result = run(withFailingLab3(), "lab", "03");

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.out()).startsWith("Lab 03: Failing");
    assertThat(result.errLines()).containsExactly(
        "architect: lab 03 (Failing) failed: IOException: disk on fire (--verbose shows the stack trace)");
  }

  @Test
  void verboseShowsTheStackTraceAtAnyLevel() {
    for (String[] args : List.of(new String[] {"--verbose", "lab", "3"}, new String[] {"lab", "3", "--verbose"})) {
      Result result = run(withFailingLab3(), args);

      assertThat(result.code()).isEqualTo(1);
      assertThat(result.err()).contains("disk on fire", "\tat ", "Caused by: java.io.IOException");
    }
  }

  @Test
  void lab07RunsAsSevenOrZeroSeven() {
    for (String number : List.of("07", "7")) {
      Result result = run("lab", number);

      assertThat(result.err()).isEmpty();
      assertThat(result.code()).isZero();
      assertThat(result.out()).startsWith("Lab 07: Reflection, annotations, DI and proxies")
          .contains("== 1. ", "== 2. ", "== 3. ", "== 4. ");
    }
  }

  private static Labs withFailingLab3() {
    List<Lab> labs = new ArrayList<>(Labs.standard().all());
    labs.set(2, new Failing());
    return new Labs(labs);
  }

  private static final class Failing implements Lab {
    @Override
    public int number() {
      return 3;
    }

    @Override
    public String title() {
      return "Failing";
    }

    @Override
    public void run(PrintWriter out) throws IOException {
      out.println("about to fail");
      throw new IOException("disk on fire");
    }
  }
}

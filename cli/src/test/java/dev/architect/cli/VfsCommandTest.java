package dev.architect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.architect.cli.lab.Labs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code architect vfs}: every subcommand on a real database, and errors as one line with exit 1. */
class VfsCommandTest {
  @TempDir Path tmp;

  private record Result(int code, String out, String raw, String err) {}

  private Result run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    System.setOut(new PrintStream(raw, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    try {
      CommandLine commandLine = Main.commandLine(Labs.standard());
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      commandLine.setOut(new PrintWriter(out, true));
      commandLine.setErr(new PrintWriter(err, true));
      String[] all = new String[args.length + 2];
      all[0] = "vfs";
      all[1] = "--db=" + tmp.resolve("t.db");
      System.arraycopy(args, 0, all, 2, args.length);
      int code = commandLine.execute(all);
      return new Result(code, out.toString(), raw.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void putCatGetMkdirLsTreeMvDuRm() throws Exception {
    Path local = Files.writeString(tmp.resolve("hello.txt"), "hello, db\n");
    assertThat(run("mkdir", "-p", "/a/b").code()).isZero();
    assertThat(run("put", local.toString(), "/a/b").out()).isEqualTo("/a/b/hello.txt (10 bytes)\n");
    assertThat(run("cat", "/a/b/hello.txt").raw()).isEqualTo("hello, db\n");
    assertThat(run("ls", "/a").out()).isEqualTo("b/\n");
    assertThat(run("ls", "-l", "/a/b").out()).matches("- +10 \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d hello.txt\n");
    assertThat(run("tree").out()).isEqualTo("/\n  a/\n    b/\n      hello.txt (10 bytes)\n3 directories, 1 files\n");
    assertThat(run("mv", "/a", "/c").code()).isZero();
    assertThat(run("du", "/c").out()).isEqualTo("10 bytes in 1 files and 2 directories under /c\n");
    Path back = tmp.resolve("back.txt");
    assertThat(run("get", "/c/b/hello.txt", back.toString()).code()).isZero();
    assertThat(Files.readString(back)).isEqualTo("hello, db\n");
    assertThat(run("rm", "-r", "/c").code()).isZero();
    assertThat(run("ls").out()).isEmpty();
  }

  @Test
  void importAndExportTrees() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src/x/y"));
    Files.writeString(src.resolve("one"), "1");
    Files.writeString(tmp.resolve("src/two"), "22");
    assertThat(run("import", tmp.resolve("src").toString(), "/in").out())
        .isEqualTo("imported 3 bytes from " + tmp.resolve("src") + " into /in\n");
    assertThat(run("du", "/in").out()).isEqualTo("3 bytes in 2 files and 3 directories under /in\n");
    Path dst = tmp.resolve("dst");
    assertThat(run("export", dst.toString(), "/in").code()).isZero();
    assertThat(Files.readString(dst.resolve("x/y/one"))).isEqualTo("1");
    assertThat(Files.readString(dst.resolve("two"))).isEqualTo("22");
  }

  @Test
  void errorsAreOneLineNamingThePath() throws Exception {
    Result missingDb = run("ls");
    assertThat(missingDb.code()).isEqualTo(1);
    assertThat(missingDb.err()).isEqualTo("architect: no such database: " + tmp.resolve("t.db")
        + " (--verbose shows the stack trace)\n");
    run("mkdir", "/d");
    run("mkdir", "/d/e");
    Result cat = run("cat", "/nope");
    assertThat(cat.code()).isEqualTo(1);
    assertThat(cat.err()).isEqualTo("architect: no such file or directory: /nope (--verbose shows the stack trace)\n");
    assertThat(run("rm", "/d").err())
        .isEqualTo("architect: directory not empty: /d (rm -r removes a tree) (--verbose shows the stack trace)\n");
    assertThat(run("mkdir", "/d").err()).isEqualTo("architect: already exists: /d (--verbose shows the stack trace)\n");
    assertThat(run("cat", "/d").err()).isEqualTo("architect: /d: Is a directory (--verbose shows the stack trace)\n");
    assertThat(run("ls", "/d").code()).isZero();
  }
}

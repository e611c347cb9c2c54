package dev.architect.cli.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lab 05's output is computed: these check what it found, not fixed text. */
class Lab05FileSystemTest {
  private static String output;

  @BeforeAll
  static void runTheLab() throws Exception {
    StringWriter text = new StringWriter();
    try (PrintWriter out = new PrintWriter(text)) {
      new Lab05FileSystem().run(out);
    }
    output = text.toString();
  }

  @Test
  void plainNioCodeWorksOnDb() {
    assertThat(output).contains("== 1. Plain java.nio.file code on db:");
    assertThat(output).containsPattern("/site/docs/data.bin +150000 bytes");
    assertThat(output).contains("reads: <h1>hello from SQLite</h1>");
  }

  @Test
  void showsTheRowsBehindTheFiles() {
    assertThat(output).contains("sqlite> SELECT parent, name, ino FROM dirent ORDER BY ino");
    // data.bin: 150,000 bytes in chunks of 65,536, 65,536 and 18,928.
    assertThat(output).containsPattern("\\n  \\d+ +0 +65536\\n  \\d+ +1 +65536\\n  \\d+ +2 +18928\\n");
  }

  @Test
  void renamingTenThousandFilesChangesOneRow() {
    assertThat(output).contains("created 10,000 files in 100 directories");
    assertThat(output).containsPattern("directory entry rows changed: 1 of 10,\\d{3} \\(\\[1/big/\\d+\\]\\)");
    assertThat(output).contains("/archive/d99/f99.txt = file 99/99");
  }

  @Test
  void treesCopyBetweenDbAndDisk() {
    assertThat(output).containsPattern("db:/archive/d0 -> .*export: 100 files");
    assertThat(output).containsPattern("export -> db:/restored: 100 files");
    assertThat(output).contains("contents equal after the round trip: true");
  }
}

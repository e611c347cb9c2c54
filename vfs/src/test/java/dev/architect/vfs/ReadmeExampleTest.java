package dev.architect.vfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples of vfs/README.md, compiled and run. */
class ReadmeExampleTest {
  @TempDir Path tmp;

  @Test
  void smallestUsefulExample() throws Exception {
    URI uri = URI.create("db:" + tmp.resolve("site.db").toAbsolutePath().toUri());
    try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of("create", "true"))) {
      Path page = Files.createDirectories(fs.getPath("/docs")).resolve("index.html");
      Files.writeString(page, "<h1>hello</h1>");
      assertThat(Files.readString(page)).isEqualTo("<h1>hello</h1>");
      Files.move(fs.getPath("/docs"), fs.getPath("/public"));
    }
    Path again = Path.of(URI.create(uri + "!/public/index.html"));
    try (FileSystem fs = again.getFileSystem()) {
      assertThat(Files.readString(again)).isEqualTo("<h1>hello</h1>");
      assertThat(fs.provider().getScheme()).isEqualTo("db");
    }
  }

  @Test
  void batchExample() throws Exception {
    URI uri = URI.create("db:" + tmp.resolve("logs.db").toUri());
    try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of("create", "true"))) {
      Files.createDirectory(fs.getPath("/logs"));
      DbFileSystems.batch(fs, () -> {
        for (int i = 0; i < 1000; i++) {
          Files.writeString(fs.getPath("/logs/" + i + ".txt"), "entry " + i);
        }
      });
      assertThat(Files.list(fs.getPath("/logs")).count()).isEqualTo(1000);
      assertThat(Files.readString(fs.getPath("/logs/999.txt"))).isEqualTo("entry 999");
    }
  }
}

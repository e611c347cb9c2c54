package dev.architect.resilience.distributed;

import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * An example of a resource protected by fencing tokens: an append-only journal that remembers the
 * highest {@link Lease#token() token} it has accepted and rejects any write with a lower one.
 *
 * <p>This is what makes a {@link DistributedLock} safe against a holder that stalls past its lease:
 * once the next holder has written with its higher token, the stalled holder's late write fails with
 * {@link StaleTokenException} instead of interleaving. Equal tokens are accepted (one holder writes
 * several times). A real resource applies the same rule in the same transaction as its own write,
 * which is what {@link #append(long, String)} does: the check-and-raise of the highest token and the
 * journal insert commit together, so the journal's order is the order of acceptance.
 *
 * <p>Thread-safe; any number of processes may share the resource through the database.
 */
public interface FencedResource {
  /** The table name used unless {@link Builder#table(String)} says otherwise; entries go to {@code <table>_entry}. */
  String DEFAULT_TABLE = "architect_fence";

  /**
   * A builder for the resource called {@code name}.
   *
   * @throws NullPointerException if either argument is null
   * @throws IllegalArgumentException if the name is empty
   */
  static Builder builder(DataSource dataSource, String name) {
    return new Builder(dataSource, name);
  }

  /** One accepted write: its place in the journal (1, 2, ...), the token it carried and its value. */
  record Entry(long sequence, long token, String value) {
    /**
     * @throws NullPointerException if the value is null
     */
    public Entry {
      Objects.requireNonNull(value, "value");
    }
  }

  /** The resource's name. */
  String name();

  /**
   * Appends {@code value} if {@code token} is at least the highest token accepted so far, and raises
   * that highest token to it; one transaction.
   *
   * @return the entry's sequence number
   * @throws StaleTokenException if a higher token has been accepted; nothing was written
   * @throws IllegalArgumentException if the token is not positive
   * @throws NullPointerException if the value is null
   * @throws DistributedStoreException if the database fails
   */
  long append(long token, String value);

  /**
   * The highest token accepted so far, 0 before the first write.
   *
   * @throws DistributedStoreException if the database fails
   */
  long highestToken();

  /**
   * Every accepted entry, in the order accepted.
   *
   * @throws DistributedStoreException if the database fails
   */
  List<Entry> entries();

  /** Configuration of a {@link FencedResource}. Not thread-safe. */
  final class Builder {
    private final DataSource dataSource;
    private final String name;
    private String table = DEFAULT_TABLE;
    private boolean createTable = true;

    Builder(DataSource dataSource, String name) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      this.name = Args.name("name", name);
    }

    /**
     * The table holding each resource's highest token (default {@value FencedResource#DEFAULT_TABLE});
     * the journal is {@code <table>_entry}.
     *
     * @throws IllegalArgumentException unless a plain SQL identifier
     */
    public Builder table(String table) {
      this.table = Args.table(table);
      return this;
    }

    /** Whether {@link #build()} creates the tables if missing (default true). */
    public Builder createTable(boolean createTable) {
      this.createTable = createTable;
      return this;
    }

    /**
     * Connects once to detect the database and, unless disabled, to create the tables.
     *
     * @throws IllegalArgumentException if the database is neither PostgreSQL nor SQLite
     * @throws DistributedStoreException if the database fails
     */
    public FencedResource build() {
      Database database = Database.of(dataSource, null, "resource", name);
      if (createTable) {
        database.createTable(table, SqlFencedResource.ddl(table));
        database.createTable(table + "_entry", SqlFencedResource.entryDdl(table));
      }
      return new SqlFencedResource(database, table, name);
    }
  }
}

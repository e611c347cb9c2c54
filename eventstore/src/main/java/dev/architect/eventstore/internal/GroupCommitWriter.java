package dev.architect.eventstore.internal;

import dev.architect.eventstore.EventStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.LongConsumer;

/**
 * The single writer: callers queue write operations; one thread takes everything queued, runs it in
 * one transaction (each operation inside its own savepoint, so a failing one is rolled back alone),
 * commits once, then answers every caller. One commit (one fsync with durability FULL) is shared by
 * all appends waiting at that moment: group commit. A caller is answered only after the commit, so an
 * acknowledged append is durable as far as the backend's durability setting goes.
 */
final class GroupCommitWriter implements AutoCloseable {
  /** A write operation run inside the batch transaction. */
  interface Op<T> {
    T run(WriteContext tx) throws SQLException;
  }

  /** What an operation sees: the connection, cached statements, and the position counter. */
  static final class WriteContext {
    final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    long lastPosition;
    long nowMicros;

    WriteContext(Connection connection) {
      this.connection = connection;
    }

    PreparedStatement prepare(String sql) throws SQLException {
      PreparedStatement ps = statements.get(sql);
      if (ps == null) {
        ps = connection.prepareStatement(sql);
        statements.put(sql, ps);
      }
      return ps;
    }

    void closeStatements() {
      for (PreparedStatement ps : statements.values()) {
        try {
          ps.close();
        } catch (SQLException ignored) {
          // closing a statement of a connection being discarded: nothing more to do
        }
      }
      statements.clear();
    }
  }

  private record Task(Op<?> op, CompletableFuture<Object> result) {}

  private static final int MAX_BATCH = 256;
  private static final Task STOP = new Task(tx -> null, new CompletableFuture<>());

  private final Backend backend;
  private final java.time.InstantSource clock;
  private final LongConsumer onCommit;
  private final LinkedBlockingQueue<Task> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean closed;
  private WriteContext context;

  GroupCommitWriter(Backend backend, java.time.InstantSource clock, LongConsumer onCommit) {
    this.backend = backend;
    this.clock = clock;
    this.onCommit = onCommit;
    this.thread = Thread.ofPlatform().name("eventstore-writer-" + backend.name()).daemon()
        .unstarted(this::loop);
    thread.start();
  }

  /** Runs {@code op} in the next batch and returns its result once committed. */
  @SuppressWarnings("unchecked")
  <T> T execute(Op<T> op) {
    if (closed) {
      throw new IllegalStateException("event store is closed");
    }
    Task task = new Task(op, new CompletableFuture<>());
    queue.add(task);
    try {
      return (T) task.result.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        re.addSuppressed(new Exception("called from here"));
        throw re;
      } else if (cause instanceof Error err) {
        throw err;
      }
      throw new EventStoreException(backend.name() + " write failed: " + cause.getMessage(), cause);
    }
  }

  private void loop() {
    List<Task> batch = new ArrayList<>();
    while (true) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        continue; // only close() stops the writer, through STOP, so that no caller is left waiting
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      boolean stop = batch.remove(STOP);
      if (!batch.isEmpty()) {
        runBatch(batch);
      }
      batch.clear();
      if (stop) {
        // Callers that raced with close() get an answer rather than waiting forever.
        for (Task late; (late = queue.poll()) != null; ) {
          late.result.completeExceptionally(new IllegalStateException("event store is closed"));
        }
        discardConnection();
        return;
      }
    }
  }

  private void runBatch(List<Task> batch) {
    Object[] results = new Object[batch.size()];
    Throwable[] failures = new Throwable[batch.size()];
    boolean single = batch.size() == 1;
    WriteContext tx = null;
    try {
      tx = context();
      backend.begin(tx.connection);
      tx.lastPosition = lastPosition(tx);
      tx.nowMicros = Rows.micros(clock.instant());
      long startPosition = tx.lastPosition;
      try (Statement st = tx.connection.createStatement()) {
        for (int i = 0; i < batch.size(); i++) {
          long before = tx.lastPosition;
          if (!single) {
            st.execute("SAVEPOINT op");
          }
          try {
            results[i] = batch.get(i).op.run(tx);
            if (!single) {
              st.execute("RELEASE SAVEPOINT op");
            }
          } catch (RuntimeException | SQLException e) {
            failures[i] = e;
            tx.lastPosition = before;
            if (!single) {
              st.execute("ROLLBACK TO SAVEPOINT op");
              st.execute("RELEASE SAVEPOINT op");
            }
          }
        }
        if (single && failures[0] != null) {
          st.execute("ROLLBACK");
        } else {
          if (tx.lastPosition > startPosition) {
            backend.beforeCommit(tx.connection, tx.lastPosition);
          }
          st.execute("COMMIT");
        }
      }
      for (int i = 0; i < batch.size(); i++) {
        if (failures[i] != null) {
          batch.get(i).result.completeExceptionally(failures[i]);
        } else {
          batch.get(i).result.complete(results[i]);
        }
      }
      if (tx.lastPosition > startPosition) {
        onCommit.accept(tx.lastPosition);
      }
    } catch (SQLException | RuntimeException e) {
      // The transaction as a whole failed (begin, savepoint or commit): nothing of it is kept, or the
      // commit's outcome is unknown if the connection broke during COMMIT. Start afresh next time.
      rollbackQuietly(tx);
      discardConnection();
      for (int i = 0; i < batch.size(); i++) {
        Throwable f = failures[i] != null ? failures[i] : new EventStoreException(
            backend.name() + " write transaction failed: " + e.getMessage(), e);
        batch.get(i).result.completeExceptionally(f);
      }
    } catch (Error e) {
      for (Task t : batch) {
        t.result.completeExceptionally(e);
      }
      throw e;
    }
  }

  private static long lastPosition(WriteContext tx) throws SQLException {
    try (var rs = tx.prepare("SELECT COALESCE(MAX(position), 0) FROM es_events").executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private WriteContext context() throws SQLException {
    if (context == null) {
      context = new WriteContext(backend.openWriter());
    }
    return context;
  }

  private static void rollbackQuietly(WriteContext tx) {
    if (tx == null) {
      return;
    }
    try (Statement st = tx.connection.createStatement()) {
      st.execute("ROLLBACK");
    } catch (SQLException ignored) {
      // no transaction open, or the connection is gone: it is discarded next anyway
    }
  }

  private void discardConnection() {
    if (context != null) {
      context.closeStatements();
      try {
        context.connection.close();
      } catch (SQLException ignored) {
        // the connection was broken already
      }
      context = null;
    }
  }

  /** Lets queued operations finish, then stops the writer thread and closes its connection. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    queue.add(STOP);
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}

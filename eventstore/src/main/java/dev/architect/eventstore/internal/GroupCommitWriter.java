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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * The single writer: callers queue write operations; one thread takes everything queued, runs it in
 * one transaction, commits once, then answers every caller. One commit (one fsync with durability FULL)
 * is shared by all appends waiting at that moment: group commit. A caller is answered only after the
 * commit, so an acknowledged append is durable as far as the backend's durability setting goes.
 *
 * <p>A failing operation is undone alone: appends ({@link Op#buffered()}) write through the
 * transaction's {@link AppendBuffer} and are undone in memory; other operations run inside a savepoint.
 * The appends of a batch look their streams and ids up together before they run ({@link Op#want}), and
 * their writes go out together with COMMIT, so a batch of appends costs two round trips to PostgreSQL
 * whatever its size (see {@link AppendBuffer}), and one when the batch can run on what the writer knows
 * from its own last commit ({@link #speculate}).
 */
final class GroupCommitWriter implements AutoCloseable {
  /** A write operation run inside the batch transaction. */
  interface Op<T> {
    T run(WriteContext tx) throws SQLException;

    /**
     * Whether the operation writes only through {@link WriteContext#buffer} (an append): it then runs
     * without a savepoint, and a failure (a {@link RuntimeException}) is undone in memory. An
     * {@link SQLException} from a buffered operation fails the whole batch: PostgreSQL has aborted the
     * transaction.
     */
    default boolean buffered() {
      return false;
    }

    /** Names, before the batch runs, the streams and event ids a buffered operation will look up. */
    default void want(AppendBuffer buffer) {}
  }

  /**
   * What an operation sees: the connection, cached statements, the position and stream id counters, the
   * batch's clock reading, and the append buffer.
   */
  static final class WriteContext {
    final Connection connection;
    final AppendBuffer buffer = new AppendBuffer();
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    long lastPosition;
    long lastStreamId;
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
  private static final int MAX_KNOWN_STREAMS = 8192;
  private static final long MAX_LINGER_NANOS = 250_000;
  private static final Task STOP = new Task(tx -> null, new CompletableFuture<>());

  private final Backend backend;
  private final java.time.InstantSource clock;
  private final LongConsumer onCommit;
  private final LinkedBlockingQueue<Task> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean closed;
  private volatile CountDownLatch gate;
  private WriteContext context;
  // What the writer knows after its last commit, for batches run on it (speculation); writes < 0: nothing.
  private final Known known = new Known();
  // Of the last batch, for linger(); used by the writer thread only.
  private int lastBatchSize;
  private long lastBatchNanos;

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
      CountDownLatch g = gate;
      if (g != null) {
        awaitGate(g);
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      if (batch.size() < lastBatchSize && g == null) {
        linger(batch);
      }
      boolean stop = batch.remove(STOP);
      if (!batch.isEmpty()) {
        long started = System.nanoTime();
        runBatch(batch);
        lastBatchNanos = System.nanoTime() - started;
        lastBatchSize = batch.size();
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

  /**
   * Waits a little for the rest of a crowd. When fewer operations are queued than the last batch
   * carried, the missing callers were most likely answered by that batch and are on their way back; a
   * batch started without them would be followed at once by a second, small one, and each batch costs a
   * commit (on PostgreSQL also two round trips). So the batch waits for as many operations as the last
   * one had, at most a quarter of the last batch's duration (and never more than {@link #MAX_LINGER_NANOS}).
   * A lone caller never waits: its last batch had one operation.
   */
  private void linger(List<Task> batch) {
    long deadline = System.nanoTime() + Math.min(MAX_LINGER_NANOS, lastBatchNanos / 4);
    while (batch.size() < lastBatchSize) {
      long left = deadline - System.nanoTime();
      Task next;
      try {
        next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
      } catch (InterruptedException e) {
        return;
      }
      if (next == null) {
        return;
      }
      batch.add(next);
      if (next == STOP) {
        return;
      }
      queue.drainTo(batch, MAX_BATCH - batch.size());
    }
  }

  /**
   * For tests: the next batch waits, after its first operation, until the returned action runs, so that
   * the operations queued meanwhile run in one batch, in the order they were queued.
   */
  Runnable holdNextBatch() {
    CountDownLatch g = new CountDownLatch(1);
    gate = g;
    return () -> {
      gate = null;
      g.countDown();
    };
  }

  /** For tests: how many operations wait in the queue (not counting a batch being run or held). */
  int queued() {
    return queue.size();
  }

  private static void awaitGate(CountDownLatch g) {
    boolean interrupted = false;
    while (true) {
      try {
        g.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void runBatch(List<Task> batch) {
    int n = batch.size();
    Object[] results = new Object[n];
    Throwable[] failures = new Throwable[n];
    WriteContext tx = null;
    try {
      tx = context();
      if (speculate(tx, batch, results)) {
        return;
      }
      AppendBuffer buffer = tx.buffer;
      for (Task t : batch) {
        if (t.op.buffered()) {
          t.op.want(buffer);
        }
      }
      known.forget();
      Backend.Heads heads = backend.begin(tx);
      tx.lastPosition = heads.lastPosition();
      tx.lastStreamId = heads.lastStreamId();
      tx.nowMicros = Rows.micros(clock.instant());
      long startPosition = tx.lastPosition;
      boolean anySucceeded = false;
      boolean allBuffered = true;
      for (int i = 0; i < n; i++) {
        Op<?> op = batch.get(i).op;
        allBuffered &= op.buffered();
        long position = tx.lastPosition;
        long streamId = tx.lastStreamId;
        if (op.buffered()) {
          buffer.mark();
          try {
            results[i] = op.run(tx);
            anySucceeded = true;
          } catch (RuntimeException e) {
            failures[i] = e;
            buffer.undo();
            tx.lastPosition = position;
            tx.lastStreamId = streamId;
          }
        } else {
          // It reads and writes the tables directly: they must hold the batch's appends so far.
          buffer.flush(tx);
          buffer.forget();
          boolean savepoint = n > 1;
          try (Statement st = tx.connection.createStatement()) {
            if (savepoint) {
              st.execute("SAVEPOINT op");
            }
            try {
              results[i] = op.run(tx);
              anySucceeded = true;
              if (savepoint) {
                st.execute("RELEASE SAVEPOINT op");
              }
            } catch (RuntimeException | SQLException e) {
              failures[i] = e;
              tx.lastPosition = position;
              tx.lastStreamId = streamId;
              if (savepoint) {
                st.execute("ROLLBACK TO SAVEPOINT op");
                st.execute("RELEASE SAVEPOINT op");
              }
            }
          }
          buffer.forget();
        }
      }
      if (anySucceeded) {
        backend.commit(tx, tx.lastPosition > startPosition ? tx.lastPosition : -1);
        if (allBuffered && heads.writes() >= 0) {
          known.committed(heads.writes(), tx);
        }
      } else {
        backend.rollback(tx);
      }
      buffer.forget();
      answer(batch, results, failures, tx.lastPosition > startPosition ? tx.lastPosition : -1);
    } catch (SQLException | RuntimeException e) {
      // The transaction as a whole failed (begin, a read, the flush or the commit): nothing of it is
      // kept, or the commit's outcome is unknown if the connection broke during COMMIT. Start afresh.
      known.forget();
      rollbackQuietly(tx);
      discardConnection();
      for (int i = 0; i < n; i++) {
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

  /**
   * Runs a batch of appends on what the writer knows from its own last commit, without reading the
   * tables, and commits it in one statement that writes only if nobody wrote since: one round trip to
   * PostgreSQL instead of two. Streams the writer has not seen are presumed absent and event ids unused;
   * a unique key refuses a wrong presumption. Gives up, with nothing written, when the writer knows
   * nothing, when an operation is not an append or fails (its failure may come from a presumption: an
   * id presumed unused may be a retry), and when the store changed or a presumption was wrong; the batch
   * then runs the ordinary way. Returns whether the batch was committed and answered.
   */
  private boolean speculate(WriteContext tx, List<Task> batch, Object[] results) throws SQLException {
    if (known.writes < 0) {
      return false;
    }
    for (Task t : batch) {
      if (!t.op.buffered()) {
        return false;
      }
    }
    AppendBuffer buffer = tx.buffer;
    buffer.presume(known.streams);
    tx.lastPosition = known.lastPosition;
    tx.lastStreamId = known.lastStreamId;
    tx.nowMicros = Rows.micros(clock.instant());
    long startPosition = tx.lastPosition;
    try {
      for (int i = 0; i < batch.size(); i++) {
        buffer.mark();
        results[i] = batch.get(i).op.run(tx);
      }
      if (!buffer.dirty()) {
        return false; // empty appends only: their answers are reads, made the ordinary way under the lock
      }
      long lastPosition = tx.lastPosition > startPosition ? tx.lastPosition : -1;
      if (!backend.commitIfUnchanged(tx, known.writes, lastPosition)) {
        known.forget(); // written by someone else, or presumed wrongly: read it all afresh
        return false;
      }
      known.committed(known.writes + 1, tx);
    } catch (RuntimeException e) {
      return false;
    } finally {
      buffer.forget();
    }
    answer(batch, results, new Throwable[batch.size()], tx.lastPosition > startPosition ? tx.lastPosition : -1);
    return true;
  }

  private void answer(List<Task> batch, Object[] results, Throwable[] failures, long lastPosition) {
    for (int i = 0; i < batch.size(); i++) {
      if (failures[i] != null) {
        batch.get(i).result.completeExceptionally(failures[i]);
      } else {
        batch.get(i).result.complete(results[i]);
      }
    }
    if (lastPosition >= 0) {
      onCommit.accept(lastPosition);
    }
  }

  /**
   * The store as this writer left it at its last commit: the write count, the last position and stream
   * id, and the rows of the streams it touched lately (at most {@link #MAX_KNOWN_STREAMS}).
   */
  private static final class Known {
    long writes = -1;
    long lastPosition;
    long lastStreamId;
    final Map<String, AppendBuffer.StreamRow> streams = new java.util.LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, AppendBuffer.StreamRow> eldest) {
        return size() > MAX_KNOWN_STREAMS;
      }
    };

    void committed(long writes, WriteContext tx) {
      this.writes = writes;
      lastPosition = tx.lastPosition;
      lastStreamId = tx.lastStreamId;
      tx.buffer.rememberRows(streams);
    }

    void forget() {
      writes = -1;
      streams.clear();
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
    tx.buffer.forget();
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

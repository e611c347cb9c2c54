package dev.architect.resilience.distributed;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A minimal connection pool for tests (the library leaves pooling to the application, which would use
 * HikariCP): closing a borrowed connection rolls back any open transaction and returns it to the pool.
 */
final class PooledDataSource implements DataSource, AutoCloseable {
  /** Opens a new physical connection. */
  @FunctionalInterface
  interface Opener {
    Connection open() throws SQLException;
  }

  private final Opener opener;
  private final LinkedBlockingDeque<Connection> idle = new LinkedBlockingDeque<>();
  private volatile PrintWriter logWriter;
  private volatile int loginTimeout;

  PooledDataSource(Opener opener) {
    this.opener = opener;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection physical = idle.pollFirst();
    if (physical == null || physical.isClosed()) {
      physical = opener.open();
    }
    return borrowed(physical);
  }

  private Connection borrowed(Connection physical) {
    AtomicBoolean closed = new AtomicBoolean();
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          switch (method.getName()) {
            case "close" -> {
              if (closed.compareAndSet(false, true)) {
                if (!physical.isClosed()) {
                  if (!physical.getAutoCommit()) {
                    physical.rollback();
                    physical.setAutoCommit(true);
                  }
                  idle.offerFirst(physical);
                }
              }
              return null;
            }
            case "isClosed" -> {
              if (closed.get()) {
                return true;
              }
            }
            default -> {
              if (closed.get() && !method.getName().equals("toString")) {
                throw new SQLException("connection returned to the pool");
              }
            }
          }
          try {
            return method.invoke(physical, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Override
  public void close() throws SQLException {
    for (Connection connection; (connection = idle.pollFirst()) != null; ) {
      connection.close();
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("credentials are part of the connection URL");
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {
    loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("no logger");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("not a wrapper for " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}

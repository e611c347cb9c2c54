package dev.architect.vfs.internal;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.Watchable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * Watch services of one {@code db:} file system. Events come from the changes made through this
 * file system object (entry created, deleted, modified in a watched directory), when they are made;
 * changes made by other processes are not reported. Thread-safe.
 */
final class Watcher {
  private final DbFileSystem fs;
  private final Set<Service> services = ConcurrentHashMap.newKeySet();

  Watcher(DbFileSystem fs) {
    this.fs = fs;
  }

  WatchService newService() {
    Service s = new Service();
    services.add(s);
    return s;
  }

  WatchKey register(DbPath dir, WatchService service, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers)
      throws IOException {
    if (!(service instanceof Service s) || !services.contains(s)) {
      throw new ProviderMismatchException("watch service is not of this db: file system");
    }
    if (s.closed) {
      throw new ClosedWatchServiceException();
    }
    if (modifiers.length > 0) {
      throw new UnsupportedOperationException("watch modifiers are not supported, were " + List.of(modifiers));
    }
    Set<WatchEvent.Kind<?>> kinds = new HashSet<>();
    for (WatchEvent.Kind<?> k : events) {
      if (k == StandardWatchEventKinds.ENTRY_CREATE || k == StandardWatchEventKinds.ENTRY_DELETE
          || k == StandardWatchEventKinds.ENTRY_MODIFY) {
        kinds.add(k);
      } else if (k != StandardWatchEventKinds.OVERFLOW) {
        throw new UnsupportedOperationException("watch event kind " + k.name() + " is not supported");
      }
    }
    if (!fs.node(dir, true).isDir()) {
      throw new NotDirectoryException(dir.toString());
    }
    String key = dir.toAbsolutePath().normalize().toString();
    return s.keys.compute(key, (k, old) -> {
      if (old != null && old.valid) {
        old.kinds = Set.copyOf(kinds);
        return old;
      }
      return new Key(s, dir, Set.copyOf(kinds));
    });
  }

  void changed(DbPath path, DbFileSystem.WatchKind kind) {
    if (services.isEmpty()) {
      return;
    }
    Path abs = path.toAbsolutePath().normalize();
    Path parent = abs.getParent();
    if (parent == null) {
      return;
    }
    WatchEvent.Kind<Path> k = switch (kind) {
      case CREATE -> StandardWatchEventKinds.ENTRY_CREATE;
      case DELETE -> StandardWatchEventKinds.ENTRY_DELETE;
      case MODIFY -> StandardWatchEventKinds.ENTRY_MODIFY;
    };
    for (Service s : services) {
      Key key = s.keys.get(parent.toString());
      if (key != null && key.valid && key.kinds.contains(k)) {
        key.signal(new Event(k, abs.getFileName()));
      }
    }
  }

  void close() {
    for (Service s : services) {
      s.close();
    }
  }

  private record Event(Kind<Path> kind, Path context) implements WatchEvent<Path> {
    @Override
    public int count() {
      return 1;
    }
  }

  private final class Service implements WatchService {
    final Map<String, Key> keys = new ConcurrentHashMap<>();
    final LinkedBlockingDeque<Key> ready = new LinkedBlockingDeque<>();
    volatile boolean closed;

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      for (Key k : keys.values()) {
        k.valid = false;
      }
      services.remove(this);
      ready.offer(new Key(this, null, Set.of()));
    }

    private WatchKey checked(Key k) {
      if (closed) {
        throw new ClosedWatchServiceException();
      }
      return k;
    }

    @Override
    public WatchKey poll() {
      if (closed) {
        throw new ClosedWatchServiceException();
      }
      Key k = ready.poll();
      return k == null ? null : checked(k);
    }

    @Override
    public WatchKey poll(long timeout, TimeUnit unit) throws InterruptedException {
      if (closed) {
        throw new ClosedWatchServiceException();
      }
      Key k = ready.poll(timeout, unit);
      return k == null ? null : checked(k);
    }

    @Override
    public WatchKey take() throws InterruptedException {
      if (closed) {
        throw new ClosedWatchServiceException();
      }
      return checked(ready.take());
    }
  }

  private static final class Key implements WatchKey {
    private final Service service;
    private final Path dir;
    volatile Set<WatchEvent.Kind<?>> kinds;
    volatile boolean valid = true;
    private final List<WatchEvent<?>> events = new ArrayList<>();
    private boolean signalled;

    Key(Service service, Path dir, Set<WatchEvent.Kind<?>> kinds) {
      this.service = service;
      this.dir = dir;
      this.kinds = kinds;
    }

    synchronized void signal(WatchEvent<?> e) {
      events.add(e);
      if (!signalled) {
        signalled = true;
        service.ready.offer(this);
      }
    }

    @Override
    public boolean isValid() {
      return valid && !service.closed;
    }

    @Override
    public synchronized List<WatchEvent<?>> pollEvents() {
      List<WatchEvent<?>> out = List.copyOf(events);
      events.clear();
      return out;
    }

    @Override
    public synchronized boolean reset() {
      if (!isValid()) {
        return false;
      }
      if (!events.isEmpty()) {
        service.ready.offer(this);
      } else {
        signalled = false;
      }
      return true;
    }

    @Override
    public void cancel() {
      valid = false;
      service.keys.values().remove(this);
    }

    @Override
    public Watchable watchable() {
      return dir;
    }
  }
}

package dev.architect.eventstore;

import java.io.PrintStream;
import java.util.List;

/**
 * The process {@link SqliteCrashTest} kills: four threads append two-stream pairs in a loop, at the
 * default durability (FULL), and print "ack THREAD INDEX" once each append has returned.
 */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) throws Exception {
    EventStore store = EventStore.open("sqlite:" + args[0]);
    PrintStream out = System.out;
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      int id = t;
      threads[t] = Thread.ofPlatform().start(() -> {
        for (long i = 0; ; i++) {
          String payload = "{\"t\":" + id + ",\"i\":" + i + "}";
          ExpectedVersion x = i == 0 ? ExpectedVersion.NO_STREAM : ExpectedVersion.exactly(2 * i - 1);
          store.appendMulti(List.of(
              StreamAppend.of("pair-a" + id, x, EventData.json("A", payload), EventData.json("A2", payload)),
              StreamAppend.of("pair-b" + id, x, EventData.json("B", payload), EventData.json("B2", payload))));
          synchronized (out) {
            out.println("ack " + id + " " + i);
            out.flush();
          }
        }
      });
    }
    for (Thread t : threads) {
      t.join();
    }
  }
}

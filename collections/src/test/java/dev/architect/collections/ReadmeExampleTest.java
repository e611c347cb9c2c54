package dev.architect.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The examples of collections/README.md, compiled and run with the results the README shows; and a
 * check that every code line of the README appears, as written, in this file.
 */
class ReadmeExampleTest {
  record Job(String name, int priority) {}

  @Test
  void smallestUsefulExample() {
    Heap<Integer> heap = Heap.min();
    heap.push(5);
    heap.push(1);
    heap.push(3);
    int smallest = heap.pop();
    List<Integer> rest = heap.drain();
    assertThat(smallest).isEqualTo(1);
    assertThat(rest).containsExactly(3, 5);

    IndexedPriorityQueue<String> timers = IndexedPriorityQueue.minFirst();
    IndexedPriorityQueue.Handle<String> flush = timers.push("flush", 300);
    IndexedPriorityQueue.Handle<String> retry = timers.push("retry", 200);
    timers.push("ping", 100);
    timers.update(flush, 50);
    timers.remove(retry);
    String first = timers.pop();
    long next = timers.peekPriority();
    assertThat(first).isEqualTo("flush");
    assertThat(next).isEqualTo(100);
    // The stale-handle message the README quotes.
    assertThatThrownBy(() -> timers.update(flush, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("handle flush@50 is stale: its entry was already popped, removed or cleared");
  }

  @Test
  void stableQueuePrimitiveArrayAndIterators() {
    StablePriorityQueue<Job> jobs = StablePriorityQueue.by(Comparator.comparingInt(Job::priority));
    jobs.push(new Job("report", 2));
    jobs.push(new Job("alert", 1));
    jobs.push(new Job("page", 1));
    List<Job> order = jobs.drain();
    assertThat(order).extracting(Job::name).containsExactly("alert", "page", "report");

    IntArray counts = IntArray.ofLength(1_000_000);
    counts.set(42, 7);
    int total = counts.stream().sum();
    assertThat(total).isEqualTo(7);

    Iterator<Long> naturals = LongStream.iterate(0, n -> n + 1).iterator();
    Iterator<List<Long>> pages = Iterators.chunk(Iterators.limit(Iterators.skip(naturals, 10), 7), 3);
    List<Long> firstPage = pages.next();
    assertThat(firstPage).containsExactly(10L, 11L, 12L);
    assertThat(pages.next()).containsExactly(13L, 14L, 15L);
    assertThat(pages.next()).containsExactly(16L);
    assertThat(pages.hasNext()).isFalse();
  }

  @Test
  void everyCodeLineOfTheReadmeIsInThisTest() throws IOException {
    // Surefire runs in the module directory.
    List<String> readme = Files.readAllLines(Path.of("README.md"));
    Set<String> here = Files.readAllLines(Path.of("src/test/java/dev/architect/collections/ReadmeExampleTest.java"))
        .stream().map(ReadmeExampleTest::code).collect(Collectors.toSet());
    List<String> missing = new ArrayList<>();
    int blocks = 0;
    boolean inJava = false;
    for (String line : readme) {
      if (line.startsWith("```")) {
        inJava = line.equals("```java");
        blocks += inJava ? 1 : 0;
      } else if (inJava && !code(line).isEmpty() && !here.contains(code(line))) {
        missing.add(line);
      }
    }
    assertThat(blocks).as("java blocks in the README").isEqualTo(2);
    assertThat(missing).as("README code lines not in ReadmeExampleTest").isEmpty();
  }

  /** A line without its indentation and trailing {@code //} comment. */
  private static String code(String line) {
    int comment = line.indexOf("//");
    return (comment < 0 ? line : line.substring(0, comment)).strip();
  }
}

package dev.architect.cli.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Lab 06 runs and shows what it computed: the scheduler's trace with its updates and removals, the
 * scaled-up run agreeing with PriorityQueue, top-k agreeing with a full sort in far fewer
 * comparisons, and the measured memory of each structure in the order the layouts imply.
 */
class Lab06CollectionsTest {
  @Test
  void runsAndShowsWhatItComputed() {
    StringWriter text = new StringWriter();
    new Lab06Collections().run(new PrintWriter(text, true));
    String output = text.toString();

    assertThat(output)
        .contains("queued: 6 jobs, next at 50 ms: heartbeat")
        .contains("50 ms  heartbeat runs; rescheduled to 200 ms (update)")
        .contains("100 ms  email     runs; cancels cleanup (remove), moves report up to 120 ms (update)")
        .contains("120 ms  report    runs; brings backup forward to 250 ms (update)")
        .contains("still queued after 600 ms: [heartbeat@650]")
        .contains("cleanup.isQueued() = false, heartbeat.isQueued() = true")
        .contains("cancelling cleanup again: IllegalArgumentException: handle cleanup@300 is stale: its entry was"
            + " already popped, removed or cleared")
        .containsPattern("indexed queue: +[\\d,]+ cancelled \\(distinct\\), [\\d,]+ fired, in deadline order: true")
        .containsPattern("PriorityQueue: +[\\d,]+ fired, same deadlines in the same order: true")
        .contains("same top 10 as the full sort: true")
        .containsPattern(" 1\\. /\\w+ +[\\d.]+ ms");
    // Equal deadlines: invoice (pushed before heartbeat's update) runs before heartbeat at 200 ms.
    assertThat(output.indexOf("200 ms  invoice")).isLessThan(output.indexOf("200 ms  heartbeat"));
    // The report's update to 120 ms came before backup was brought forward, and backup ran at 250.
    assertThat(output).contains("250 ms  backup    runs");

    // Top-k takes a small fraction of the sort's comparisons.
    Matcher comparisons = Pattern.compile("heap: ([\\d,]+) comparisons .*full sort: ([\\d,]+)").matcher(output);
    assertThat(comparisons.find()).isTrue();
    assertThat(number(comparisons.group(1)) * 5).isLessThan(number(comparisons.group(2)));

    // Memory, as measured in this run: an int in an IntArray takes about 4 bytes, a boxed one in a
    // list at least 16 more, a linked one more still.
    double intArray = perInt(output, "IntArray");
    double fixed = perInt(output, "FixedArray<Integer>");
    double presized = perInt(output, "ArrayList<Integer>, presized");
    double linked = perInt(output, "LinkedList<Integer>");
    assertThat(intArray).isBetween(3.5, 5.0);
    assertThat(fixed).isGreaterThan(intArray * 3);
    assertThat(presized).isGreaterThan(intArray * 3);
    assertThat(linked).isGreaterThan(presized);
  }

  private static long number(String digits) {
    return Long.parseLong(digits.replace(",", ""));
  }

  private static double perInt(String output, String structure) {
    Matcher row = Pattern.compile("\\n  " + Pattern.quote(structure) + " +[\\d.]+ MB +([\\d.]+) B").matcher(output);
    assertThat(row.find()).as("a measured row for %s in:%n%s", structure, output).isTrue();
    return Double.parseDouble(row.group(1));
  }
}

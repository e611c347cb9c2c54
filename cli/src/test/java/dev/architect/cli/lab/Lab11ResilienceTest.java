package dev.architect.cli.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Lab 11 runs and shows what it computed: the breaker's transitions, the retry delays within their
 * caps, the limiter within its bound, the bulkhead's limit, and two processes fenced by tokens.
 */
class Lab11ResilienceTest {
  @Test
  void runsAndShowsWhatItComputed() throws Exception {
    StringWriter text = new StringWriter();
    new Lab11Resilience().run(new PrintWriter(text, true));
    String output = text.toString();
    assertThat(output)
        .containsPattern("CLOSED +-> OPEN")
        .containsPattern("OPEN +-> HALF_OPEN")
        .containsPattern("HALF_OPEN +-> CLOSED")
        .contains("state at the end: CLOSED")
        .containsPattern("attempt 5 returned \"42 in stock\" after \\d+ ms of backoff in all")
        .containsPattern("gave up after \\d attempts and \\d+ ms \\(never sleeping past the deadline\\)")
        .contains("windows over the bound capacity + rate x t: none")
        .containsPattern("at most [1-4] inside at a time")
        .containsPattern("process A \\(pid \\d+\\): round 1 token \\d+")
        .containsPattern("process B \\(pid \\d+\\): .*late write refused: ")
        .contains("tokens never went down at the resource: true");
    // Each retry's delay lies within its full-jitter cap.
    Matcher delays = Pattern.compile("sleeping +(\\d+) ms \\(cap for this retry +(\\d+) ms\\)").matcher(output);
    int retries = 0;
    while (delays.find()) {
      retries++;
      assertThat(Integer.parseInt(delays.group(1))).as(delays.group()).isBetween(0, Integer.parseInt(delays.group(2)));
    }
    assertThat(retries).isGreaterThanOrEqualTo(5);
  }
}

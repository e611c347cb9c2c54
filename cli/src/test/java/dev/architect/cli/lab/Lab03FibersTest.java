package dev.architect.cli.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Lab 03 runs and shows what it computed: states, values, exceptions, the schedule, the generator. */
class Lab03FibersTest {
  @Test
  void runsAndShowsWhatItComputed() {
    StringWriter text = new StringWriter();
    new Lab03Fibers().run(new PrintWriter(text, true));
    String output = text.toString();
    assertThat(output)
        .contains("start(...) gave:   first suspend value")
        .contains("inside: resumed with resume #1")
        .contains("getReturn():       the return value")
        .contains("FiberException: cannot resume a fiber that is not suspended")
        .contains("caught inside: thrown in with throwInto()")
        .contains("close() unwinds:   [finally ran], terminated=true")
        .contains("first 12: [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89]")
        .contains("all tasks done at 150 ms of virtual time, 9 steps in all")
        .containsPattern("CONTINUATION +[\\d,.]+ ns per round trip");
    // The schedule interleaves: parse's second step (20 ms) comes before fetch's (30 ms).
    assertThat(output.indexOf("parse step 2")).isLessThan(output.indexOf("fetch step 2"));
  }
}

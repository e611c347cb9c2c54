package dev.architect.cli.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * Lab 09 runs and shows what it computed: parallel results, each combinator's outcome, both
 * cancellations, the reported failure and the cost figures.
 */
class Lab09FuturesTest {
  @Test
  void runsAndShowsWhatItComputed() throws InterruptedException {
    StringWriter text = new StringWriter();
    new Lab09Futures().run(new PrintWriter(text, true));
    String output = text.toString();
    assertThat(output)
        .contains("primes below 2,000,000: 148,933 with 8 async tasks, 148,933 counted sequentially (equal: true)")
        .contains("on virtual threads: [true]")
        .containsPattern("Future\\.iterate: +c=C, a=failed \\(a is down\\), d=D, b=B")
        .containsPattern("await: +threw IllegalStateException: a is down")
        .containsPattern("awaitAll: +errors \\{a=IllegalStateException: a is down}, values \\{c=C, d=D, b=B}")
        .containsPattern("awaitAny: +C ")
        .containsPattern("awaitAnyN\\(2\\): +\\{c=C, d=D}")
        .containsPattern("awaitFirst: +C ")
        .contains("awaitAny, all fail:  CompositeException: all 2 futures failed: ")
        .contains("100 / 0 -> result -1")
        .contains("complete twice:      IllegalStateException: the future is already complete (completed: 0)")
        .containsPattern("await\\(timeout\\) gave up after \\d+ ms: the operation was cancelled: "
            + "java.util.concurrent.TimeoutException: the operation timed out after 50 ms")
        .contains("later it gives \"finished anyway\"")
        .contains("stopped too: CancelledException, reason TimeoutException")
        .contains("with a 5 s timeout instead: \"report ready\", timeout requested: false")
        .containsPattern("the download stopped after \\d+ ms: the operation was cancelled: "
            + "java.lang.IllegalStateException: the user pressed stop")
        .contains("requested: composite=true, stop button=true, timeout=false")
        .contains("throwIfRequested() now throws the same exception: true")
        .contains("subscriber told: the operation was cancelled: java.lang.IllegalStateException: the user pressed stop")
        .doesNotContain("this one was unsubscribed")
        .containsPattern("garbage collection\\(s\\), the handler received: \\[nobody awaited me]")
        .containsPattern("Async\\.async\\(\\.\\.\\.\\)\\.await\\(\\) +[\\d,]+ ns")
        .containsPattern("CompletableFuture\\.supplyAsync\\(\\.\\.\\.\\)\\.join\\(\\) +[\\d,]+ ns");
  }
}

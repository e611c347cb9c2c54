package dev.architect.fiber;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The examples of fiber/README.md, compiled and run. */
class ReadmeExampleTest {
  @Test
  void smallestUsefulExample() {
    Fiber fiber = new Fiber(args -> {
      Object reply = Fiber.suspend("ready");
      return "got " + reply;
    });
    assertThat(fiber.start()).isEqualTo("ready");
    assertThat(fiber.resume("ping")).isNull();
    assertThat(fiber.getReturn()).isEqualTo("got ping");
  }

  @Test
  void schedulerExample() {
    Scheduler scheduler = Scheduler.createWithVirtualTime();
    Scheduler.Task<String> slow = scheduler.spawn(() -> {
      Scheduler.sleep(Duration.ofSeconds(5));
      return "slow";
    });
    Scheduler.Task<String> both = scheduler.spawn(() -> "fast then " + slow.await());
    scheduler.run();
    assertThat(both.result()).isEqualTo("fast then slow");
    assertThat(scheduler.nanoTime()).isEqualTo(Duration.ofSeconds(5).toNanos());
  }
}

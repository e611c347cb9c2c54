package dev.architect.fiber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class GeneratorTest {
  @Test
  void yieldsLazilyAndEnds() {
    List<String> log = new ArrayList<>();
    Generator<Integer> generator = Generator.of(out -> {
      for (int i = 1; i <= 3; i++) {
        log.add("computing " + i);
        out.yield(i * i);
      }
      return "sum done";
    });
    assertThat(log).isEmpty();
    assertThat(generator.next()).isEqualTo(1);
    assertThat(log).containsExactly("computing 1");
    List<Integer> rest = new ArrayList<>();
    generator.forEachRemaining(rest::add);
    assertThat(rest).containsExactly(4, 9);
    assertThat(generator.hasNext()).isFalse();
    assertThat(generator.getReturn()).isEqualTo("sum done");
    assertThatThrownBy(generator::next).isInstanceOf(NoSuchElementException.class)
        .hasMessage("the generator has no more values");
  }

  @Test
  void infiniteGeneratorsAndNullValues() {
    try (Generator<String> generator = Generator.of(out -> {
      while (true) {
        out.yield(null);
        out.yield("x");
      }
    })) {
      assertThat(generator.next()).isNull();
      assertThat(generator.hasNext()).isTrue();
      assertThat(generator.next()).isEqualTo("x");
      assertThat(generator.next()).isNull();
    }
  }

  @Test
  void sendResumesWithAValueLikePhp() {
    List<Object> received = new ArrayList<>();
    Generator<String> generator = Generator.of(out -> {
      received.add(out.yield("first"));
      received.add(out.yield("second"));
      return null;
    });
    // As in PHP, send() on a fresh generator runs to the first yield, then sends.
    assertThat(generator.send("A")).isEqualTo("second");
    assertThat(received).containsExactly("A");
    assertThatThrownBy(() -> generator.send("B")).isInstanceOf(NoSuchElementException.class)
        .hasMessage("the generator ended instead of yielding");
    assertThat(received).containsExactly("A", "B");
  }

  @Test
  void closeRunsFinallyBlocks() {
    List<String> log = new ArrayList<>();
    Generator<Integer> generator = Generator.of(out -> {
      try {
        out.yield(1);
        out.yield(2);
        return null;
      } finally {
        log.add("cleaned up");
      }
    });
    assertThat(generator.next()).isEqualTo(1);
    generator.close();
    assertThat(log).containsExactly("cleaned up");
    assertThat(generator.hasNext()).isFalse();
  }

  @Test
  void exceptionsReachTheConsumer() {
    Generator<Integer> generator = Generator.of(out -> {
      out.yield(1);
      throw new IllegalStateException("source broke");
    });
    generator.next();
    assertThatThrownBy(generator::hasNext).isInstanceOf(IllegalStateException.class).hasMessage("source broke");
  }
}

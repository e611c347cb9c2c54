package dev.architect.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class IteratorsTest {
  /** An endless source 0, 1, 2, ... that counts what was pulled from it. */
  static final class Counting implements Iterator<Integer> {
    int pulled;

    @Override
    public boolean hasNext() {
      return true;
    }

    @Override
    public Integer next() {
      return pulled++;
    }
  }

  private static <T> List<T> list(Iterator<T> iterator) {
    List<T> list = new ArrayList<>();
    iterator.forEachRemaining(list::add);
    return list;
  }

  @Test
  void limitIsLazyAndStopsAtTheLimit() {
    Counting source = new Counting();
    Iterator<Integer> limited = Iterators.limit(source, 3);
    assertThat(source.pulled).isZero();
    assertThat(list(limited)).containsExactly(0, 1, 2);
    assertThat(source.pulled).isEqualTo(3);
    assertThatThrownBy(limited::next).isInstanceOf(NoSuchElementException.class)
        .hasMessage("limit of 3 elements reached");

    Counting untouched = new Counting();
    assertThat(list(Iterators.limit(untouched, 0))).isEmpty();
    assertThat(untouched.pulled).isZero();
    assertThat(list(Iterators.limit(List.of(1, 2).iterator(), 10))).containsExactly(1, 2);
    assertThatThrownBy(() -> Iterators.limit(new Counting(), -1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max must not be negative, was -1");
  }

  @Test
  void skipSkipsOnFirstUse() {
    Counting source = new Counting();
    Iterator<Integer> skipped = Iterators.skip(source, 5);
    assertThat(source.pulled).isZero();
    assertThat(skipped.next()).isEqualTo(5);
    assertThat(skipped.next()).isEqualTo(6);
    assertThat(list(Iterators.skip(List.of(1, 2).iterator(), 3))).isEmpty();
    assertThat(list(Iterators.skip(List.of(1, 2).iterator(), 0))).containsExactly(1, 2);
    assertThat(list(Iterators.limit(Iterators.skip(new Counting(), 10), 3))).containsExactly(10, 11, 12);
    assertThatThrownBy(() -> Iterators.skip(new Counting(), -3)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count must not be negative, was -3");
  }

  @Test
  void lookaheadPeeksWithoutConsuming() {
    Counting source = new Counting();
    PeekingIterator<Integer> iterator = Iterators.lookahead(source);
    assertThat(source.pulled).isZero();
    assertThat(iterator.peek()).isEqualTo(0);
    assertThat(iterator.peek()).isEqualTo(0);
    assertThat(source.pulled).isEqualTo(1);
    assertThat(iterator.next()).isEqualTo(0);
    assertThat(iterator.next()).isEqualTo(1);
    assertThat(iterator.peek()).isEqualTo(2);

    PeekingIterator<String> withNull = Iterators.lookahead(Arrays.asList("a", null).iterator());
    withNull.next();
    assertThat(withNull.peek()).isNull();
    assertThat(withNull.hasNext()).isTrue();
    assertThat(withNull.next()).isNull();
    assertThat(withNull.hasNext()).isFalse();
    assertThatThrownBy(withNull::peek).isInstanceOf(NoSuchElementException.class)
        .hasMessage("nothing to peek at: the iterator is exhausted");
    assertThatThrownBy(withNull::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void chunkGroupsAndLeavesTheRestInTheLastChunk() {
    assertThat(list(Iterators.chunk(List.of(1, 2, 3, 4, 5).iterator(), 2)))
        .containsExactly(List.of(1, 2), List.of(3, 4), List.of(5));
    assertThat(list(Iterators.chunk(List.of(1, 2).iterator(), 2))).containsExactly(List.of(1, 2));
    assertThat(list(Iterators.chunk(List.<Integer>of().iterator(), 3))).isEmpty();
    Counting source = new Counting();
    Iterator<List<Integer>> chunks = Iterators.chunk(source, 4);
    assertThat(source.pulled).isZero();
    assertThat(chunks.next()).containsExactly(0, 1, 2, 3);
    assertThat(source.pulled).isEqualTo(4);
    List<Integer> chunk = chunks.next();
    assertThatThrownBy(() -> chunk.add(9)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(list(Iterators.chunk(Arrays.asList(null, "x").iterator(), 5))).containsExactly(Arrays.asList(null, "x"));
    assertThatThrownBy(() -> Iterators.chunk(new Counting(), 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("size must be positive, was 0");
    assertThatThrownBy(() -> Iterators.chunk(List.of().iterator(), 1).next())
        .isInstanceOf(NoSuchElementException.class).hasMessage("no chunk left");
  }

  @Test
  void zipStopsAtTheShorterSource() {
    assertThat(list(Iterators.zip(List.of("a", "b", "c").iterator(), new Counting(), (s, i) -> s + i)))
        .containsExactly("a0", "b1", "c2");
    Counting longer = new Counting();
    Iterator<String> zipped = Iterators.zip(List.of("x").iterator(), longer, (s, i) -> s + i);
    assertThat(list(zipped)).containsExactly("x0");
    assertThat(longer.pulled).isEqualTo(1);
    assertThatThrownBy(zipped::next).isInstanceOf(NoSuchElementException.class)
        .hasMessage("one of the zipped iterators is exhausted");
  }

  @Test
  void removeIsRefusedByNameAndNullsAreRefused() {
    assertThatThrownBy(() -> Iterators.limit(new Counting(), 1).remove())
        .isInstanceOf(UnsupportedOperationException.class).hasMessage("Iterators.limit does not support remove");
    assertThatThrownBy(() -> Iterators.skip(new Counting(), 1).remove())
        .hasMessage("Iterators.skip does not support remove");
    assertThatThrownBy(() -> Iterators.lookahead(new Counting()).remove())
        .hasMessage("Iterators.lookahead does not support remove");
    assertThatThrownBy(() -> Iterators.chunk(new Counting(), 1).remove())
        .hasMessage("Iterators.chunk does not support remove");
    assertThatThrownBy(() -> Iterators.zip(new Counting(), new Counting(), Integer::sum).remove())
        .hasMessage("Iterators.zip does not support remove");

    assertThatThrownBy(() -> Iterators.limit(null, 1)).isInstanceOf(NullPointerException.class)
        .hasMessage("source must not be null");
    assertThatThrownBy(() -> Iterators.lookahead(null)).hasMessage("source must not be null");
    assertThatThrownBy(() -> Iterators.zip(new Counting(), null, Integer::sum)).hasMessage("second must not be null");
    assertThatThrownBy(() -> Iterators.zip(new Counting(), new Counting(), null))
        .hasMessage("combiner must not be null");
  }
}

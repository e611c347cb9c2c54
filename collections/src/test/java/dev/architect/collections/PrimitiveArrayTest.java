package dev.architect.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;
import org.junit.jupiter.api.Test;

/** IntArray, LongArray and DoubleArray: the same contract, checked on each. */
class PrimitiveArrayTest {
  @Test
  void intArray() {
    IntArray array = IntArray.ofLength(4);
    assertThat(array.toArray()).containsExactly(0, 0, 0, 0);
    array.set(0, 9);
    array.set(3, -2);
    assertThat(array.get(0)).isEqualTo(9);
    assertThat(array.toString()).isEqualTo("[9, 0, 0, -2]");
    array.sort();
    assertThat(array.toArray()).containsExactly(-2, 0, 0, 9);
    assertThat(array.binarySearch(9)).isEqualTo(3);
    assertThat(array.binarySearch(5)).isEqualTo(-4);
    assertThat(array.stream().sum()).isEqualTo(7);
    IntArray copy = array.copy();
    copy.fill(1);
    assertThat(copy.toArray()).containsExactly(1, 1, 1, 1);
    assertThat(array.toArray()).containsExactly(-2, 0, 0, 9);
    assertThat(array.resized(2)).isEqualTo(IntArray.of(-2, 0));
    assertThat(array.resized(5).toArray()).containsExactly(-2, 0, 0, 9, 0);
    assertThat(IntArray.of(1, 2)).isEqualTo(IntArray.of(1, 2)).hasSameHashCodeAs(IntArray.of(1, 2))
        .isNotEqualTo(IntArray.of(2, 1)).isNotEqualTo(LongArray.of(1, 2));
    List<Integer> seen = new ArrayList<>();
    array.forEach(seen::add);
    assertThat(seen).containsExactly(-2, 0, 0, 9);
    int[] source = {5};
    IntArray fromSource = IntArray.of(source);
    source[0] = 6;
    assertThat(fromSource.get(0)).isEqualTo(5);

    assertThatThrownBy(() -> array.get(4)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("index 4 out of bounds for length 4");
    assertThatThrownBy(() -> array.set(-1, 0)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("index -1 out of bounds for length 4");
    assertThatThrownBy(() -> IntArray.ofLength(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("length must not be negative, was -1");
    assertThatThrownBy(() -> IntArray.of((int[]) null)).isInstanceOf(NullPointerException.class)
        .hasMessage("values must not be null");
    assertThatThrownBy(() -> array.forEach(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("action must not be null");
    PrimitiveIterator.OfInt iterator = IntArray.of(7).iterator();
    assertThat(iterator.nextInt()).isEqualTo(7);
    assertThatThrownBy(iterator::nextInt).isInstanceOf(NoSuchElementException.class)
        .hasMessage("no element after index 0");
    assertThatThrownBy(iterator::remove).isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("a fixed-length array cannot remove elements");
  }

  @Test
  void longArray() {
    LongArray array = LongArray.of(Long.MAX_VALUE, -1, 3);
    array.sort();
    assertThat(array.toArray()).containsExactly(-1, 3, Long.MAX_VALUE);
    assertThat(array.binarySearch(Long.MAX_VALUE)).isEqualTo(2);
    assertThat(array.stream().max().orElseThrow()).isEqualTo(Long.MAX_VALUE);
    assertThat(array.toString()).isEqualTo("[-1, 3, 9223372036854775807]");
    assertThat(array.copy()).isEqualTo(array).hasSameHashCodeAs(array);
    array.fill(4);
    assertThat(array.resized(1).toArray()).containsExactly(4);
    PrimitiveIterator.OfLong iterator = array.iterator();
    long sum = 0;
    while (iterator.hasNext()) {
      sum += iterator.nextLong();
    }
    assertThat(sum).isEqualTo(12);
    assertThatThrownBy(() -> array.get(3)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("index 3 out of bounds for length 3");
    assertThatThrownBy(() -> array.set(-1, 0)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("index -1 out of bounds for length 3");
    assertThatThrownBy(() -> LongArray.ofLength(-5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("length must not be negative, was -5");
    assertThatThrownBy(() -> array.resized(-2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("newLength must not be negative, was -2");
    assertThatThrownBy(() -> LongArray.of((long[]) null)).isInstanceOf(NullPointerException.class)
        .hasMessage("values must not be null");
    assertThatThrownBy(() -> array.forEach(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("action must not be null");
    assertThatThrownBy(iterator::nextLong).isInstanceOf(NoSuchElementException.class)
        .hasMessage("no element after index 2");
  }

  @Test
  void doubleArray() {
    DoubleArray array = DoubleArray.of(Double.NaN, 2.5, -0.0, 0.0, -1);
    array.sort();
    assertThat(array.toString()).isEqualTo("[-1.0, -0.0, 0.0, 2.5, NaN]");
    assertThat(DoubleArray.of(Double.NaN)).isEqualTo(DoubleArray.of(Double.NaN));
    assertThat(DoubleArray.of(0.0)).isNotEqualTo(DoubleArray.of(-0.0));
    assertThat(DoubleArray.ofLength(3).stream().sum()).isZero();
    array.set(4, 10);
    assertThat(array.stream().sum()).isEqualTo(11.5);
    assertThat(array.binarySearch(2.5)).isEqualTo(3);
    assertThatThrownBy(() -> array.get(5)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("index 5 out of bounds for length 5");
    assertThatThrownBy(() -> array.set(-1, 1.0)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("index -1 out of bounds for length 5");
    assertThatThrownBy(() -> DoubleArray.ofLength(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("length must not be negative, was -1");
    assertThatThrownBy(() -> array.resized(-3)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("newLength must not be negative, was -3");
    assertThatThrownBy(() -> DoubleArray.of((double[]) null)).isInstanceOf(NullPointerException.class)
        .hasMessage("values must not be null");
    assertThatThrownBy(() -> array.forEach(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("action must not be null");
    PrimitiveIterator.OfDouble iterator = DoubleArray.of(1.5).iterator();
    assertThat(iterator.nextDouble()).isEqualTo(1.5);
    assertThatThrownBy(iterator::nextDouble).isInstanceOf(NoSuchElementException.class)
        .hasMessage("no element after index 0");
    assertThat(DoubleArray.of(1, 2).resized(3).toArray()).containsExactly(1, 2, 0);
    List<Double> seen = new ArrayList<>();
    DoubleArray.of(0.5, 0.25).forEach(seen::add);
    assertThat(seen).containsExactly(0.5, 0.25);
  }
}

package dev.architect.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class FixedArrayTest {
  @Test
  void slotsStartNullAndKeepWhatIsSet() {
    FixedArray<String> array = FixedArray.ofLength(3);
    assertThat(array.length()).isEqualTo(3);
    assertThat(array).containsExactly(null, null, null);
    assertThat(array.set(1, "b")).isNull();
    assertThat(array.set(1, "B")).isEqualTo("b");
    assertThat(array.get(1)).isEqualTo("B");
    assertThat(array.toString()).isEqualTo("[null, B, null]");
    array.fill("z");
    assertThat(array.stream().toList()).containsExactly("z", "z", "z");
  }

  @Test
  void everyIndexIsCheckedWithAClearMessage() {
    FixedArray<String> array = FixedArray.of("a", "b", "c");
    assertThatThrownBy(() -> array.get(3)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("index 3 out of bounds for length 3");
    assertThatThrownBy(() -> array.get(-1)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("index -1 out of bounds for length 3");
    assertThatThrownBy(() -> array.set(7, "x")).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("index 7 out of bounds for length 3");
    assertThatThrownBy(() -> FixedArray.ofLength(0).get(0)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("index 0 out of bounds for length 0");
    assertThatThrownBy(() -> FixedArray.ofLength(-2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("length must not be negative, was -2");
    assertThatThrownBy(() -> array.resized(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("newLength must not be negative, was -1");
    assertThatThrownBy(() -> FixedArray.of((Object[]) null)).isInstanceOf(NullPointerException.class)
        .hasMessage("elements must not be null");
    assertThatThrownBy(() -> FixedArray.copyOf(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("source must not be null");
    assertThat(array).containsExactly("a", "b", "c");
  }

  @Test
  void copiesAreIndependent() {
    String[] source = {"a", "b"};
    FixedArray<String> array = FixedArray.of(source);
    source[0] = "changed";
    assertThat(array.get(0)).isEqualTo("a");
    array.toArray()[1] = "changed";
    assertThat(array.get(1)).isEqualTo("b");

    FixedArray<String> longer = array.resized(4);
    FixedArray<String> shorter = array.resized(1);
    longer.set(0, "x");
    assertThat(longer).containsExactly("x", "b", null, null);
    assertThat(shorter).containsExactly("a");
    assertThat(array).containsExactly("a", "b");
    assertThat(FixedArray.copyOf(List.of(3, 1, 2))).containsExactly(3, 1, 2);
  }

  @Test
  void valueSemantics() {
    FixedArray<Integer> one = FixedArray.of(1, 2, null);
    FixedArray<Integer> same = FixedArray.of(1, 2, null);
    assertThat(one).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(FixedArray.of(1, 2));
    assertThat(one).isNotEqualTo(List.of(1, 2));
    assertThat(one.hashCode()).isEqualTo(java.util.Arrays.hashCode(new Integer[] {1, 2, null}));
  }

  @Test
  void sortsAndShowsAFixedSizeListView() {
    FixedArray<String> array = FixedArray.of("pear", "fig", "apple");
    array.sort(null);
    assertThat(array).containsExactly("apple", "fig", "pear");
    array.sort(Comparator.comparingInt(String::length));
    assertThat(array).containsExactly("fig", "pear", "apple");

    List<String> view = array.asList();
    view.set(0, "kiwi");
    assertThat(array.get(0)).isEqualTo("kiwi");
    assertThatThrownBy(() -> view.add("plum")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(array.length()).isEqualTo(3);
  }

  @Test
  void iteratesInIndexOrderWithoutRemove() {
    FixedArray<String> array = FixedArray.of("a", "b");
    Iterator<String> iterator = array.iterator();
    List<String> seen = new ArrayList<>();
    seen.add(iterator.next());
    array.set(1, "B"); // not a structural change: seen by the iterator
    seen.add(iterator.next());
    assertThat(seen).containsExactly("a", "B");
    assertThat(iterator.hasNext()).isFalse();
    assertThatThrownBy(iterator::next).isInstanceOf(NoSuchElementException.class)
        .hasMessage("no element after index 1");
    assertThatThrownBy(iterator::remove).isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("a fixed array cannot remove elements; set the slot to null instead");
    assertThat(array.spliterator().estimateSize()).isEqualTo(2);
  }
}

package dev.architect.cli.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabsTest {
  @Test
  void theStandardRegistryHoldsFifteenLabsInOrder() {
    List<Lab> labs = Labs.standard().all();

    assertThat(labs).hasSize(15);
    for (int i = 0; i < labs.size(); i++) {
      assertThat(labs.get(i).number()).isEqualTo(i + 1);
      assertThat(labs.get(i).title()).isNotBlank().hasSizeLessThanOrEqualTo(40);
    }
    assertThat(Labs.standard().find(7)).get().isInstanceOf(Lab07Injection.class)
        .extracting(Lab::available).isEqualTo(true);
    assertThat(Labs.standard().find(0)).isEmpty();
    assertThat(Labs.standard().find(16)).isEmpty();
  }

  @Test
  void aPlannedLabRefusesToRun() {
    Lab planned = Labs.planned(12, "gRPC with interceptors");

    assertThat(planned.available()).isFalse();
    assertThatThrownBy(() -> planned.run(null)).isInstanceOf(IllegalStateException.class)
        .hasMessage("lab 12 (gRPC with interceptors) is not built yet");
  }

  @Test
  void aRegistryMustBeCompleteAndInOrder() {
    List<Lab> swapped = new ArrayList<>(Labs.standard().all());
    swapped.set(0, Labs.planned(2, "The JIT"));

    assertThatThrownBy(() -> new Labs(swapped)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lab at position 1 must be numbered 1, was 2");
    assertThatThrownBy(() -> new Labs(swapped.subList(0, 14))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("labs must hold 15 labs, was 14");
  }
}

package org.orebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HangGuardTest {
  @Test
  void workWithinItsBudgetGivesItsResult() {
    assertThat(HangGuard.within(Duration.ofSeconds(30), () -> "done")).isEqualTo("done");
  }

  @Test
  void workThatSpinsPastItsCpuBudgetFailsAndIsInterrupted() {
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> HangGuard.within(Duration.ofMillis(300), () -> {
      long x = 0;
      while (!Thread.currentThread().isInterrupted()) {
        x++;
      }
      return x;
    })).isInstanceOf(AssertionError.class).hasMessageContaining("of CPU time (budget 0.3 s)");
    assertThat(System.nanoTime() - t0).as("stopped long before the wall-time hang guard")
        .isLessThan(HangGuard.WALL.toNanos());
  }

  @Test
  void whatTheWorkThrowsIsThrown() {
    assertThatThrownBy(() -> HangGuard.within(Duration.ofSeconds(30), () -> {
      throw new IllegalStateException("boom");
    })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    assertThatThrownBy(() -> HangGuard.within(Duration.ofSeconds(30), () -> {
      throw new java.io.IOException("disk");
    })).isInstanceOf(AssertionError.class).hasRootCauseMessage("disk");
  }
}

package org.orebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code orebook bench web} briefly: it runs and prints one line per endpoint and concurrency (no speed asserted). */
class WebBenchTest {
  @Test
  void test_briefBench_printsOneLinePerEndpointAndConcurrency() {
    CliRun r = CliRun.of("bench", "web", "--seconds", "1", "--warmup", "0", "--concurrency", "1,2", "--endpoints",
        "health,provenance");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    for (String endpoint : new String[] {"health", "provenance"}) {
      for (int conc : new int[] {1, 2}) {
        assertThat(r.out()).containsPattern("endpoint=" + endpoint + " conc=" + conc + " rps=[0-9]+ p50_ms=[0-9.]+ "
            + "p99_ms=[0-9.]+ errors=0 peak_heap_mb=[0-9]+");
      }
    }
    assertThat(CliRun.of("bench", "web", "--endpoints", "nowhere").code()).isEqualTo(2);
  }
}

package org.orebook.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orebook.HangGuard;

/**
 * Memory does not grow with the number of rows: {@code orebook ledger} in a forked JVM whose heap
 * (-Xmx32m) is smaller than the ledger file streams it through and writes the same totals as the
 * generator's.
 */
class StreamingTest {
  static final long HEAP_MB = 32;

  @TempDir
  Path tmp;

  @Test
  void test_aLedgerLargerThanTheHeap_streamsThrough() throws Exception {
    Path raw = tmp.resolve("raw");
    Path out = tmp.resolve("dataset");
    LedgerSynth.generate(new LedgerSynth.Spec(4, 2, 1_000_000, 5), raw);
    assertThat(Files.size(raw.resolve("ledger.csv"))).isGreaterThan((HEAP_MB + 8) << 20);

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = tmp.resolve("fork.log");
    Process p = new ProcessBuilder(List.of(java, "-Xmx" + HEAP_MB + "m", "-cp", System.getProperty("java.class.path"),
        "org.orebook.cli.Main", "ledger", raw.toString(), "--out", out.toString()))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    // a hang guard only: other builds on a shared machine stretch wall time; the memory is what is tested
    assertThat(p.waitFor(HangGuard.WALL.toSeconds(), TimeUnit.SECONDS)).as("finished").isTrue();
    assertThat(p.exitValue()).as(Files.readString(log)).isZero();
    assertThat(Files.readString(log)).contains("read 1,000,000 ledger lines (1,000,000 rows)");

    assertThat(Csv.costs(out)).usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
        .containsExactlyInAnyOrderEntriesOf(Csv.costs(raw.resolve("expected")));
    assertThat(out.resolve("release.txt")).exists();
  }
}

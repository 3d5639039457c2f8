package org.orebook.ledger;

import org.orebook.bench.LedgerSynth;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator: the same seed gives byte-identical files; another seed another ledger. */
class DeterminismTest {
  @TempDir
  Path tmp;

  static List<Path> files(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
    }
  }

  @Test
  void test_sameSeed_identicalFiles() throws Exception {
    LedgerSynth.Spec spec = new LedgerSynth.Spec(6, 2, 25_000, 9);
    LedgerSynth.generate(spec, tmp.resolve("a"));
    LedgerSynth.generate(spec, tmp.resolve("b"));
    List<Path> a = files(tmp.resolve("a"));
    assertThat(a).contains(Path.of("ledger.csv"), Path.of("production_log.csv"), Path.of("chart_of_accounts.csv"),
        Path.of("units.csv"), Path.of("expected", "costs.csv"), Path.of("expected", "production.csv"));
    assertThat(files(tmp.resolve("b"))).isEqualTo(a);
    for (Path f : a) {
      assertThat(Files.mismatch(tmp.resolve("a").resolve(f), tmp.resolve("b").resolve(f))).as(f.toString()).isEqualTo(-1);
    }
    assertThat(Files.readAllLines(tmp.resolve("a/ledger.csv"))).hasSize(25_001);
  }

  @Test
  void test_anotherSeed_anotherLedger() throws Exception {
    LedgerSynth.generate(new LedgerSynth.Spec(6, 2, 25_000, 9), tmp.resolve("a"));
    LedgerSynth.generate(new LedgerSynth.Spec(6, 2, 25_000, 10), tmp.resolve("b"));
    assertThat(Files.mismatch(tmp.resolve("a/ledger.csv"), tmp.resolve("b/ledger.csv"))).isNotEqualTo(-1);
    assertThat(Files.mismatch(tmp.resolve("a/expected/costs.csv"), tmp.resolve("b/expected/costs.csv"))).isNotEqualTo(-1);
  }
}

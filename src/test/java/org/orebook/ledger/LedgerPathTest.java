package org.orebook.ledger;

import org.orebook.bench.DuckDbAggregation;
import org.orebook.bench.LedgerSynth;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orebook.release.Releases;
import org.orebook.scan.ScanSettings;

/**
 * Generated data through the ledger path equals the direct-totals path: every aggregated figure
 * equals the generator's own totals exactly, the release text is identical, the raw sums equal a
 * naive BigDecimal sum written here and DuckDB's. Scanned on two threads with small chunks and a
 * small read buffer, so that rows straddle chunk and buffer boundaries.
 */
class LedgerPathTest {
  @TempDir
  static Path tmp;

  static Path raw;
  static Path out;
  static LedgerInput in;
  static LedgerRun.Outcome outcome;

  @BeforeAll
  static void run() throws Exception {
    raw = tmp.resolve("raw");
    out = tmp.resolve("dataset");
    LedgerSynth.generate(new LedgerSynth.Spec(7, 2, 40_000, 11), raw);
    in = LedgerInput.open(raw);
    outcome = LedgerRun.run(in, out, new LedgerRun.Options(new ScanSettings(2, 64 << 10, 4096), false, null, List.of("text")));
  }

  @Test
  void test_everyFigure_equalsTheGeneratorsTotals() throws Exception {
    Map<String, BigDecimal> expectedCosts = Csv.costs(raw.resolve("expected"));
    Map<String, BigDecimal> expectedProduction = Csv.production(raw.resolve("expected"));
    assertThat(expectedCosts).hasSize(7 * 10 * 11);
    assertThat(Csv.costs(out)).usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
        .containsExactlyInAnyOrderEntriesOf(expectedCosts);
    assertThat(Csv.production(out)).usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
        .containsExactlyInAnyOrderEntriesOf(expectedProduction);
  }

  @Test
  void test_releaseText_isTheDirectTotalsPathsText() throws Exception {
    String direct = Releases.render(Releases.produce(raw.resolve("expected"), null), "text");
    String viaLedger = Files.readString(out.resolve("release.txt"));
    assertThat(viaLedger).isEqualTo(direct).contains("SYNTHETIC MINING CORPORATION")
        .contains("(Reflects Synthetic's 50% share)").contains("Mining cost per ton");
  }

  @Test
  void test_rawSums_equalANaiveDecimalSum() throws Exception {
    Map<String, String> category = new HashMap<>();
    for (CSVRecord r : Csv.rows(raw.resolve("chart_of_accounts.csv"))) {
      category.put(r.get("account"), r.get("category"));
    }
    Map<String, BigDecimal> naive = new HashMap<>();
    long lines = 0;
    try (BufferedReader r = Files.newBufferedReader(raw.resolve("ledger.csv"))) {
      r.readLine();
      for (String l; (l = r.readLine()) != null; lines++) {
        String[] f = l.split(",");
        int month = Integer.parseInt(f[0].substring(5, 7));
        String key = f[1] + "|" + f[0].substring(0, 4) + "|" + ((month - 1) / 3 + 1) + "|" + category.get(f[2]);
        naive.merge(key, new BigDecimal(f[3]), BigDecimal::add);
      }
    }
    assertThat(lines).isEqualTo(40_000);
    assertThat(outcome.ledger().rows()).isEqualTo(40_000);
    LedgerTotals t = outcome.ledger();
    int nonZero = 0;
    for (int u = 0; u < t.units().size(); u++) {
      for (int q = 0; q < t.years().quarters(); q++) {
        for (CostCategory c : CostCategory.values()) {
          String key = t.units().get(u) + "|" + (2024 + q / 4) + "|" + (q % 4 + 1) + "|" + c.code();
          BigDecimal expected = naive.getOrDefault(key, BigDecimal.ZERO);
          assertThat(t.amount(u, q, c)).as(key).isEqualByComparingTo(expected);
          nonZero += expected.signum() != 0 ? 1 : 0;
        }
      }
    }
    assertThat(nonZero).isGreaterThan(500);
  }

  @Test
  void test_duckDb_givesTheSameSums() throws Exception {
    try (DuckDbAggregation duck = new DuckDbAggregation(2)) {
      Map<String, BigDecimal> sums = duck.aggregate(in);
      assertThat(sums).hasSizeGreaterThan(500);
      assertThat(DuckDbAggregation.differences(outcome.ledger(), sums)).isEmpty();
      // and the comparison can fail
      sums.put(sums.keySet().iterator().next(), BigDecimal.ONE.negate());
      assertThat(DuckDbAggregation.differences(outcome.ledger(), sums)).hasSize(1);
    }
  }

  @Test
  void test_generatedData_hasTheShapesTheIssueAsksFor() throws Exception {
    String units = Files.readString(raw.resolve("units.csv"));
    assertThat(units).contains(",50,AU,CU AG,").contains(",,ZN PB,").contains(",AG,PB ZN,");
    List<String> ledger = Files.readAllLines(raw.resolve("ledger.csv"));
    assertThat(ledger).anyMatch(l -> l.contains(",RV-JE")).anyMatch(l -> l.contains(",41") && l.contains(",-"))
        .anyMatch(l -> l.matches("[^,]*,[^,]*,5[0-9]*,-.*"));
    assertThat(Files.readString(raw.resolve("production_log.csv"))).contains(",0.00,,,,,,");
  }

  @Test
  void test_aThirdQuarterRelease_fromTheSameLedger_checksClean() throws Exception {
    Path q3 = tmp.resolve("q3");
    LedgerRun.run(in, q3, new LedgerRun.Options(new ScanSettings(2, 64 << 10, 4096), false,
        org.orebook.quantity.Period.parse("Q3 2025").orElseThrow(), List.of("text")));
    String text = Files.readString(q3.resolve("release.txt"));
    assertThat(text).contains("Third Quarter 2025 Results").contains("Nine Months Ended").contains("Sept. 30,");
    org.orebook.check.CheckResult c = org.orebook.check.Check.file(q3.resolve("release.txt"));
    assertThat(c.failures()).isEmpty();
    assertThat(c.proseFailures()).isEmpty();
    assertThat(c.tested()).isGreaterThan(100);
  }

  @Test
  void test_theYearRelease_checksClean() throws Exception {
    org.orebook.check.CheckResult c = org.orebook.check.Check.file(out.resolve("release.txt"));
    assertThat(c.failures()).isEmpty();
    assertThat(c.proseFailures()).isEmpty();
  }
}

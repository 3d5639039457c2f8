package org.orebook.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orebook.scan.BadRows;
import org.orebook.scan.ScanSettings;

/**
 * The ledger path on a tiny input whose every figure was worked out by hand
 * (src/test/resources/ledger/tiny/EXPECTED.md): credit notes, a reversal across quarters, a
 * by-product credit, a 50% joint venture, a quoted field, comments and blank lines, a maintenance
 * shift, tonnage-weighted grades.
 */
class HandComputedTest {
  static final Path TINY = Path.of("src/test/resources/ledger/tiny");

  @TempDir
  static Path tmp;

  static Map<String, BigDecimal> costs;
  static Map<String, BigDecimal> production;

  @BeforeAll
  static void aggregate() throws Exception {
    LedgerInput in = LedgerInput.open(TINY);
    BadRows bad = new BadRows();
    LedgerTotals ledger = LedgerAggregator.aggregate(in, ScanSettings.defaults(), bad, null);
    ProductionTotals log = ProductionLogAggregator.aggregate(in, ScanSettings.defaults(), bad, null);
    assertThat(bad.count()).isZero();
    assertThat(ledger.rows()).isEqualTo(11);
    assertThat(log.rows()).isEqualTo(7);
    DatasetWriter.write(tmp, in, ledger, log);
    costs = Csv.costs(tmp);
    production = Csv.production(tmp);
  }

  static BigDecimal d(String v) {
    return new BigDecimal(v);
  }

  @Test
  void test_costs_asWorkedOutByHand() {
    Map<String, BigDecimal> nonZero = costs.entrySet().stream().filter(e -> e.getValue().signum() != 0)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(nonZero).usingComparatorForType(BigDecimal::compareTo, BigDecimal.class).containsOnly(
        Map.entry("north|Q1 2025|mining", d("1200.35")),
        Map.entry("north|Q1 2025|milling", d("400")),
        Map.entry("north|Q1 2025|site_other", d("500")),
        Map.entry("north|Q2 2025|mining", d("75.5")),
        Map.entry("north|Q2 2025|site_other", d("-500")),
        Map.entry("north|FY2025|mining", d("1275.85")),
        Map.entry("north|FY2025|milling", d("400")),
        Map.entry("north|Q2 2024|mining", d("10")),
        Map.entry("north|FY2024|mining", d("10")),
        Map.entry("south|Q1 2025|byproduct_credits", d("150")),
        Map.entry("south|Q1 2025|mining", d("1000.005")),
        Map.entry("south|Q4 2025|inventory_change", d("60")),
        Map.entry("south|FY2025|byproduct_credits", d("150")),
        Map.entry("south|FY2025|mining", d("1000.005")),
        Map.entry("south|FY2025|inventory_change", d("60")));
  }

  @Test
  void test_costs_everyItemOfEveryUnitAndPeriod() {
    // 2 units x (4 quarters + 1 year) x 2 years x 11 items, zero where nothing was posted
    assertThat(costs).hasSize(2 * 10 * 11).containsEntry("north|FY2025|site_other", BigDecimal.ZERO)
        .containsEntry("south|Q2 2024|capital_additions", BigDecimal.ZERO);
  }

  @Test
  void test_production_asWorkedOutByHand() {
    assertThat(production).usingComparatorForType(BigDecimal::compareTo, BigDecimal.class).containsOnly(
        Map.entry("north|Q4 2024|ore_milled|", d("50")),
        Map.entry("north|Q4 2024|days|", d("1")),
        Map.entry("north|Q4 2024|grade|AU", d("0.3")),
        Map.entry("north|Q4 2024|produced|AU", d("14")),
        Map.entry("north|FY2024|ore_milled|", d("50")),
        Map.entry("north|FY2024|days|", d("1")),
        Map.entry("north|FY2024|grade|AU", d("0.3")),
        Map.entry("north|FY2024|produced|AU", d("14")),
        Map.entry("north|Q1 2025|ore_milled|", d("600.5")),
        Map.entry("north|Q1 2025|days|", d("2")),
        Map.entry("north|Q1 2025|grade|AU", d("0.1333472106577851790174854288093256")),
        Map.entry("north|Q1 2025|produced|AU", d("72.5")),
        Map.entry("north|FY2025|ore_milled|", d("600.5")),
        Map.entry("north|FY2025|days|", d("2")),
        Map.entry("north|FY2025|grade|AU", d("0.1333472106577851790174854288093256")),
        Map.entry("north|FY2025|produced|AU", d("72.5")),
        Map.entry("south|Q3 2025|ore_milled|", d("1000")),
        Map.entry("south|Q3 2025|days|", d("1")),
        Map.entry("south|Q3 2025|grade|AG", d("6")),
        Map.entry("south|Q3 2025|grade|ZN", d("4")),
        Map.entry("south|Q3 2025|produced|AG", d("5400")),
        Map.entry("south|Q3 2025|produced|ZN", d("18")),
        Map.entry("south|FY2025|ore_milled|", d("1000")),
        Map.entry("south|FY2025|days|", d("1")),
        Map.entry("south|FY2025|grade|AG", d("6")),
        Map.entry("south|FY2025|grade|ZN", d("4")),
        Map.entry("south|FY2025|produced|AG", d("5400")),
        Map.entry("south|FY2025|produced|ZN", d("18")));
  }
}

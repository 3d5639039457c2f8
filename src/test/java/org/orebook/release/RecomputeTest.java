package org.orebook.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orebook.facts.Entity;
import org.orebook.facts.FactKey;
import org.orebook.facts.FactSet;
import org.orebook.quantity.Period;

/**
 * Proof that the release is computed, not stored: one input of the bundled example is changed in a
 * copy of the dataset and every dependent figure moves by the amount the relations say, while
 * figures that do not depend on it stay put.
 */
class RecomputeTest {
  static final Path EXAMPLE = Path.of("examples", "hecla-2003");
  static final Period FY = new Period.Year(2003);
  static final String UNIT = "unit:la-camorra";
  static final BigDecimal DELTA = new BigDecimal("126567"); // one dollar per ounce of La Camorra's 2003 gold

  static FactSet before;
  static FactSet after;

  @BeforeAll
  static void produceBothReleases(@TempDir Path dir) throws Exception {
    before = Releases.produce(EXAMPLE, null).facts();
    Path copy = dir.resolve("changed");
    Files.createDirectories(copy);
    try (Stream<Path> s = Files.list(EXAMPLE)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        Files.copy(p, copy.resolve(p.getFileName()));
      }
    }
    changeMiningCost(copy.resolve("costs.csv"));
    // the added cost is unpaid: payables in the cash flow statement take it, so cash still ties
    changeRow(copy.resolve("statement_values.csv"), "cash_flows,accounts_payable,FY2003,");
    after = Releases.produce(copy, null).facts();
  }

  /** Adds DELTA dollars to La Camorra's FY2003 mining cost, editing the one CSV row. */
  static void changeMiningCost(Path costs) throws IOException {
    List<String> lines = Files.readAllLines(costs);
    int changed = 0;
    for (int i = 0; i < lines.size(); i++) {
      String[] f = lines.get(i).split(",", -1);
      if (f.length >= 4 && f[0].equals("la-camorra") && f[1].equals("FY2003") && f[2].equals("mining")) {
        f[3] = new BigDecimal(f[3]).add(DELTA).toPlainString();
        lines.set(i, String.join(",", f));
        changed++;
      }
    }
    assertThat(changed).as("rows changed in %s", costs).isEqualTo(1);
    Files.write(costs, lines);
  }

  /** Adds DELTA to the value of the one row starting with {@code prefix}. */
  static void changeRow(Path file, String prefix) throws IOException {
    List<String> lines = Files.readAllLines(file);
    int changed = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        String[] f = lines.get(i).split(",", -1);
        f[3] = new BigDecimal(f[3]).add(DELTA).toPlainString();
        lines.set(i, String.join(",", f));
        changed++;
      }
    }
    assertThat(changed).as("rows changed in %s", file).isEqualTo(1);
    Files.write(file, lines);
  }

  static BigDecimal moved(String entity, String concept) {
    FactKey k = FactKey.of(Entity.parse(entity), concept, FY);
    return after.find(k).orElseThrow().value().subtract(before.find(k).orElseThrow().value());
  }

  @Test
  void unitCostsMoveByTheChange() {
    assertThat(moved(UNIT, "mining")).isEqualByComparingTo(DELTA);
    assertThat(moved(UNIT, "direct_production_costs")).isEqualByComparingTo(DELTA);
    assertThat(moved(UNIT, "total_cash_costs")).isEqualByComparingTo(DELTA);
    assertThat(moved(UNIT, "cost_of_sales")).isEqualByComparingTo(DELTA);
    // per ton: 126,567 / 197,591 tons processed
    BigDecimal tons = before.find(FactKey.of(Entity.parse(UNIT), "ore_milled", FY)).orElseThrow().value();
    assertThat(moved(UNIT, "mining_cost_per_ton").subtract(DELTA.divide(tons, java.math.MathContext.DECIMAL128)).abs())
        .isLessThan(new BigDecimal("1e-25"));
  }

  @Test
  void perOunceCostsRiseByOneDollar() {
    BigDecimal oz = before.find(FactKey.of(Entity.parse(UNIT), "cost_ounces", FY)).orElseThrow().value();
    BigDecimal perOz = DELTA.divide(oz, java.math.MathContext.DECIMAL128);
    for (String c : List.of("cash_operating_costs_per_oz", "total_cash_costs_per_oz", "total_production_costs_per_oz")) {
      assertThat(moved(UNIT, c).subtract(perOz).abs()).as(c).isLessThan(new BigDecimal("1e-25"));
      assertThat(moved("group:AU", c).subtract(perOz).abs()).as("gold group " + c).isLessThan(new BigDecimal("1e-25"));
    }
  }

  @Test
  void grossProfitAndNetIncomeFallByTheChange() {
    assertThat(moved("segment:gold", "gross_profit")).isEqualByComparingTo(DELTA.negate());
    assertThat(moved("company", "gross_profit")).isEqualByComparingTo(DELTA.negate());
    assertThat(moved("company", "cost_of_sales")).isEqualByComparingTo(DELTA);
    assertThat(moved("company", "net_income")).isEqualByComparingTo(DELTA.negate());
  }

  @Test
  void unrelatedFiguresStayPut() {
    assertThat(moved("group:AG", "total_cash_costs_per_oz")).isZero();
    assertThat(moved("segment:silver", "gross_profit")).isZero();
    assertThat(moved("company", "sales")).isZero();
  }
}

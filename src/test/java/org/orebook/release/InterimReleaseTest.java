package org.orebook.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Month;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orebook.check.Check;
import org.orebook.check.CheckResult;
import org.orebook.facts.Entity;
import org.orebook.facts.FactKey;
import org.orebook.facts.FactSet;
import org.orebook.quantity.FiscalYearEnd;
import org.orebook.quantity.Period;

/**
 * The third-quarter release of the made-up June-year-end example (examples/quillback-fy2025),
 * produced from quarterly inputs only: its nine-month figures are the sums of its quarters, worked
 * out here by hand from the formulas of the example's generate.py (and, for total cash costs, summed
 * from the CSV rows by this test, independently of the catalogue), its nine-month unit costs the
 * nine-month totals over nine-month ounces (never an average of the quarters'), and it reads, prints
 * and checks as the third quarter of fiscal 2025 with a balance sheet at March 31, 2025.
 */
class InterimReleaseTest {
  static final Path EXAMPLE = Path.of("examples/quillback-fy2025");
  static final FiscalYearEnd JUNE = new FiscalYearEnd(Month.JUNE);
  static final String PTARMIGAN = "unit:ptarmigan";

  static Release release;
  static FactSet facts;

  static Period p(String code) {
    return Period.parse(code, JUNE).orElseThrow();
  }

  static BigDecimal value(String entity, String concept, String qualifier, String period) {
    return facts.find(new FactKey(Entity.parse(entity), concept, qualifier, p(period))).orElseThrow(
        () -> new AssertionError(entity + "/" + concept + "[" + qualifier + "] @ " + period + " not computed")).value();
  }

  @BeforeAll
  static void produce() throws Exception {
    release = Releases.produce(EXAMPLE, null);
    facts = release.facts();
  }

  @Test
  void nineMonthTotalsAreTheSumsOfTheQuarters() {
    // ore milled: 1,250,000 st x pattern (1.000, 0.980, 0.930) x growth 1.040
    assertThat(value(PTARMIGAN, "ore_milled", "", "Q1 FY2025")).isEqualByComparingTo("1300000");
    assertThat(value(PTARMIGAN, "ore_milled", "", "9M FY2025")).isEqualByComparingTo("3783000"); // 1,300,000 + 1,274,000 + 1,209,000
    // gold: ore x grade x 88%, whole ounces: 36,608 + 34,754 + 31,917
    assertThat(value(PTARMIGAN, "produced", "AU", "9M FY2025")).isEqualByComparingTo("103279");
    // days: 92 + 92 + 90
    assertThat(value(PTARMIGAN, "days", "", "9M FY2025")).isEqualByComparingTo("274");
    // six months: Q1 + Q2
    assertThat(value(PTARMIGAN, "ore_milled", "", "6M FY2025")).isEqualByComparingTo("2574000");
    // the year: all four quarters (Q4: 1,250,000 x 1.020 x 1.040 = 1,326,000)
    assertThat(value(PTARMIGAN, "ore_milled", "", "FY2025")).isEqualByComparingTo("5109000");
  }

  @Test
  void theNineMonthGradeIsWeightedByTons() {
    // (0.032 x 1,300,000 + 0.031 x 1,274,000 + 0.030 x 1,209,000) / 3,783,000 = 117,364 / 3,783,000
    BigDecimal expected = new BigDecimal("117364").divide(new BigDecimal("3783000"), MathContext.DECIMAL128);
    assertThat(value(PTARMIGAN, "grade", "AU", "9M FY2025").subtract(expected).abs()).isLessThan(new BigDecimal("1e-30"));
  }

  @Test
  void nineMonthUnitCostsComeFromNineMonthTotals() throws IOException {
    // the third quarter by hand: mining 9 x 1,209,000 = 10,881,000; milling 7 x 1,209,000 = 8,463,000; site
    // 3,100,000 x 0.93 x 1.04 = 2,998,320; treatment 6 x 31,917 = 191,502; by-product silver 47,875 oz x
    // $31.90 = 1,527,212 (cents dropped); royalty 2% of 31,917 x $2,860 = 1,825,652; taxes 900,000 x 0.93 x
    // 1.04 = 870,480: 10,881,000 + 8,463,000 + 2,998,320 + 191,502 - 1,527,212 + 1,825,652 + 870,480
    assertThat(value(PTARMIGAN, "total_cash_costs", "", "Q3 FY2025")).isEqualByComparingTo("23702742");
    Map<String, BigDecimal> cash = totalCashCostsFromCsv("ptarmigan");
    BigDecimal nine = cash.get("Q1 FY2025").add(cash.get("Q2 FY2025")).add(cash.get("Q3 FY2025"));
    assertThat(cash.get("Q3 FY2025")).isEqualByComparingTo("23702742");
    assertThat(value(PTARMIGAN, "total_cash_costs", "", "9M FY2025")).isEqualByComparingTo(nine);
    BigDecimal perOunce = nine.divide(new BigDecimal("103279"), MathContext.DECIMAL128);
    BigDecimal printed = value(PTARMIGAN, "total_cash_costs_per_oz", "", "9M FY2025");
    assertThat(printed.subtract(perOunce).abs()).isLessThan(new BigDecimal("1e-28"));
    // not the mean of the quarters' per-ounce costs
    BigDecimal mean = Stream.of("Q1 FY2025", "Q2 FY2025", "Q3 FY2025")
        .map(q -> value(PTARMIGAN, "total_cash_costs_per_oz", "", q)).reduce(BigDecimal.ZERO, BigDecimal::add)
        .divide(BigDecimal.valueOf(3), MathContext.DECIMAL128);
    assertThat(printed.subtract(mean).abs()).isGreaterThan(new BigDecimal("0.01"));
  }

  /** Total cash costs per quarter, summed from costs.csv (Gold Institute: direct + treatment - credits + royalties + taxes). */
  static Map<String, BigDecimal> totalCashCostsFromCsv(String unit) throws IOException {
    Map<String, BigDecimal> out = new HashMap<>();
    List<String> plus = List.of("mining", "milling", "site_other", "treatment_freight", "royalties", "production_taxes");
    for (String line : Files.readAllLines(EXAMPLE.resolve("costs.csv"))) {
      String[] f = line.split(",");
      if (f.length < 4 || !f[0].equals(unit)) {
        continue;
      }
      BigDecimal v = new BigDecimal(f[3]);
      if (plus.contains(f[2])) {
        out.merge(f[1], v, BigDecimal::add);
      } else if (f[2].equals("byproduct_credits")) {
        out.merge(f[1], v.negate(), BigDecimal::add);
      }
    }
    return out;
  }

  @Test
  void theBalanceSheetIsAtTheQuarterEndAndCashFlowsAreForTheNineMonths() {
    assertThat(release.columns().balance()).extracting(Period::code).containsExactly("Q3 FY2025", "FY2024");
    assertThat(release.columns().cashFlows()).extracting(Period::code).containsExactly("9M FY2025", "9M FY2024");
    // the cash flow statement's closing cash is the balance sheet's at March 31, 2025; its opening cash
    // the balance sheet's at June 30, 2024
    assertThat(value("cash_flows", "cash_end", "", "9M FY2025")).isEqualByComparingTo(value("balance_sheet", "cash", "", "Q3 FY2025"));
    assertThat(value("cash_flows", "cash_begin", "", "9M FY2025")).isEqualByComparingTo(value("balance_sheet", "cash", "", "FY2024"));
  }

  @Test
  void theTextIsTheThirdQuarterOfFiscal2025() {
    String text = Releases.render(release, "text");
    String words = text.replaceAll("\\s+", " ");
    assertThat(words).contains("Quillback Reports Third Quarter Fiscal 2025 Results")
        .contains("For the Period Ended March 31, 2025")
        .contains("results for the third quarter and nine months ended March 31, 2025")
        .contains("THIRD QUARTER FISCAL 2025 HIGHLIGHTS")
        .contains("In the first nine months of fiscal 2025, gross profit was")
        .contains("Third Quarter Ended").contains("Nine Months Ended")
        .doesNotContain("Year Ended").doesNotContain("year ended");
    // the balance sheet's dates: March 31, 2025 against June 30, 2024
    assertThat(text).containsPattern("March 31,\\s+June 30,\\s*\\n\\s+2025\\s+2024");
  }

  @Test
  void itChecksWithNoFailureAndTestsThePeriodsTies(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("q3.txt");
    Files.writeString(file, Releases.render(release, "text"));
    CheckResult c = Check.file(file);
    assertThat(c.failures()).isEmpty();
    assertThat(c.proseFailures()).isEmpty();
    assertThat(c.testedIds()).contains("tie.closing_cash", "tie.opening_cash", "tie.balance_sheet", "gi.total_cash_costs_per_oz");
    assertThat(c.proseTested()).hasSizeGreaterThan(30);
    assertThat(c.release().text().releasePeriod()).contains(p("Q3 FY2025"));
  }

  @Test
  void aCalendarYearCompanyPrintsSeptember30(@TempDir Path dir) throws Exception {
    Path copy = dir.resolve("calendar");
    Files.createDirectories(copy);
    try (Stream<Path> s = Files.list(EXAMPLE)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    Path company = copy.resolve("company.csv");
    Files.writeString(company, Files.readString(company).replace("fiscal_year_end,06-30", "fiscal_year_end,12-31"));
    Release r = Releases.produce(copy, null);
    String text = Releases.render(r, "text");
    assertThat(text).contains("Reports Third Quarter 2025 Results").contains("For the Period Ended Sept. 30, 2025")
        .containsPattern("Sept\\. 30,\\s+Dec\\. 31,\\s*\\n\\s+2025\\s+2024");
    Path file = dir.resolve("calendar.txt");
    Files.writeString(file, text);
    CheckResult c = Check.file(file);
    assertThat(c.failures()).isEmpty();
    assertThat(c.proseFailures()).isEmpty();
    assertThat(c.release().text().releasePeriod()).contains(Period.parse("Q3 2025").orElseThrow());
  }
}

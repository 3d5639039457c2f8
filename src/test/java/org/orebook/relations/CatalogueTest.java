package org.orebook.relations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orebook.relations.Concepts.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.orebook.facts.Entity;
import org.orebook.facts.Fact;
import org.orebook.facts.FactKey;
import org.orebook.facts.FactSet;
import org.orebook.facts.Origin;
import org.orebook.model.Company;
import org.orebook.model.Metal;
import org.orebook.model.OperatingUnit;
import org.orebook.model.Property;
import org.orebook.model.Segment;
import org.orebook.model.StatementLine;
import org.orebook.quantity.Interval;
import org.orebook.quantity.Period;
import org.orebook.quantity.Unit;

/**
 * One test per relation of the catalogue, on a small hand-made company whose expected figures are
 * worked out by hand in each test. Each fails when its formula is wrong.
 */
class CatalogueTest {
  static final Period FY = new Period.Year(2024);
  static final Period PRIOR = new Period.Year(2023);

  final FactSet in = new FactSet();
  final List<StatementLine> lines = new ArrayList<>();
  final List<Property> properties = new ArrayList<>();
  int row = 1;

  final OperatingUnit goldMine = new OperatingUnit("gm", "Gold Mine", "Chile", "gold", new BigDecimal("100"),
      Optional.of(Metal.AU), List.of(Metal.CU), "milled", "milled", true);
  final OperatingUnit silverA = new OperatingUnit("sa", "Silver A", "Peru", "silver", new BigDecimal("100"),
      Optional.of(Metal.AG), List.of(Metal.ZN), "milled", "milled", true);
  final OperatingUnit silverB = new OperatingUnit("sb", "Silver B", "Canada", "silver", new BigDecimal("50"),
      Optional.of(Metal.AG), List.of(Metal.AU), "milled", "milled", true);
  final OperatingUnit minor = new OperatingUnit("minor", "Minor", "Chile", "other", new BigDecimal("100"),
      Optional.empty(), List.of(), "milled", "milled", false);
  final Company company = new Company("Test Co", "Test", "USD", FY, List.of(Metal.AG, Metal.AU),
      List.of(new Segment("silver", "Silver operations"), new Segment("gold", "Gold operations"), new Segment("other", "Other")),
      List.of(goldMine, silverA, silverB, minor));

  void put(Entity entity, String concept, String qualifier, Period p, String value, Unit unit) {
    in.add(new Fact(new FactKey(entity, concept, qualifier, p), new BigDecimal(value), unit,
        new Origin.Input("test.csv", row++, "value")));
  }

  void cost(String unitId, String item, String value) {
    put(unit(unitId), item, "", FY, value, Unit.USD);
  }

  FactSet run() {
    Engine.Result r = Engine.run(in, Catalogue.build(company, lines, properties, in));
    assertThat(r.disagreements()).isEmpty();
    return r.facts();
  }

  BigDecimal value(FactSet f, Entity entity, String concept, String qualifier, Period p) {
    return f.find(new FactKey(entity, concept, qualifier, p)).orElseThrow(
        () -> new AssertionError("no figure " + entity + "/" + concept + "[" + qualifier + "]@" + p)).value();
  }

  BigDecimal value(FactSet f, Entity entity, String concept) {
    return value(f, entity, concept, "", FY);
  }

  void goldMineInputs() {
    put(unit("gm"), ORE_MILLED, "", FY, "200000", Unit.SHORT_TON);
    put(unit("gm"), PRODUCED, "AU", FY, "100000", Unit.TROY_OUNCE);
    cost("gm", MINING, "6000000");
    cost("gm", MILLING, "3000000");
    cost("gm", SITE_OTHER, "1000000");
    cost("gm", TREATMENT_FREIGHT, "2000000");
    cost("gm", BYPRODUCT_CREDITS, "500000");
    cost("gm", ROYALTIES, "300000");
    cost("gm", PRODUCTION_TAXES, "200000");
    cost("gm", INVENTORY_CHANGE, "-400000");
    cost("gm", RECLAMATION_OTHER, "100000");
    cost("gm", DDA, "4000000");
  }

  @Test
  void perTonCostsDivideByTonsMilled() {
    goldMineInputs();
    FactSet f = run();
    assertThat(value(f, unit("gm"), MINING_PER_TON)).isEqualByComparingTo("30"); // 6,000,000 / 200,000
    assertThat(value(f, unit("gm"), MILLING_PER_TON)).isEqualByComparingTo("15"); // 3,000,000 / 200,000
  }

  @Test
  void cashOperatingCostsDeductByproductCredits() {
    goldMineInputs();
    FactSet f = run();
    // direct 6.0 + 3.0 + 1.0 = 10.0M; + T&F 2.0M - by-product 0.5M = 11.5M
    assertThat(value(f, unit("gm"), DIRECT)).isEqualByComparingTo("10000000");
    assertThat(value(f, unit("gm"), CASH_OPERATING)).isEqualByComparingTo("11500000");
    assertThat(value(f, unit("gm"), CASH_OPERATING_PER_OZ)).isEqualByComparingTo("115");
  }

  @Test
  void totalCashCostsAddRoyaltiesAndProductionTaxes() {
    goldMineInputs();
    FactSet f = run();
    assertThat(value(f, unit("gm"), TOTAL_CASH)).isEqualByComparingTo("12000000"); // 11.5 + 0.3 + 0.2
    assertThat(value(f, unit("gm"), TOTAL_CASH_PER_OZ)).isEqualByComparingTo("120");
  }

  @Test
  void totalProductionCostsAddDdaAndReclamation() {
    goldMineInputs();
    FactSet f = run();
    assertThat(value(f, unit("gm"), TOTAL_PRODUCTION)).isEqualByComparingTo("16100000"); // 12.0 + 4.0 + 0.1
    assertThat(value(f, unit("gm"), TOTAL_PRODUCTION_PER_OZ)).isEqualByComparingTo("161");
  }

  @Test
  void costBasisOuncesReplaceOuncesProducedAsDenominator() {
    goldMineInputs();
    put(unit("gm"), COST_BASIS, "AU", FY, "96000", Unit.TROY_OUNCE);
    FactSet f = run();
    assertThat(value(f, unit("gm"), TOTAL_CASH_PER_OZ)).isEqualByComparingTo("125"); // 12,000,000 / 96,000
  }

  @Test
  void gaapCostOfSalesReconcilesFromTotalCashCosts() {
    goldMineInputs();
    FactSet f = run();
    // 12.0 - T&F 2.0 + by-product 0.5 + inventory -0.4 + reclamation 0.1 = 10.2M
    assertThat(value(f, unit("gm"), COST_OF_SALES)).isEqualByComparingTo("10200000");
  }

  void silverInputs() {
    put(unit("sa"), PRODUCED, "AG", FY, "3000000", Unit.TROY_OUNCE);
    put(unit("sb"), PRODUCED, "AG", FY, "1000000", Unit.TROY_OUNCE);
    put(unit("sb"), PRODUCED, "AU", FY, "5000", Unit.TROY_OUNCE);
    put(unit("minor"), PRODUCED, "AU", FY, "250", Unit.TROY_OUNCE);
    cost("sa", MINING, "9000000");
    cost("sa", BYPRODUCT_CREDITS, "3000000");
    cost("sa", DDA, "1500000");
    cost("sb", MINING, "4000000");
    cost("sb", TREATMENT_FREIGHT, "1000000");
    cost("sb", BYPRODUCT_CREDITS, "6000000");
    cost("sb", DDA, "2500000");
  }

  @Test
  void combinedPropertiesDivideSummedTotalsNotAverageOfRatios() {
    silverInputs();
    FactSet f = run();
    // sa: TCC 9.0 - 3.0 = 6.0M on 3.0M oz = 2.00; sb: 4.0 + 1.0 - 6.0 = -1.0M on 1.0M oz = -1.00
    assertThat(value(f, unit("sa"), TOTAL_CASH_PER_OZ)).isEqualByComparingTo("2");
    assertThat(value(f, unit("sb"), TOTAL_CASH_PER_OZ)).isEqualByComparingTo("-1");
    // combined: 5.0M / 4.0M oz = 1.25 (the mean of the ratios would be 0.50)
    assertThat(value(f, group("AG"), TOTAL_CASH)).isEqualByComparingTo("5000000");
    assertThat(value(f, group("AG"), COST_OUNCES)).isEqualByComparingTo("4000000");
    assertThat(value(f, group("AG"), TOTAL_CASH_PER_OZ)).isEqualByComparingTo("1.25");
    // total production: 5.0 + DD&A 4.0 = 9.0M / 4.0M = 2.25
    assertThat(value(f, group("AG"), TOTAL_PRODUCTION_PER_OZ)).isEqualByComparingTo("2.25");
  }

  @Test
  void productionTotalsSumEveryUnitIncludingThoseNotShown() {
    silverInputs();
    goldMineInputs();
    FactSet f = run();
    assertThat(value(f, COMPANY, PRODUCED, "AU", FY)).isEqualByComparingTo("105250"); // 100,000 + 5,000 + 250
    assertThat(value(f, COMPANY, PRODUCED, "AG", FY)).isEqualByComparingTo("4000000");
  }

  @Test
  void segmentGrossProfitIsSalesLessCostOfSalesAndDda() {
    silverInputs();
    put(segment("silver"), SALES, "", FY, "20000000", Unit.USD);
    put(segment("silver"), OTHER_COST_OF_SALES, "", FY, "100000", Unit.USD);
    put(segment("silver"), OTHER_DDA, "", FY, "-50000", Unit.USD);
    FactSet f = run();
    // unit COS: sa 6.0 + 3.0 = 9.0M; sb -1.0 - 1.0 + 6.0 = 4.0M; + other 0.1 = 13.1M
    assertThat(value(f, segment("silver"), COST_OF_SALES)).isEqualByComparingTo("13100000");
    assertThat(value(f, segment("silver"), DDA)).isEqualByComparingTo("3950000"); // 1.5 + 2.5 - 0.05
    assertThat(value(f, segment("silver"), GROSS_PROFIT)).isEqualByComparingTo("2950000"); // 20 - 13.1 - 3.95
    assertThat(value(f, COMPANY, GROSS_PROFIT)).isEqualByComparingTo("2950000");
    assertThat(value(f, COMPANY, SALES)).isEqualByComparingTo("20000000");
  }

  @Test
  void containedOuncesAreAttributableTonsTimesGrade() {
    properties.add(new Property("jv", "JV", "Canada", new BigDecimal("29.73"), Optional.empty()));
    properties.add(new Property("own", "Own", "Peru", new BigDecimal("100"), Optional.empty()));
    put(property("jv"), TONS_100PCT, "proven_probable", FY, "1000000", Unit.SHORT_TON);
    put(property("jv"), GRADE, "proven_probable:AU", FY, "0.5", Unit.OUNCES_PER_TON);
    put(property("jv"), GRADE, "proven_probable:ZN", FY, "10", Unit.PERCENT);
    put(property("own"), TONS, "proven_probable", FY, "700", Unit.TONNE);
    put(property("own"), GRADE, "proven_probable:AU", FY, "24", Unit.GRAMS_PER_TONNE);
    FactSet f = run();
    assertThat(value(f, property("jv"), TONS, "proven_probable", FY)).isEqualByComparingTo("297300");
    assertThat(value(f, property("jv"), CONTAINED, "proven_probable:AU", FY)).isEqualByComparingTo("148650");
    assertThat(value(f, property("jv"), CONTAINED, "proven_probable:ZN", FY)).isEqualByComparingTo("29730");
    // 700 t x 24 g/t = 16,800 g = 540.1325... troy oz (16,800 / 31.1034768)
    BigDecimal own = value(f, property("own"), CONTAINED, "proven_probable:AU", FY);
    assertThat(own).isBetween(new BigDecimal("540.13254"), new BigDecimal("540.13255"));
    assertThat(value(f, reserves(), CONTAINED, "proven_probable:AU", FY)).isEqualByComparingTo(own.add(new BigDecimal("148650")));
  }

  @Test
  void noContainedMetalForMineralizedMaterial() {
    properties.add(new Property("own", "Own", "Peru", new BigDecimal("100"), Optional.empty()));
    put(property("own"), TONS, "mineralized_material", FY, "1000", Unit.SHORT_TON);
    put(property("own"), GRADE, "mineralized_material:AU", FY, "0.5", Unit.OUNCES_PER_TON);
    FactSet f = run();
    assertThat(f.has(new FactKey(property("own"), CONTAINED, "mineralized_material:AU", FY))).isFalse();
  }

  void statements() {
    lines.add(new StatementLine("ops", "sales", "Sales", StatementLine.Kind.LINK, List.of("company:sales"), "sales", ""));
    lines.add(new StatementLine("ops", "cost", "Costs", StatementLine.Kind.LINE, List.of(), "", ""));
    lines.add(new StatementLine("ops", "ni", "Net income", StatementLine.Kind.SUBTOTAL, List.of("sales", "-cost"), "net_income", ""));
    lines.add(new StatementLine("ops", "eps", "Basic EPS", StatementLine.Kind.PER_SHARE,
        List.of("ni", "-preferred_dividends"), "eps_basic", ""));
    lines.add(new StatementLine("ops", "shares", "Shares", StatementLine.Kind.LINE, List.of(), "weighted_shares", ""));
    put(segment("gold"), SALES, "", FY, "10000000", Unit.USD);
    put(segment("gold"), SALES, "", PRIOR, "8000000", Unit.USD);
    put(Entity.parse("ops"), "cost", "", FY, "7000000", Unit.USD);
    put(Entity.parse("ops"), "shares", "", FY, "20000000", Unit.SHARES);
    put(COMPANY, PREFERRED_DIVIDENDS, "", FY, "1000000", Unit.USD);
  }

  @Test
  void statementSubtotalsAndLinks() {
    statements();
    FactSet f = run();
    assertThat(value(f, Entity.parse("ops"), "sales")).isEqualByComparingTo("10000000");
    assertThat(value(f, Entity.parse("ops"), "ni")).isEqualByComparingTo("3000000");
    assertThat(value(f, COMPANY, "net_income")).isEqualByComparingTo("3000000");
  }

  @Test
  void basicEpsDeductsPreferredDividendsDeclaredOrNot() {
    statements();
    FactSet f = run();
    assertThat(value(f, Entity.parse("ops"), "eps")).isEqualByComparingTo("0.1"); // (3.0M - 1.0M) / 20M
  }

  @Test
  void percentChangeYearOnYear() {
    statements();
    FactSet f = run();
    assertThat(value(f, COMPANY, PERCENT_CHANGE, "sales", FY)).isEqualByComparingTo("25"); // 10 vs 8
  }

  @Test
  void currentRatioAndCashPlusShortTermInvestments() {
    lines.add(new StatementLine("bs", "cash", "Cash", StatementLine.Kind.LINE, List.of(), "cash", ""));
    lines.add(new StatementLine("bs", "sti", "Short-term investments", StatementLine.Kind.LINE, List.of(), "short_term_investments", ""));
    lines.add(new StatementLine("bs", "tca", "Total current assets", StatementLine.Kind.SUBTOTAL, List.of("cash", "sti"), "total_current_assets", ""));
    lines.add(new StatementLine("bs", "tcl", "Total current liabilities", StatementLine.Kind.LINE, List.of(), "total_current_liabilities", ""));
    put(Entity.parse("bs"), "cash", "", FY, "105", Unit.USD);
    put(Entity.parse("bs"), "sti", "", FY, "18", Unit.USD);
    put(Entity.parse("bs"), "tcl", "", FY, "41", Unit.USD);
    FactSet f = run();
    assertThat(value(f, COMPANY, CASH_AND_SHORT_TERM)).isEqualByComparingTo("123");
    assertThat(value(f, COMPANY, CURRENT_RATIO)).isEqualByComparingTo("3");
  }

  @Test
  void inputThatContradictsItsSubtotalIsReported() {
    lines.add(new StatementLine("bs", "a", "A", StatementLine.Kind.LINE, List.of(), "", ""));
    lines.add(new StatementLine("bs", "b", "B", StatementLine.Kind.LINE, List.of(), "", ""));
    lines.add(new StatementLine("bs", "t", "Total", StatementLine.Kind.SUBTOTAL, List.of("a", "b"), "", ""));
    put(Entity.parse("bs"), "a", "", FY, "1", Unit.USD);
    put(Entity.parse("bs"), "b", "", FY, "2", Unit.USD);
    put(Entity.parse("bs"), "t", "", FY, "4", Unit.USD);
    Engine.Result r = Engine.run(in, Catalogue.build(company, lines, properties, in));
    assertThat(r.disagreements()).hasSize(1);
    assertThat(r.disagreements().get(0).computed()).isEqualByComparingTo("3");
  }

  @Test
  void relationsCheckBackwardOnPrintedIntervals() {
    goldMineInputs();
    List<Relation> relations = Catalogue.build(company, lines, properties, in);
    Relation perOz = relations.stream().filter(r -> r.result().equals(FactKey.of(unit("gm"), TOTAL_CASH_PER_OZ, FY)))
        .findFirst().orElseThrow();
    // printed: TCC 12,000 (thousands), ounces 100,000, per ounce 120 -> ties
    var printed = new java.util.HashMap<FactKey, Interval>();
    printed.put(FactKey.of(unit("gm"), TOTAL_CASH, FY), Interval.printed(new BigDecimal("12000000"), -3));
    printed.put(FactKey.of(unit("gm"), COST_OUNCES, FY), Interval.exact(new BigDecimal("100000")));
    printed.put(FactKey.of(unit("gm"), TOTAL_CASH_PER_OZ, FY), Interval.printed(new BigDecimal("120"), 0));
    assertThat(perOz.holds(k -> Optional.ofNullable(printed.get(k)))).contains(true);
    // a printed 122 cannot come from 11,999.5-12,000.5 thousand over 100,000 oz
    printed.put(FactKey.of(unit("gm"), TOTAL_CASH_PER_OZ, FY), Interval.printed(new BigDecimal("122"), 0));
    assertThat(perOz.holds(k -> Optional.ofNullable(printed.get(k)))).contains(false);
  }
}

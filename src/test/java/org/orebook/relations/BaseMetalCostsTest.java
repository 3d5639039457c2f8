package org.orebook.relations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orebook.relations.Concepts.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
import org.orebook.model.Segment;
import org.orebook.quantity.Period;
import org.orebook.quantity.Unit;

/**
 * Base metals costed per pound (issue 14), on a hand-made copper mine and zinc mine whose figures
 * are worked out by hand below: never per ounce, never through short tons.
 */
class BaseMetalCostsTest {
  static final Period FY = new Period.Year(2025);

  final FactSet in = new FactSet();
  int row = 1;

  final OperatingUnit copperMine = new OperatingUnit("cu", "Copper Mine", "Chile", "copper", new BigDecimal("100"),
      Optional.of(Metal.CU), List.of(Metal.AU, Metal.AG), "milled", "milled", true);
  final OperatingUnit zincMine = new OperatingUnit("zn", "Zinc Mine", "Canada", "zinc", new BigDecimal("100"),
      Optional.of(Metal.ZN), List.of(Metal.PB), "milled", "milled", true);
  final Company company = new Company("Test Copper", "TC", "USD", FY, List.of(Metal.CU, Metal.ZN, Metal.AU),
      List.of(new Segment("copper", "Copper"), new Segment("zinc", "Zinc")), List.of(copperMine, zincMine));

  void put(Entity entity, String concept, String qualifier, String value, Unit unit) {
    in.add(new Fact(new FactKey(entity, concept, qualifier, FY), new BigDecimal(value), unit,
        new Origin.Input("test.csv", row++, "value")));
  }

  void cost(String unitId, String item, String value) {
    put(unit(unitId), item, "", value, Unit.USD);
  }

  FactSet run() {
    Engine.Result r = Engine.run(in, Catalogue.build(company, List.of(), List.of(), in));
    assertThat(r.disagreements()).isEmpty();
    return r.facts();
  }

  Fact fact(FactSet f, Entity entity, String concept) {
    return f.find(new FactKey(entity, concept, "", FY)).orElseThrow(() -> new AssertionError("no " + entity + "/" + concept));
  }

  static BigDecimal cents(BigDecimal v) {
    return v.setScale(4, RoundingMode.HALF_UP);
  }

  void copperInputs() {
    put(unit("cu"), ORE_MILLED, "", "10000000", Unit.TONNE);
    put(unit("cu"), PRODUCED, "CU", "50000", Unit.TONNE);
    put(unit("cu"), PAYABLE, "CU", "100000000", Unit.POUND);
    put(unit("cu"), SOLD, "CU", "48000", Unit.TONNE);
    cost("cu", MINING, "90000000");
    cost("cu", MILLING, "70000000");
    cost("cu", SITE_OTHER, "20000000");
    cost("cu", TREATMENT_FREIGHT, "30000000");
    cost("cu", BYPRODUCT_CREDITS, "40000000");
    cost("cu", ROYALTIES, "8000000");
    cost("cu", PRODUCTION_TAXES, "2000000");
    cost("cu", DDA, "25000000");
  }

  @Test
  void c1IsPerPayablePoundAndLeavesOutRoyalties() {
    copperInputs();
    FactSet f = run();
    // C1 = 90 + 70 + 20 (direct) + 30 (TC/RC and freight) - 40 (by-products) = 170M
    assertThat(fact(f, unit("cu"), C1_CASH_COST).value()).isEqualByComparingTo("170000000");
    // the payable pounds divide: 100,000,000 lb given, not the 50,000 t produced
    assertThat(fact(f, unit("cu"), COST_OUNCES).value()).isEqualByComparingTo("100000000");
    assertThat(fact(f, unit("cu"), COST_OUNCES).unit()).isEqualTo(Unit.POUND);
    // $170M / 100M lb = $1.70/lb
    Fact c1 = fact(f, unit("cu"), C1_PER_LB);
    assertThat(c1.value()).isEqualByComparingTo("1.70");
    assertThat(c1.unit()).isEqualTo(Unit.USD_PER_POUND);
    // total cash cost (Gold Institute) adds royalties and production taxes: 180M / 100M = $1.80/lb
    Fact tcc = fact(f, unit("cu"), TOTAL_CASH_PER_OZ);
    assertThat(tcc.value()).isEqualByComparingTo("1.80");
    assertThat(tcc.unit()).isEqualTo(Unit.USD_PER_POUND);
    // total production cost adds DD&A: 205M / 100M = $2.05/lb
    assertThat(fact(f, unit("cu"), TOTAL_PRODUCTION_PER_OZ).value()).isEqualByComparingTo("2.05");
  }

  @Test
  void payableFactorTimesProducedGivesThePayablePounds() {
    put(unit("zn"), PRODUCED, "ZN", "40000", Unit.TONNE);
    put(unit("zn"), PAYABLE_FACTOR, "ZN", "85", Unit.PERCENT);
    cost("zn", MINING, "30000000");
    cost("zn", MILLING, "20000000");
    cost("zn", SITE_OTHER, "5000000");
    cost("zn", TREATMENT_FREIGHT, "25000000");
    cost("zn", BYPRODUCT_CREDITS, "15000000");
    FactSet f = run();
    // payable = 40,000 t x 85% = 34,000 t, kept in tonnes
    Fact payable = f.find(new FactKey(unit("zn"), PAYABLE, "ZN", FY)).orElseThrow();
    assertThat(payable.value()).isEqualByComparingTo("34000");
    assertThat(payable.unit()).isEqualTo(Unit.TONNE);
    // 34,000 t x 2,204.62262184877580722973801345... lb/t = 74,957,169.14 lb (1 lb = 0.45359237 kg exactly)
    BigDecimal pounds = fact(f, unit("zn"), COST_OUNCES).value();
    assertThat(pounds.setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("74957169.14");
    // C1 = 30 + 20 + 5 + 25 - 15 = 65M; / 74,957,169.14 lb = $0.8672 per payable pound
    assertThat(cents(fact(f, unit("zn"), C1_PER_LB).value())).isEqualByComparingTo("0.8672");
  }

  @Test
  void withoutPayableMetalTheCostsArePerPoundProduced() {
    put(unit("zn"), PRODUCED, "ZN", "20000", Unit.SHORT_TON);
    cost("zn", MINING, "10000000");
    cost("zn", MILLING, "6000000");
    FactSet f = run();
    // 20,000 short tons x 2,000 lb = 40,000,000 lb exactly; $16M / 40M lb = $0.40/lb
    assertThat(fact(f, unit("zn"), COST_OUNCES).value()).isEqualByComparingTo("40000000");
    assertThat(fact(f, unit("zn"), TOTAL_CASH_PER_OZ).value()).isEqualByComparingTo("0.40");
    assertThat(fact(f, unit("zn"), TOTAL_CASH_PER_OZ).unit()).isEqualTo(Unit.USD_PER_POUND);
  }

  @Test
  void allInSustainingCostsArePerPoundSold() {
    copperInputs();
    put(unit("cu"), SUSTAINING_CAPITAL, "", "50000000", Unit.USD);
    put(unit("cu"), COST_OF_SALES, "", "0", Unit.USD);
    FactSet f = run();
    // adjusted operating costs = cost of sales 0 + TC/RC and freight 30M - by-product credits 40M = -10M;
    // AISC = -10M + sustaining capital 50M = 40M
    assertThat(fact(f, unit("cu"), AISC).value()).isEqualByComparingTo("40000000");
    // per pound sold: 48,000 t sold = 105,821,885.85 lb; 40M / 105,821,885.85 = $0.3780/lb
    assertThat(fact(f, unit("cu"), AISC_PER_OZ).unit()).isEqualTo(Unit.USD_PER_POUND);
    assertThat(cents(fact(f, unit("cu"), AISC_PER_OZ).value())).isEqualByComparingTo("0.3780");
  }

  @Test
  void companyProductionInTonnesStaysInTonnes() {
    put(unit("cu"), PRODUCED, "CU", "141200", Unit.TONNE);
    put(unit("zn"), PRODUCED, "ZN", "35050", Unit.TONNE);
    FactSet f = run();
    Fact total = f.find(new FactKey(COMPANY, PRODUCED, "CU", FY)).orElseThrow();
    assertThat(total.unit()).isEqualTo(Unit.TONNE);
    assertThat(total.value().toPlainString()).isEqualTo("141200");
  }
}

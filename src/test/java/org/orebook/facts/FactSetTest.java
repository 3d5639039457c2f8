package org.orebook.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orebook.quantity.Period;
import org.orebook.quantity.Unit;
import org.orebook.quantity.UnitSystem;

class FactSetTest {
  private static final Period FY = new Period.Year(2003);
  private static final FactKey ORE = FactKey.of(Entity.parse("unit:la-camorra"), "ore_milled", FY);
  private static final FactKey GOLD = new FactKey(Entity.parse("unit:la-camorra"), "produced", "AU", FY);
  private static final FactKey PER_TON = FactKey.of(Entity.parse("unit:la-camorra"), "mining_cost_per_ton", FY);

  @Test
  void test_reportedIn_convertsByUnitKeepsOrderAndOrigin() {
    FactSet stored = new FactSet();
    Origin.Input in = new Origin.Input("production.csv", 4, "value");
    stored.add(new Fact(ORE, new BigDecimal("4000000"), Unit.SHORT_TON, in));
    stored.add(new Fact(GOLD, new BigDecimal("126567"), Unit.TROY_OUNCE, in));
    FactSet metric = stored.reportedIn(UnitSystem.METRIC);

    assertThat(metric.all()).extracting(Fact::key).containsExactly(ORE, GOLD);
    Fact ore = metric.find(ORE).orElseThrow();
    assertThat(ore.unit()).isEqualTo(Unit.TONNE);
    assertThat(ore.value()).isEqualByComparingTo("3628738.96");
    assertThat(ore.origin()).isEqualTo(new Origin.Converted(Unit.SHORT_TON, new BigDecimal("4000000"), in));
    assertThat(ore.origin().unconverted()).isEqualTo(in);
    // ounces stay ounces, with their own origin
    assertThat(metric.find(GOLD).orElseThrow()).isEqualTo(stored.find(GOLD).orElseThrow());
    // the stored figures are not touched
    assertThat(stored.find(ORE).orElseThrow().unit()).isEqualTo(Unit.SHORT_TON);
  }

  @Test
  void test_add_afterReportedIn_convertsToo() {
    FactSet metric = new FactSet().reportedIn(UnitSystem.METRIC);
    Origin.Derived d = new Origin.Derived("gi.mining_cost_per_ton", "mining cost / tons of ore milled", "mining / ore",
        List.of(ORE));
    metric.add(new Fact(PER_TON, new BigDecimal("9.0718474"), Unit.USD_PER_TON, d));
    Fact f = metric.find(PER_TON).orElseThrow();
    assertThat(f.unit()).isEqualTo(Unit.USD_PER_TONNE);
    assertThat(f.value()).isEqualByComparingTo("10");
    assertThat(f.origin().unconverted()).isEqualTo(d);
    assertThat(metric.units()).isEqualTo(UnitSystem.METRIC);
  }
}

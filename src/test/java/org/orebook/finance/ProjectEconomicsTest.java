package org.orebook.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orebook.model.Metal;

class ProjectEconomicsTest {
  static final List<BigDecimal> FLOWS = List.of(new BigDecimal("-1000"), new BigDecimal("500"), new BigDecimal("400"),
      new BigDecimal("300"));

  /** Capital 1,000 in 2004; 2005 and 2006 mine 10 tons at 1 oz/ton, 90% recovery, $100 price, $40 cash cost. */
  static ProjectEconomics.Project small() {
    return new ProjectEconomics.Project("p", "Small", Metal.AU, new BigDecimal("0.9"), new BigDecimal("0.10"),
        new BigDecimal("0.30"), 1, List.of(new BigDecimal("0.10")), List.of(
            new ProjectEconomics.Year(2004, new BigDecimal("1000"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                new BigDecimal("100")),
            new ProjectEconomics.Year(2005, BigDecimal.ZERO, BigDecimal.TEN, BigDecimal.ONE, new BigDecimal("40"),
                new BigDecimal("100")),
            new ProjectEconomics.Year(2006, BigDecimal.ZERO, BigDecimal.TEN, BigDecimal.ONE, new BigDecimal("40"),
                new BigDecimal("100"))));
  }

  @Test
  void test_npv_atTenPercent_toTheCent() {
    // -1000 + 500/1.1 + 400/1.21 + 300/1.331
    //   = -1000 + 454.5454545 + 330.5785124 + 225.3944403 = 10.5184072 -> 10.52
    assertThat(ProjectEconomics.npv(FLOWS, new BigDecimal("0.10")).setScale(2, RoundingMode.HALF_UP))
        .isEqualByComparingTo("10.52");
    // at 0% the NPV is the plain sum: -1000 + 500 + 400 + 300 = 200
    assertThat(ProjectEconomics.npv(FLOWS, BigDecimal.ZERO)).isEqualByComparingTo("200");
  }

  @Test
  void test_irr_toAHundredthOfAPercent() {
    // NPV(r) = 0 at r = 0.1065168 (spreadsheet IRR(-1000, 500, 400, 300) = 10.65%):
    // NPV(0.1065) = +0.05 > 0 and NPV(0.1066) = -0.18 < 0
    BigDecimal irr = ProjectEconomics.irr(FLOWS).orElseThrow();
    assertThat(irr.movePointRight(2).setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("10.65");
    assertThat(ProjectEconomics.npv(FLOWS, irr).abs()).isLessThan(new BigDecimal("0.000001"));
  }

  @Test
  void test_irr_noSignChange_isEmpty() {
    assertThat(ProjectEconomics.irr(List.of(new BigDecimal("100"), new BigDecimal("50")))).isEmpty();
  }

  @Test
  void test_payback() {
    // cumulative after each year: -1000, -500, -100, +200. The first year (the -1000) counts as a
    // whole year, so three whole years (indices 0, 1, 2) pass before the year that recovers the
    // last 100 of its 300: 3 + 100/300 = 3.3333 years from the start of the schedule
    assertThat(ProjectEconomics.payback(FLOWS).orElseThrow().setScale(4, RoundingMode.HALF_UP))
        .isEqualByComparingTo("3.3333");
    assertThat(ProjectEconomics.payback(List.of(new BigDecimal("-10"), new BigDecimal("5")))).isEmpty();
  }

  @Test
  void test_evaluate_cashFlowsTaxesAndUnitCosts() {
    ProjectEconomics.Result r = ProjectEconomics.evaluate(small());
    // 2005 and 2006: produced 10 x 1 x 0.9 = 9 oz; revenue 900; royalty 90; cash costs 360
    // 2005: depreciation 1,000 (capital over 1 year from 2005): taxable 900-90-360-1000 = -550, no tax; flow 450
    // 2006: depreciation 0: taxable 450, tax 30% = 135; flow 900-90-360-135 = 315
    assertThat(r.cashFlows()).usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("-1000"), new BigDecimal("450"), new BigDecimal("315"));
    assertThat(r.years().get(2).taxes()).isEqualByComparingTo("135");
    assertThat(r.years().get(1).depreciation()).isEqualByComparingTo("1000");
    assertThat(r.produced()).isEqualByComparingTo("18");
    // cash cost per oz = 720 / 18 = 40; all-in = (720 + 180 + 1000) / 18 = 105.5556
    assertThat(r.cashCostPerUnit()).isEqualByComparingTo("40");
    assertThat(r.allInCostPerUnit().setScale(4, RoundingMode.HALF_UP)).isEqualByComparingTo("105.5556");
    // NPV at 10% = -1000 + 450/1.1 + 315/1.21 = -1000 + 409.0909091 + 260.3305785 = -330.5785124
    assertThat(r.npvs().get(0).setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("-330.58");
  }

  @Test
  void test_sensitivity_priceUpTenPercent() {
    List<ProjectEconomics.Sensitivity> rows = ProjectEconomics.sensitivity(small(), new BigDecimal("0.10"),
        ProjectEconomics.CHANGES);
    ProjectEconomics.Sensitivity price = rows.get(0);
    assertThat(price.driver()).isEqualTo(ProjectEconomics.Driver.PRICE);
    // price 110: revenue 990, royalty 99, cash costs 360
    // 2005: flow 531 (taxable 531 - 1000 < 0); 2006: tax 0.3 x 531 = 159.3, flow 371.7
    // NPV = -1000 + 531/1.1 + 371.7/1.21 = -1000 + 482.7272727 + 307.1900826 = -210.0826446
    assertThat(price.npvs().get(3).setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("-210.08");
    // capital +10%: 2004 flow -1100; 2005 depreciation 1100, taxable -650, flow 450; 2006 unchanged 315
    // NPV = -1100 + 409.0909091 + 260.3305785 = -430.5785124
    assertThat(rows.get(2).npvs().get(3).setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("-430.58");
    assertThat(rows).extracting(ProjectEconomics.Sensitivity::driver).containsExactly(ProjectEconomics.Driver.values());
  }
}

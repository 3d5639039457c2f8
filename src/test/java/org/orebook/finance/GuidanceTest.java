package org.orebook.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.orebook.finance.Guidance.Kind;

class GuidanceTest {
  static final BigDecimal NONE = BigDecimal.ZERO;

  static Guidance.Assessment assess(Kind k, Guidance.Target t, String actual, String tolerance) {
    return Guidance.assess(k, t, new BigDecimal(actual), new BigDecimal(tolerance));
  }

  @Test
  void test_production_value() {
    Guidance.Target about = new Guidance.Value(new BigDecimal("215000"));
    Guidance.Assessment above = assess(Kind.PRODUCTION, about, "220000", "0");
    assertThat(above.met()).isTrue();
    assertThat(above.difference()).isEqualByComparingTo("5000"); // 220,000 - 215,000
    assertThat(assess(Kind.PRODUCTION, about, "214999", "0").met()).isFalse();
    // 5% tolerance: met down to 215,000 x 0.95 = 204,250
    assertThat(assess(Kind.PRODUCTION, about, "204250", "0.05").met()).isTrue();
    assertThat(assess(Kind.PRODUCTION, about, "204249", "0.05").met()).isFalse();
    assertThatIllegalArgumentException().isThrownBy(
        () -> assess(Kind.PRODUCTION, new Guidance.LessThan(BigDecimal.TEN), "5", "0"));
  }

  @Test
  void test_cashCost_lessThan_andValue() {
    Guidance.Target below = new Guidance.LessThan(new BigDecimal("1.75"));
    assertThat(assess(Kind.CASH_COST, below, "1.74", "0").met()).isTrue();
    assertThat(assess(Kind.CASH_COST, below, "1.75", "0").met()).isFalse(); // not strictly below
    assertThat(assess(Kind.CASH_COST, below, "1.80", "0").difference()).isEqualByComparingTo("0.05");
    Guidance.Target about = new Guidance.Value(new BigDecimal("185"));
    assertThat(assess(Kind.CASH_COST, about, "185", "0").met()).isTrue();
    assertThat(assess(Kind.CASH_COST, about, "186", "0").met()).isFalse();
    // 185 x 1.05 = 194.25
    assertThat(assess(Kind.CASH_COST, about, "194.25", "0.05").met()).isTrue();
  }

  @Test
  void test_spend_range() {
    Guidance.Target range = new Guidance.Range(new BigDecimal("12000000"), new BigDecimal("15000000"));
    Guidance.Assessment inside = assess(Kind.SPEND, range, "13000000", "0");
    assertThat(inside.met()).isTrue();
    // midpoint (12,000,000 + 15,000,000) / 2 = 13,500,000; 13,000,000 - 13,500,000 = -500,000
    assertThat(inside.reference()).isEqualByComparingTo("13500000");
    assertThat(inside.difference()).isEqualByComparingTo("-500000");
    assertThat(assess(Kind.SPEND, range, "15000001", "0").met()).isFalse();
    assertThat(assess(Kind.SPEND, range, "11999999", "0").met()).isFalse();
    assertThat(assess(Kind.SPEND, range, "9600000", "0").met()).isFalse();
  }
}

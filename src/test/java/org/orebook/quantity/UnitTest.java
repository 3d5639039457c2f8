package org.orebook.quantity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Exact conversions between the units of a metric and an imperial release, against figures
 * computed by hand from the definitions: 1 troy ounce = 31.1034768 g, 1 short ton = 2000 lb =
 * 907.18474 kg, 1 lb = 0.45359237 kg.
 */
class UnitTest {
  private static final BigDecimal TINY = new BigDecimal("1e-30");

  private static BigDecimal convert(String value, Unit from, Unit to) {
    return from.convert(new BigDecimal(value), to);
  }

  @Test
  void test_gradeOuncesPerTon_is240Over7GramsPerTonne() {
    // 7 oz/ton = 7 x 31.1034768 g / 0.90718474 t = 217.7243376 / 0.90718474 = 240 g/t exactly
    assertThat(convert("7", Unit.OUNCES_PER_TON, Unit.GRAMS_PER_TONNE)).isEqualByComparingTo("240");
    assertThat(convert("240", Unit.GRAMS_PER_TONNE, Unit.OUNCES_PER_TON)).isEqualByComparingTo("7");
    // 1 oz/ton = 34.285714285714... g/t (240/7 does not terminate: 34 significant digits)
    assertThat(convert("1", Unit.OUNCES_PER_TON, Unit.GRAMS_PER_TONNE))
        .isEqualByComparingTo("34.28571428571428571428571428571429");
    // 1.2 g/t = 1.2 x 7 / 240 = 0.035 oz/ton exactly
    assertThat(convert("1.2", Unit.GRAMS_PER_TONNE, Unit.OUNCES_PER_TON)).isEqualByComparingTo("0.035");
  }

  @Test
  void test_shortTonAndTonne() {
    assertThat(convert("1", Unit.SHORT_TON, Unit.TONNE)).isEqualByComparingTo("0.90718474");
    assertThat(convert("4000000", Unit.SHORT_TON, Unit.TONNE)).isEqualByComparingTo("3628738.96");
    assertThat(convert("3628738.96", Unit.TONNE, Unit.SHORT_TON)).isEqualByComparingTo("4000000");
    // 1 t = 1000 / 907.18474 st = 1.1023113109243879036...
    assertThat(convert("1", Unit.TONNE, Unit.SHORT_TON)).isEqualByComparingTo("1.102311310924387903614869006725135");
  }

  @Test
  void test_poundKilogramAndTroyOunce() {
    // 1 lb = 0.45359237 kg = 0.00045359237 t; 2000 lb = 1 st
    assertThat(convert("1", Unit.POUND, Unit.TONNE)).isEqualByComparingTo("0.00045359237");
    assertThat(convert("2000", Unit.POUND, Unit.SHORT_TON)).isEqualByComparingTo("1");
    assertThat(convert("1", Unit.SHORT_TON, Unit.POUND)).isEqualByComparingTo("2000");
    // 1 kg = 1000 / 31.1034768 troy oz = 32.15074656862798...; 31.1034768 kg = 1000 oz exactly
    assertThat(convert("31.1034768", Unit.KILOGRAM, Unit.TROY_OUNCE)).isEqualByComparingTo("1000");
    assertThat(convert("1", Unit.KILOGRAM, Unit.TROY_OUNCE)).isEqualByComparingTo("32.15074656862798052210034602948311");
    assertThat(convert("1000", Unit.TROY_OUNCE, Unit.KILOGRAM)).isEqualByComparingTo("31.1034768");
    assertThat(convert("1", Unit.KILOGRAM, Unit.GRAM)).isEqualByComparingTo("1000");
  }

  @Test
  void test_costPerTonAndPerTonne() {
    // $0.90718474 per short ton is $1 per tonne: a tonne is 1/0.90718474 short tons
    assertThat(convert("0.90718474", Unit.USD_PER_TON, Unit.USD_PER_TONNE)).isEqualByComparingTo("1");
    assertThat(convert("1", Unit.USD_PER_TONNE, Unit.USD_PER_TON)).isEqualByComparingTo("0.90718474");
    // the figures still tie: cost per tonne x tonnes = cost per ton x tons = the cost
    BigDecimal tons = new BigDecimal("197591");
    BigDecimal cost = new BigDecimal("7237520");
    BigDecimal perTon = Exact.divide(cost, tons);
    BigDecimal perTonne = Unit.USD_PER_TON.convert(perTon, Unit.USD_PER_TONNE);
    BigDecimal tonnes = Unit.SHORT_TON.convert(tons, Unit.TONNE);
    assertThat(perTonne.multiply(tonnes).subtract(cost).abs()).isLessThan(new BigDecimal("1e-20"));
  }

  @Test
  void test_tonnesTimesGramsPerTonneAreGramsAndOuncesUnchanged() {
    // 1,000,000 st at 0.5 oz/ton contain 500,000 oz; in metric: 907,184.74 t at 17.142857... g/t
    BigDecimal t = convert("1000000", Unit.SHORT_TON, Unit.TONNE);
    BigDecimal gpt = convert("0.5", Unit.OUNCES_PER_TON, Unit.GRAMS_PER_TONNE);
    BigDecimal ounces = Unit.GRAM.convert(t.multiply(gpt), Unit.TROY_OUNCE);
    assertThat(ounces.subtract(new BigDecimal("500000")).abs()).isLessThan(new BigDecimal("1e-25"));
  }

  @Test
  void test_roundTripsAreExactTo34Digits() {
    for (String v : new String[] {"0.80", "12.5", "0.001", "123456789.123"}) {
      BigDecimal x = new BigDecimal(v);
      assertThat(Unit.OUNCES_PER_TON.convert(Unit.GRAMS_PER_TONNE.convert(x, Unit.OUNCES_PER_TON), Unit.GRAMS_PER_TONNE)
          .subtract(x).abs()).isLessThan(TINY.multiply(x.max(BigDecimal.ONE)));
      assertThat(Unit.SHORT_TON.convert(Unit.TONNE.convert(x, Unit.SHORT_TON), Unit.TONNE).subtract(x).abs())
          .isLessThan(TINY.multiply(x.max(BigDecimal.ONE)));
    }
  }

  @Test
  void test_unitSystems() {
    assertThat(UnitSystem.METRIC.target(Unit.SHORT_TON)).isEqualTo(Unit.TONNE);
    assertThat(UnitSystem.METRIC.target(Unit.OUNCES_PER_TON)).isEqualTo(Unit.GRAMS_PER_TONNE);
    assertThat(UnitSystem.METRIC.target(Unit.USD_PER_TON)).isEqualTo(Unit.USD_PER_TONNE);
    // troy ounces, pounds, cents per pound and percent stay in a metric release
    assertThat(UnitSystem.METRIC.target(Unit.TROY_OUNCE)).isEqualTo(Unit.TROY_OUNCE);
    assertThat(UnitSystem.METRIC.target(Unit.POUND)).isEqualTo(Unit.POUND);
    assertThat(UnitSystem.METRIC.target(Unit.CENTS_PER_POUND)).isEqualTo(Unit.CENTS_PER_POUND);
    assertThat(UnitSystem.METRIC.target(Unit.PERCENT)).isEqualTo(Unit.PERCENT);
    assertThat(UnitSystem.IMPERIAL.target(Unit.TONNE)).isEqualTo(Unit.SHORT_TON);
    assertThat(UnitSystem.IMPERIAL.target(Unit.GRAMS_PER_TONNE)).isEqualTo(Unit.OUNCES_PER_TON);
    assertThat(UnitSystem.IMPERIAL.target(Unit.USD_PER_TONNE)).isEqualTo(Unit.USD_PER_TON);
    assertThat(UnitSystem.IMPERIAL.target(Unit.KILOGRAM)).isEqualTo(Unit.TROY_OUNCE);
    assertThat(UnitSystem.AS_STORED.target(Unit.TONNE)).isEqualTo(Unit.TONNE);
    assertThat(UnitSystem.ofCode("metric")).contains(UnitSystem.METRIC);
    assertThat(UnitSystem.ofCode("si")).isEmpty();
  }
}

package org.orebook.quantity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class QuantityTest {
  @Test
  void ouncePerTonIs240Over7GramsPerTonne() {
    BigDecimal gpt = Unit.OUNCES_PER_TON.convert(BigDecimal.ONE, Unit.GRAMS_PER_TONNE);
    // 240/7 does not terminate: carried to 34 significant digits
    assertThat(gpt.multiply(BigDecimal.valueOf(7)).subtract(BigDecimal.valueOf(240)).abs()).isLessThan(new BigDecimal("1e-30"));
    // and derived from first principles: 31.1034768 g per 0.90718474 t
    BigDecimal fromMasses = Exact.divide(new BigDecimal("31.1034768"), new BigDecimal("0.90718474"));
    assertThat(gpt.subtract(fromMasses).abs()).isLessThan(new BigDecimal("1e-30"));
    assertThat(Quantity.of("7", Unit.GRAMS_PER_TONNE).to(Unit.OUNCES_PER_TON).value()).isEqualByComparingTo("0.2041666666666666666666666666666667");
  }

  @Test
  void tonnesAndShortTonsConvertExactly() {
    BigDecimal st = Unit.TONNE.convert(new BigDecimal("907.18474"), Unit.SHORT_TON);
    assertThat(st).isEqualByComparingTo("1000");
    assertThat(Unit.SHORT_TON.convert(new BigDecimal("1000"), Unit.TONNE)).isEqualByComparingTo("907.18474");
  }

  @Test
  void thousandsOfDollarsAreAScaleOfDollars() {
    assertThat(Quantity.of("5782", Unit.USD_THOUSANDS).to(Unit.USD).value()).isEqualByComparingTo("5782000");
    assertThat(Quantity.of("1", Unit.USD).plus(Quantity.of("2", Unit.USD_THOUSANDS)).value()).isEqualByComparingTo("2001");
  }

  @Test
  void unitsOfDifferentDimensionsDoNotConvert() {
    assertThatThrownBy(() -> Unit.USD.convert(BigDecimal.ONE, Unit.TROY_OUNCE)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void printingRoundsHalfUp() {
    assertThat(Exact.round(new BigDecimal("1.425"), 2)).isEqualByComparingTo("1.43");
    assertThat(Exact.round(new BigDecimal("-0.245"), 2)).isEqualByComparingTo("-0.25");
    assertThat(Exact.round(new BigDecimal("5781500"), -3)).isEqualByComparingTo("5782000");
  }

  @Test
  void periodsParseAndCompareYearOnYear() {
    Period q = Period.parse("Q4 2003").orElseThrow();
    assertThat(q).isEqualTo(new Period.Quarter(2003, 4));
    assertThat(q.priorYear().code()).isEqualTo("Q4 2002");
    assertThat(Period.parse("FY2003").orElseThrow().priorYear()).isEqualTo(new Period.Year(2002));
    assertThat(Period.parse("2003")).isEmpty();
    assertThat(Period.parse("Q5 2003")).isEmpty();
    assertThat((Period) new Period.Quarter(2003, 4)).isLessThan(new Period.Year(2003));
  }

  @Test
  void printedFigureStandsForAnInterval() {
    Interval i = Interval.printed(new BigDecimal("1.43"), 2);
    assertThat(i.lo()).isEqualByComparingTo("1.425");
    assertThat(i.hi()).isEqualByComparingTo("1.435");
    Interval thousands = Interval.printed(new BigDecimal("14041000"), -3);
    assertThat(thousands.lo()).isEqualByComparingTo("14040500");
    Interval q = thousands.dividedBy(Interval.exact(new BigDecimal("9817324")));
    assertThat(q.overlaps(i)).isTrue();
    assertThat(q.overlaps(Interval.printed(new BigDecimal("1.44"), 2))).isFalse();
    assertThat(Interval.exact(BigDecimal.ONE).minus(Interval.printed(BigDecimal.ONE, 0)).contains(new BigDecimal("0.5"))).isTrue();
  }
}

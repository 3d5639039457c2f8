package org.orebook.quantity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Converting any quantity to another unit system and back gives the number written (issue 14):
 * a seeded generator of values of every scale in every convertible unit, written by hand.
 */
class RoundTripTest {
  private static final List<UnitSystem> SYSTEMS = List.of(UnitSystem.METRIC, UnitSystem.IMPERIAL);

  /** A value as a dataset writes it: up to 12 integer digits and 0 to 8 decimals, either sign. */
  static BigDecimal value(Random r) {
    BigInteger digits = new BigInteger(1 + r.nextInt(40), r);
    BigDecimal v = new BigDecimal(digits, r.nextInt(9));
    return r.nextInt(10) == 0 ? v.negate() : v;
  }

  @Test
  void everyUnitToEverySystemAndBackIsTheValueWritten() {
    Random r = new Random(20261206);
    List<Unit> units = Arrays.stream(Unit.values()).toList();
    int converted = 0;
    for (int i = 0; i < 20_000; i++) {
      Unit unit = units.get(r.nextInt(units.size()));
      Quantity written = new Quantity(value(r), unit);
      for (UnitSystem there : SYSTEMS) {
        Unit target = there.target(unit);
        Quantity away = written.to(target);
        if (target != unit) {
          converted++;
        }
        // and on through the other system, then back to the unit written
        Quantity further = away.to(SYSTEMS.get(1 - SYSTEMS.indexOf(there)).target(target));
        Quantity back = further.to(unit);
        assertThat(back.value()).as("%s via %s and %s", written, away, further).isEqualTo(written.value());
        assertThat(back.unit()).isEqualTo(unit);
      }
    }
    assertThat(converted).as("conversions tried").isGreaterThan(5_000);
  }

  @Test
  void aConversionIsOneExactQuotientOfTheDefiningFactors() {
    // 1 short ton = 2,000 lb exactly; 1 oz/ton = 240/7 g/t; a short ton of ore at 1 oz/ton holds 1 troy ounce
    assertThat(Unit.SHORT_TON.factorTo(Unit.POUND)).isEqualByComparingTo("2000");
    assertThat(Unit.OUNCES_PER_TON.factorTo(Unit.GRAMS_PER_TONNE))
        .isEqualByComparingTo(BigDecimal.valueOf(240).divide(BigDecimal.valueOf(7), Exact.MC));
    assertThat(Unit.ouncesContained(Unit.SHORT_TON, Unit.OUNCES_PER_TON)).isEqualByComparingTo("1");
    // a tonne at 31.1034768 g/t holds one troy ounce
    assertThat(Unit.ouncesContained(Unit.TONNE, Unit.GRAMS_PER_TONNE))
        .isEqualByComparingTo(BigDecimal.ONE.divide(new BigDecimal("31.1034768"), Exact.MC));
    // 141,200 t to short tons and back is 141,200 t, not 141200.000...0128
    Quantity t = Quantity.of("141200", Unit.TONNE);
    assertThat(t.to(Unit.SHORT_TON).to(Unit.TONNE).value().toPlainString()).isEqualTo("141200");
  }
}

package org.orebook.release;

import java.math.BigDecimal;
import java.util.Collection;
import org.orebook.model.Company;
import org.orebook.model.Metal;
import org.orebook.quantity.Exact;
import org.orebook.quantity.Unit;

/**
 * The decimals a grade prints with (docs/units.md). The company's own choice when company.csv sets
 * {@code grade_decimals}. Otherwise the metal's usual decimals for the table (gold production three,
 * silver two; reserves gold two, silver and base metals one), with more where a grade would
 * print with fewer than two significant digits, up to the unit's precision (oz/ton three decimals,
 * g/t and % two) and never fewer than the unit's precision allows; and beyond it where a grade would
 * otherwise print as zero. So a silver grade of 1.9 g/t prints 0.055 oz/ton, not 0.1; a gold reserve
 * grade of 0.021 oz/ton prints 0.021, not 0.02; a grade of 11.25 oz/ton keeps two decimals.
 */
final class GradePrecision {
  /** Enough for any grade a mine reports (0.000001 oz/ton is a few hundredths of a milligram a tonne). */
  private static final int MOST = 6;

  private GradePrecision() {}

  /** The decimals of grades of {@code metal} in one kind of table ({@code usual} decimals), printed in {@code unit}. */
  static int decimals(Company company, String table, Metal metal, Unit unit, int usual, Collection<BigDecimal> values) {
    var chosen = company.gradeDecimals(table, metal);
    if (chosen.isPresent()) {
      return chosen.get();
    }
    int precision = unit == Unit.OUNCES_PER_TON ? 3 : 2;
    int d = Math.min(usual, precision);
    while (d < precision && fewerThanTwoDigits(values, d)) {
      d++;
    }
    while (d < MOST && roundsToZero(values, d)) {
      d++;
    }
    return d;
  }

  /** True when a figure printed at {@code decimals} would show fewer than two significant digits (0.05, 0.3). */
  private static boolean fewerThanTwoDigits(Collection<BigDecimal> values, int decimals) {
    BigDecimal least = BigDecimal.ONE.movePointLeft(decimals - 1);
    return values.stream().anyMatch(v -> v.signum() != 0 && v.abs().compareTo(least) < 0);
  }

  private static boolean roundsToZero(Collection<BigDecimal> values, int decimals) {
    return values.stream().anyMatch(v -> v.signum() != 0 && Exact.round(v, decimals).signum() == 0);
  }
}

package org.orebook.quantity;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Exact arithmetic policy: every figure is a {@link BigDecimal}; sums and products are exact, and
 * a quotient that does not terminate is carried to 34 significant digits (IEEE decimal128), far
 * beyond any printed precision. Rounding happens only when printing, half up.
 */
public final class Exact {
  /** Precision of non-terminating quotients. */
  public static final MathContext MC = MathContext.DECIMAL128;
  public static final BigDecimal GRAMS_PER_TROY_OUNCE = new BigDecimal("31.1034768");
  public static final BigDecimal KG_PER_SHORT_TON = new BigDecimal("907.18474");
  public static final BigDecimal KG_PER_TONNE = new BigDecimal("1000");
  public static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Exact() {}

  /** Quotient, exact when it terminates, else to {@link #MC}. */
  public static BigDecimal divide(BigDecimal a, BigDecimal b) {
    try {
      return a.divide(b);
    } catch (ArithmeticException nonTerminating) {
      return a.divide(b, MC);
    }
  }

  /** The printed value: half-up at the given number of decimals (negative: tens, hundreds...). */
  public static BigDecimal round(BigDecimal value, int decimals) {
    return value.setScale(decimals, RoundingMode.HALF_UP);
  }
}

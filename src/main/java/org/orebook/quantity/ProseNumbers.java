package org.orebook.quantity;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How running text rounds a figure, written once for the narrative that writes it and the prose
 * checker that reads it: an amount or quantity of a million or more is said in millions to one
 * decimal ("$17.1 million", "9.8 million ounces"); below a million as printed in the tables.
 */
public final class ProseNumbers {
  /** The step of a figure said in millions: a tenth of a million. */
  public static final BigDecimal MILLION_STEP = BigDecimal.TEN.pow(5);

  private ProseNumbers() {}

  /** True when text says the figure in millions. */
  public static boolean inMillions(BigDecimal v) {
    return v.abs().compareTo(BigDecimal.TEN.pow(6)) >= 0;
  }

  /** The figure as text rounds it: to the tenth of a million at a million or more, else unchanged. */
  public static BigDecimal rounded(BigDecimal v) {
    if (!inMillions(v)) {
      return v;
    }
    return v.divide(MILLION_STEP).setScale(0, RoundingMode.HALF_UP).multiply(MILLION_STEP);
  }

  /** The figure in millions, to one decimal, for text ("17.1"). */
  public static BigDecimal millions(BigDecimal v) {
    return v.movePointLeft(6).setScale(1, RoundingMode.HALF_UP);
  }
}

package org.orebook.check;

import java.math.BigDecimal;
import org.orebook.edgar.Figure;
import org.orebook.facts.FactKey;
import org.orebook.quantity.Interval;
import org.orebook.quantity.Unit;

/**
 * A published figure keyed as the engine keys it: the figure as printed, the power of ten of its
 * table's scale, whether the table prints it negated, and the interval of exact values it stands
 * for.
 */
public record Reading(FactKey key, Figure figure, int exponent, boolean negated, Unit unit, Interval interval) {

  /** The exact value the printed figure names (scale and sign applied). */
  public BigDecimal value() {
    BigDecimal v = figure.value().movePointRight(exponent);
    return negated ? v.negate() : v;
  }

  /** A value in the figure's printed scale and sign (what the reader would see). */
  public BigDecimal toPrinted(BigDecimal exact) {
    BigDecimal v = exact.movePointLeft(exponent);
    return negated ? v.negate() : v;
  }

  static Interval intervalOf(Figure f, int exponent, boolean negated) {
    Interval i = f.dash() ? Interval.exact(BigDecimal.ZERO) : Interval.printed(f.value(), f.decimals());
    i = new Interval(i.lo().movePointRight(exponent), i.hi().movePointRight(exponent));
    return negated ? i.negate() : i;
  }
}

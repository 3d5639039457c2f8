package org.orebook.check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.orebook.quantity.Interval;
import org.orebook.relations.Relation;

/**
 * A relation that does not hold on the printed figures: no values inside the printed intervals
 * satisfy it.
 *
 * @param published the figure the relation computes, as printed
 * @param expected what the other figures allow for it (exact values)
 * @param operands the printed figures the relation reads, directly or through derived figures
 */
public record Failure(Relation relation, Reading published, Interval expected, List<Reading> operands) {
  public Failure {
    operands = List.copyOf(operands);
  }

  /** Source lines of every published figure involved, result first. */
  public List<Integer> lines() {
    java.util.LinkedHashSet<Integer> l = new java.util.LinkedHashSet<>();
    l.add(published.figure().line());
    operands.stream().map(r -> r.figure().line()).sorted().forEach(l::add);
    return List.copyOf(l);
  }

  /** The expected value in the published figure's printed scale and sign. */
  public BigDecimal expectedPrinted() {
    BigDecimal mid = expected.lo().add(expected.hi()).divide(BigDecimal.valueOf(2));
    return round(published.toPrinted(mid));
  }

  /**
   * How far the published figure may lie from {@code expectedPrinted} without failing: half the
   * range the other figures allow plus half a unit of the published figure's last digit.
   */
  public BigDecimal tolerancePrinted() {
    BigDecimal half = expected.hi().subtract(expected.lo()).divide(BigDecimal.valueOf(2)).abs();
    BigDecimal halfUlp = published.figure().dash() ? BigDecimal.ZERO
        : BigDecimal.ONE.movePointLeft(published.figure().decimals()).divide(BigDecimal.valueOf(2));
    return round(published.toPrinted(half).abs().add(halfUlp));
  }

  public BigDecimal publishedPrinted() {
    return published.figure().value();
  }

  public BigDecimal differencePrinted() {
    return round(publishedPrinted().subtract(expectedPrinted()));
  }

  private BigDecimal round(BigDecimal v) {
    int d = published.figure().decimals() + 3;
    return v.setScale(d, RoundingMode.HALF_UP).stripTrailingZeros();
  }
}

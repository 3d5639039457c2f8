package org.orebook.quantity;

import java.math.BigDecimal;
import java.util.List;

/**
 * A closed interval of exact values: what a printed figure stands for. A printed 1.43 stands for
 * [1.425, 1.435]; arithmetic on intervals gives every value the operands allow, so a relation
 * fails only when no values inside the printed intervals satisfy it (XBRL Calculations 1.1).
 */
public record Interval(BigDecimal lo, BigDecimal hi) {
  public Interval {
    if (lo.compareTo(hi) > 0) {
      throw new IllegalArgumentException("empty interval [" + lo + ", " + hi + "]");
    }
  }

  public static Interval exact(BigDecimal v) {
    return new Interval(v, v);
  }

  /** The values that print as {@code printed} with {@code decimals} decimals. */
  public static Interval printed(BigDecimal printed, int decimals) {
    BigDecimal half = BigDecimal.ONE.movePointLeft(decimals).divide(BigDecimal.valueOf(2));
    return new Interval(printed.subtract(half), printed.add(half));
  }

  public Interval plus(Interval o) {
    return new Interval(lo.add(o.lo), hi.add(o.hi));
  }

  public Interval minus(Interval o) {
    return new Interval(lo.subtract(o.hi), hi.subtract(o.lo));
  }

  public Interval negate() {
    return new Interval(hi.negate(), lo.negate());
  }

  public Interval times(Interval o) {
    List<BigDecimal> c = List.of(lo.multiply(o.lo), lo.multiply(o.hi), hi.multiply(o.lo), hi.multiply(o.hi));
    return new Interval(c.stream().min(BigDecimal::compareTo).orElseThrow(),
        c.stream().max(BigDecimal::compareTo).orElseThrow());
  }

  /** Quotient; the divisor must not contain zero. */
  public Interval dividedBy(Interval o) {
    if (o.contains(BigDecimal.ZERO)) {
      throw new ArithmeticException("divisor interval contains zero: " + o);
    }
    List<BigDecimal> c = List.of(Exact.divide(lo, o.lo), Exact.divide(lo, o.hi),
        Exact.divide(hi, o.lo), Exact.divide(hi, o.hi));
    return new Interval(c.stream().min(BigDecimal::compareTo).orElseThrow(),
        c.stream().max(BigDecimal::compareTo).orElseThrow());
  }

  public boolean contains(BigDecimal v) {
    return lo.compareTo(v) <= 0 && v.compareTo(hi) <= 0;
  }

  public boolean overlaps(Interval o) {
    return lo.compareTo(o.hi) <= 0 && o.lo.compareTo(hi) <= 0;
  }

  /** The values both intervals hold; they must overlap. */
  public Interval intersect(Interval o) {
    if (!overlaps(o)) {
      throw new IllegalArgumentException("disjoint intervals " + this + " and " + o);
    }
    return new Interval(lo.max(o.lo), hi.min(o.hi));
  }
}

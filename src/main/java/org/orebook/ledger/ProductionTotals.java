package org.orebook.ledger;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;
import org.orebook.model.Metal;
import org.orebook.quantity.Period;

/**
 * The production log aggregated per operating unit and quarter (a year is the sum of its
 * quarters), on a 100% basis, exact:
 *
 * <ul>
 *   <li>tons milled: the sum over the shifts;
 *   <li>days: the number of distinct dates on which the unit milled (tons milled above zero);
 *   <li>produced, per metal: the sum over the shifts that report it;
 *   <li>head grade, per metal: the tonnage-weighted average over the shifts that report a grade,
 *       sum(tons x grade) / sum(tons), both sums exact; the quotient is the only figure not exact
 *       in general, and carries 34 significant digits ({@link MathContext#DECIMAL128}, half even),
 *       as every non-terminating quotient of the engine does. No grade when those shifts milled
 *       nothing.
 * </ul>
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ProductionTotals {
  private static final int M = ProductionLogScanner.METALS;

  private final List<String> units;
  private final FiscalYears years;
  private final long[] tons;
  private final long[] shifts;
  private final int[] gradeSeen;
  private final int[] producedSeen;
  private final long[] gradeTons;
  private final BigInteger[] gradeTonsProduct;
  private final long[] produced;
  private final long[] days;
  private final long rows;
  private final long lines;

  ProductionTotals(List<String> units, FiscalYears years, List<ProductionLogScanner> chunks) {
    this.units = List.copyOf(units);
    this.years = years;
    ProductionLogScanner c0 = chunks.get(0);
    tons = new long[c0.tons.length];
    shifts = new long[c0.shifts.length];
    gradeSeen = new int[c0.gradeSeen.length];
    producedSeen = new int[c0.producedSeen.length];
    gradeTons = new long[c0.gradeTons.length];
    gradeTonsProduct = new BigInteger[c0.gradeTons.length];
    java.util.Arrays.fill(gradeTonsProduct, BigInteger.ZERO);
    produced = new long[c0.produced.length];
    days = new long[c0.days.length];
    long r = 0;
    long l = 0;
    for (ProductionLogScanner c : chunks) {
      for (int i = 0; i < tons.length; i++) {
        tons[i] = Math.addExact(tons[i], c.tons[i]);
        shifts[i] += c.shifts[i];
        gradeSeen[i] |= c.gradeSeen[i];
        producedSeen[i] |= c.producedSeen[i];
        r += c.shifts[i];
      }
      for (int i = 0; i < gradeTons.length; i++) {
        gradeTons[i] = Math.addExact(gradeTons[i], c.gradeTons[i]);
        produced[i] = Math.addExact(produced[i], c.produced[i]);
        if (c.gradeTonsHi[i] != 0 || c.gradeTonsLo[i] != 0) {
          gradeTonsProduct[i] = gradeTonsProduct[i].add(
              BigInteger.valueOf(c.gradeTonsHi[i]).shiftLeft(64).add(unsigned(c.gradeTonsLo[i])));
        }
      }
      for (int i = 0; i < days.length; i++) {
        days[i] |= c.days[i];
      }
      l += c.lines();
    }
    this.rows = r;
    this.lines = l;
  }

  private static BigInteger unsigned(long v) {
    BigInteger b = BigInteger.valueOf(v & Long.MAX_VALUE);
    return v < 0 ? b.setBit(63) : b;
  }

  public List<String> units() {
    return units;
  }

  public FiscalYears years() {
    return years;
  }

  /** Shift rows added. */
  public long rows() {
    return rows;
  }

  /** Lines read after the header. */
  public long lines() {
    return lines;
  }

  private int firstQuarter(Period p) {
    return p instanceof Period.Quarter q ? (q.year() - years.first()) * 4 + q.quarter() - 1 : (p.year() - years.first()) * 4;
  }

  private int quarterCount(Period p) {
    return p instanceof Period.Quarter ? 1 : 4;
  }

  /** True when the log has a row of the unit in the period. */
  public boolean hasRows(int unit, Period p) {
    return shifts(unit, p) > 0;
  }

  public long shifts(int unit, Period p) {
    long n = 0;
    for (int q = firstQuarter(p); q < firstQuarter(p) + quarterCount(p); q++) {
      n += shifts[unit * years.quarters() + q];
    }
    return n;
  }

  /** Tons milled, exact, 100% basis. */
  public BigDecimal tons(int unit, Period p) {
    long n = 0;
    for (int q = firstQuarter(p); q < firstQuarter(p) + quarterCount(p); q++) {
      n = Math.addExact(n, tons[unit * years.quarters() + q]);
    }
    return BigDecimal.valueOf(n, 6);
  }

  /** Distinct dates on which the unit milled. */
  public int days(int unit, Period p) {
    int y = p.year() - years.first();
    int base = (unit * years.years() + y) * ProductionLogScanner.DAY_WORDS;
    int from = 0;
    int to = 366;
    if (p instanceof Period.Quarter q) {
      from = FiscalYears.firstDayOfQuarter(q.year(), q.quarter());
      to = q.quarter() == 4 ? 366 : FiscalYears.firstDayOfQuarter(q.year(), q.quarter() + 1);
    }
    int n = 0;
    for (int d = from; d < to; d++) {
      if ((days[base + (d >>> 6)] & (1L << d)) != 0) {
        n++;
      }
    }
    return n;
  }

  private int mask(int[] seen, int unit, Period p) {
    int m = 0;
    for (int q = firstQuarter(p); q < firstQuarter(p) + quarterCount(p); q++) {
      m |= seen[unit * years.quarters() + q];
    }
    return m;
  }

  /** Ounces (precious metals) or short tons produced, exact, 100% basis; empty when no row reports the metal. */
  public Optional<BigDecimal> produced(int unit, Period p, Metal metal) {
    if ((mask(producedSeen, unit, p) & (1 << metal.ordinal())) == 0) {
      return Optional.empty();
    }
    long n = 0;
    for (int q = firstQuarter(p); q < firstQuarter(p) + quarterCount(p); q++) {
      n = Math.addExact(n, produced[(unit * years.quarters() + q) * M + metal.ordinal()]);
    }
    return Optional.of(BigDecimal.valueOf(n, 6));
  }

  /** sum(tons x grade) over the shifts that report a grade of the metal, exact. */
  public BigDecimal gradeTonsProduct(int unit, Period p, Metal metal) {
    BigInteger n = BigInteger.ZERO;
    for (int q = firstQuarter(p); q < firstQuarter(p) + quarterCount(p); q++) {
      n = n.add(gradeTonsProduct[(unit * years.quarters() + q) * M + metal.ordinal()]);
    }
    return new BigDecimal(n, 12);
  }

  /** sum(tons) over the shifts that report a grade of the metal, exact. */
  public BigDecimal gradeTons(int unit, Period p, Metal metal) {
    long n = 0;
    for (int q = firstQuarter(p); q < firstQuarter(p) + quarterCount(p); q++) {
      n = Math.addExact(n, gradeTons[(unit * years.quarters() + q) * M + metal.ordinal()]);
    }
    return BigDecimal.valueOf(n, 6);
  }

  /** The tonnage-weighted head grade (oz/ton or %), or empty when no shift with tons reports one. */
  public Optional<BigDecimal> grade(int unit, Period p, Metal metal) {
    if ((mask(gradeSeen, unit, p) & (1 << metal.ordinal())) == 0) {
      return Optional.empty();
    }
    BigDecimal t = gradeTons(unit, p, metal);
    if (t.signum() == 0) {
      return Optional.empty();
    }
    return Optional.of(gradeTonsProduct(unit, p, metal).divide(t, MathContext.DECIMAL128));
  }
}

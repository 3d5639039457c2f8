package org.orebook.blockmodel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

/**
 * Which cut-offs a block reaches, compared exactly on integers. Grades are read as millionths
 * ({@code g}); a block reaches cut-off {@code c} when
 * <ul>
 *   <li>on a plain grade: {@code g >= ceil(c * 10^6)};
 *   <li>on an equivalent grade: {@code sum over metals of g_m * N_m >= ceil(c * 10^6 * N_p)}, where
 *       {@code N_m} are the integers proportional to each metal's value per tonne of ore per unit of
 *       grade (price x recovery x the unit's value, see {@link GradeUnit}), {@code p} the metal
 *       the equivalent grade is expressed in. This is {@code eq >= c} multiplied out: no division,
 *       no floating point.
 * </ul>
 * {@link #bin} returns how many cut-offs a block reaches (0 to k), by binary search over the
 * ascending thresholds. Sums of up to 16 metals' {@code g_m * N_m} are 128-bit integers; larger
 * coefficients go through BigInteger.
 */
final class CutoffRule {
  private static final BigInteger MAX = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);

  private final int metal;
  /** The equivalent's coefficients, null on a plain grade. */
  private final BigInteger[] coefficients;
  /** The coefficients as longs when they all fit (and at most 16 metals), else null. */
  private final long[] coef;
  /** Thresholds, ascending, as 128-bit integers (high word signed, low word unsigned). */
  private final long[] thHi;
  private final long[] thLo;

  private CutoffRule(int metal, BigInteger[] coefficients, BigInteger[] thresholds) {
    this.metal = metal;
    this.coefficients = coefficients;
    boolean longs = coefficients != null && coefficients.length <= 16;
    if (coefficients != null) {
      for (BigInteger c : coefficients) {
        longs &= c.bitLength() < 63;
      }
    }
    coef = longs ? java.util.Arrays.stream(coefficients).mapToLong(BigInteger::longValueExact).toArray() : null;
    thHi = new long[thresholds.length];
    thLo = new long[thresholds.length];
    for (int i = 0; i < thresholds.length; i++) {
      BigInteger t = thresholds[i].min(MAX);
      thHi[i] = t.shiftRight(64).longValueExact();
      thLo[i] = t.longValue();
    }
  }

  /** The rule of {@code spec}; grades are indexed in the order of {@code spec.grades()}. */
  static CutoffRule of(GradeTonnageSpec spec) {
    List<BigDecimal> cutoffs = spec.cutoffs();
    if (spec.equivalent() == null) {
      BigInteger[] th = new BigInteger[cutoffs.size()];
      for (int i = 0; i < th.length; i++) {
        th[i] = cutoffs.get(i).movePointRight(6).setScale(0, RoundingMode.CEILING).toBigIntegerExact();
      }
      return new CutoffRule(0, null, th);
    }
    BigInteger[] n = coefficients(spec);
    int p = spec.grades().indexOf(spec.cutoffGrade());
    BigInteger[] th = new BigInteger[cutoffs.size()];
    for (int i = 0; i < th.length; i++) {
      th[i] = cutoffs.get(i).movePointRight(6).multiply(new BigDecimal(n[p])).setScale(0, RoundingMode.CEILING)
          .toBigIntegerExact();
    }
    return new CutoffRule(p, n, th);
  }

  /**
   * The integer coefficients {@code N_m}, proportional to price x recovery x the value of one unit
   * of grade per tonne of ore (exact fractions put over a common denominator, then divided by their
   * greatest common divisor).
   */
  static BigInteger[] coefficients(GradeTonnageSpec spec) {
    List<GradeColumn> grades = spec.grades();
    int k = grades.size();
    BigInteger[] num = new BigInteger[k];
    BigInteger[] den = new BigInteger[k];
    BigInteger common = BigInteger.ONE;
    for (int m = 0; m < k; m++) {
      GradeColumn g = grades.get(m);
      BigDecimal[] unit = g.unit().valuePerGradeUnit();
      BigDecimal a = spec.prices().get(g.metal()).multiply(spec.recoveries().getOrDefault(g.metal(), BigDecimal.ONE))
          .multiply(unit[0]);
      BigDecimal b = unit[1];
      int s = Math.max(Math.max(a.scale(), b.scale()), 0);
      num[m] = a.movePointRight(s).toBigIntegerExact();
      den[m] = b.movePointRight(s).toBigIntegerExact();
      common = common.divide(common.gcd(den[m])).multiply(den[m]);
    }
    BigInteger[] n = new BigInteger[k];
    BigInteger gcd = BigInteger.ZERO;
    for (int m = 0; m < k; m++) {
      n[m] = num[m].multiply(common.divide(den[m]));
      gcd = gcd.gcd(n[m]);
    }
    for (int m = 0; m < k; m++) {
      n[m] = n[m].divide(gcd);
    }
    return n;
  }

  /** The equivalent's coefficients (null on a plain grade). */
  BigInteger[] coefficients() {
    return coefficients == null ? null : coefficients.clone();
  }

  /** The index of the metal the cut-offs are expressed in. */
  int metal() {
    return metal;
  }

  /** How many cut-offs a block with grades {@code g} (millionths) reaches. */
  int bin(long[] g) {
    if (coefficients == null) {
      return search(0, g[metal]);
    }
    if (coef != null) {
      long eHi = 0;
      long eLo = 0;
      for (int m = 0; m < coef.length; m++) {
        long pl = g[m] * coef[m];
        long ph = Math.multiplyHigh(g[m], coef[m]);
        long sum = eLo + pl;
        eHi += Long.compareUnsigned(sum, eLo) < 0 ? ph + 1 : ph;
        eLo = sum;
      }
      return search(eHi, eLo);
    }
    BigInteger e = BigInteger.ZERO;
    for (int m = 0; m < coefficients.length; m++) {
      e = e.add(BigInteger.valueOf(g[m]).multiply(coefficients[m]));
    }
    e = e.min(MAX);
    return search(e.shiftRight(64).longValueExact(), e.longValue());
  }

  /** The number of thresholds at or below {@code (hi, lo)}: binary search. */
  private int search(long hi, long lo) {
    int a = 0;
    int b = thHi.length;
    while (a < b) {
      int mid = (a + b) >>> 1;
      if (Int128.compare(thHi[mid], thLo[mid], hi, lo) <= 0) {
        a = mid + 1;
      } else {
        b = mid;
      }
    }
    return a;
  }
}

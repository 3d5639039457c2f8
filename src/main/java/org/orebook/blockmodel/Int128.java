package org.orebook.blockmodel;

import java.math.BigInteger;

/**
 * Non-negative 128-bit sums kept in a {@code long[]}, two longs a sum (high word at {@code 2i},
 * low word, unsigned, at {@code 2i + 1}), so that a block's tonnage x grade in millionths (or
 * density x volume x grade in 10^-18) adds without loss and without a BigInteger per row. The high
 * word is added with {@link Math#addExact}: an overflow (beyond 2^127) throws, it never wraps.
 */
final class Int128 {
  private Int128() {}

  /** {@code acc[i] += v}, for {@code v >= 0}. */
  static void add(long[] acc, int i, long v) {
    int h = i << 1;
    long lo = acc[h + 1];
    long sum = lo + v;
    acc[h + 1] = sum;
    if (Long.compareUnsigned(sum, lo) < 0) {
      acc[h] = Math.addExact(acc[h], 1);
    }
  }

  /** {@code acc[i] += a * b}, for {@code a, b >= 0}. */
  static void addProduct(long[] acc, int i, long a, long b) {
    int h = i << 1;
    long pl = a * b;
    long ph = Math.multiplyHigh(a, b);
    long lo = acc[h + 1];
    long sum = lo + pl;
    acc[h + 1] = sum;
    acc[h] = Math.addExact(acc[h], Long.compareUnsigned(sum, lo) < 0 ? ph + 1 : ph);
  }

  /** {@code acc[i] += src[j]}, both non-negative 128-bit sums. */
  static void addTo(long[] acc, int i, long[] src, int j) {
    int h = i << 1;
    int s = j << 1;
    long lo = acc[h + 1];
    long sum = lo + src[s + 1];
    acc[h + 1] = sum;
    acc[h] = Math.addExact(Math.addExact(acc[h], src[s]), Long.compareUnsigned(sum, lo) < 0 ? 1 : 0);
  }

  /** The sum at {@code i}. */
  static BigInteger get(long[] acc, int i) {
    int h = i << 1;
    long hi = acc[h];
    long lo = acc[h + 1];
    if (hi == 0 && lo >= 0) {
      return BigInteger.valueOf(lo);
    }
    BigInteger low = BigInteger.valueOf(lo >>> 1).shiftLeft(1).or(BigInteger.valueOf(lo & 1));
    return BigInteger.valueOf(hi).shiftLeft(64).add(low);
  }

  /** Signed 128-bit comparison of {@code (aHi, aLo)} with {@code (bHi, bLo)}, low words unsigned. */
  static int compare(long aHi, long aLo, long bHi, long bLo) {
    return aHi != bHi ? Long.compare(aHi, bHi) : Long.compareUnsigned(aLo, bLo);
  }
}

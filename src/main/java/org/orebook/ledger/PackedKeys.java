package org.orebook.ledger;

import java.util.List;
import org.orebook.scan.Words;

/**
 * A fixed map from keys of up to 16 bytes, held as two little-endian longs ({@link Words#pack}),
 * to small ints: the fast path's lookup of a unit or an account with two compares. Longer keys are
 * left out, so their rows take the general path through {@link ByteKeys}.
 *
 * <p>This class is immutable and thread-safe once built.
 */
final class PackedKeys {
  private final long[] lo;
  private final long[] hi;
  private final int[] values;
  private final int shift;

  PackedKeys(List<String> keys, int[] values) {
    int bits = Math.max(3, 32 - Integer.numberOfLeadingZeros(Math.max(1, keys.size() * 4 - 1)));
    int size = 1 << bits;
    this.shift = 64 - bits;
    this.lo = new long[size];
    this.hi = new long[size];
    this.values = new int[size];
    java.util.Arrays.fill(this.values, -1);
    for (int i = 0; i < keys.size(); i++) {
      long[] w = Words.pack(keys.get(i));
      if (w == null || (w[0] == 0 && w[1] == 0)) {
        continue;
      }
      int slot = slot(w[0], w[1]);
      while (this.values[slot] >= 0) {
        slot = (slot + 1) & (size - 1);
      }
      this.lo[slot] = w[0];
      this.hi[slot] = w[1];
      this.values[slot] = values[i];
    }
  }

  private int slot(long a, long b) {
    return (int) (((a ^ (b * 0x9E3779B97F4A7C15L)) * 0xC2B2AE3D27D4EB4FL) >>> shift);
  }

  /** The value of the key, or -1. */
  int find(long a, long b) {
    int mask = values.length - 1;
    int slot = slot(a, b);
    int v;
    while ((v = values[slot]) >= 0) {
      if (lo[slot] == a && hi[slot] == b) {
        return v;
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }
}

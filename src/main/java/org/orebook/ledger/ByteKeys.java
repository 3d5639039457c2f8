package org.orebook.ledger;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A fixed map from short keys (unit ids, account numbers) to small ints, looked up directly on the
 * bytes of a field so that the scanners find a row's unit and account without making a String.
 * Open addressing with linear probing over a power-of-two table at most a quarter full.
 *
 * <p>This class is immutable and thread-safe once built.
 */
public final class ByteKeys {
  private final byte[][] keys;
  private final int[] values;
  private final int mask;

  /** Maps {@code keys.get(i)} (UTF-8) to {@code values[i]}; keys must be distinct. */
  public ByteKeys(List<String> keys, int[] values) {
    if (keys.size() != values.length) {
      throw new IllegalArgumentException("one value per key");
    }
    int size = Integer.highestOneBit(Math.max(4, keys.size() * 4 - 1)) << 1;
    this.keys = new byte[size][];
    this.values = new int[size];
    this.mask = size - 1;
    for (int i = 0; i < keys.size(); i++) {
      byte[] k = keys.get(i).getBytes(StandardCharsets.UTF_8);
      int slot = hash(k, 0, k.length) & mask;
      while (this.keys[slot] != null) {
        if (java.util.Arrays.equals(this.keys[slot], k)) {
          throw new IllegalArgumentException("duplicate key '" + keys.get(i) + "'");
        }
        slot = (slot + 1) & mask;
      }
      this.keys[slot] = k;
      this.values[slot] = values[i];
    }
  }

  /** The value of the key spelled by {@code b[from, to)}, or -1 when it is not a key. */
  public int find(byte[] b, int from, int to) {
    int slot = hash(b, from, to) & mask;
    int len = to - from;
    byte[] k;
    while ((k = keys[slot]) != null) {
      if (k.length == len && same(k, b, from, len)) {
        return values[slot];
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  private static boolean same(byte[] k, byte[] b, int from, int len) {
    for (int i = 0; i < len; i++) {
      if (k[i] != b[from + i]) {
        return false;
      }
    }
    return true;
  }

  static int hash(byte[] b, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + b[i];
    }
    return h ^ (h >>> 15);
  }
}

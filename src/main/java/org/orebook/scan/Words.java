package org.orebook.scan;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Eight bytes at a time ("SWAR"): reads a little-endian {@code long} from a byte array and finds
 * bytes of a given value in it exactly (no false matches from borrows). Used by the fast path of
 * {@code ledger.LedgerScanner} to find commas and newlines and to take a key of up to 16 bytes as two
 * longs. The read buffers keep {@link #SLACK} bytes after the data so that a word read near the end
 * stays inside the array.
 */
public final class Words {
  public static final int SLACK = 32;
  public static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  public static final long COMMAS = 0x2C2C2C2C2C2C2C2CL;
  public static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
  public static final long QUOTES = 0x2222222222222222L;
  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

  private Words() {}

  public static long get(byte[] b, int at) {
    return (long) LONG.get(b, at);
  }

  /** The high bit of each byte of {@code w} that equals the byte repeated in {@code pattern}; 0 when none. */
  public static long match(long w, long pattern) {
    long x = w ^ pattern;
    return ~(((x & LOW7) + LOW7) | x | LOW7);
  }

  /** The low {@code n} bytes of {@code w} (n in 0..8). */
  public static long low(long w, int n) {
    return n == 8 ? w : w & ((1L << (n << 3)) - 1);
  }

  /** A key of up to 16 bytes as the two words the fast path reads; null when longer. */
  public static long[] pack(String key) {
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    if (k.length > 16) {
      return null;
    }
    long[] w = new long[2];
    for (int i = 0; i < k.length; i++) {
      w[i >>> 3] |= (k[i] & 0xFFL) << ((i & 7) << 3);
    }
    return w;
  }
}

package org.orebook.scan;

/**
 * Exact parsing of the fields of the raw files straight from their bytes, without a String and
 * without floating point: amounts to {@code long} cents, log quantities to {@code long} millionths,
 * ISO dates to a packed {@code yyyymmdd} int. These run once per field of every row, so they are
 * plain loops over the bytes (see {@code ledger.LedgerScanner} for why the scanners are hand-written).
 *
 * <p>This class is stateless and thread-safe.
 */
public final class Fields {
  /** Returned by {@link #cents} and {@link #micros} for a field that is not an exact number of the kind asked. */
  public static final long BAD = Long.MIN_VALUE;

  /** At most this many digits before the decimal point of an amount: any sum of rows then stays far inside a long. */
  public static final int MAX_AMOUNT_DIGITS = 15;
  /** At most this many digits before the decimal point of a log quantity. */
  public static final int MAX_QUANTITY_DIGITS = 12;

  private static final long[] POW10 = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000};
  private static final int[] MONTH_DAYS = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

  private Fields() {}

  /**
   * An amount such as {@code -1234.5}: an optional sign, 1 to 15 digits, optionally a point and 1
   * or 2 decimals. Returns the exact amount in cents, or {@link #BAD} (empty, other characters,
   * grouping commas, more than 2 decimals, too many digits).
   */
  public static long cents(byte[] b, int from, int to) {
    return decimal(b, from, to, true, MAX_AMOUNT_DIGITS, 2);
  }

  /**
   * A non-negative quantity such as {@code 1234.567} (tons, a grade, ounces): 1 to 12 digits,
   * optionally a point and 1 to 6 decimals. Returns the exact value in millionths, or {@link #BAD}.
   */
  public static long micros(byte[] b, int from, int to) {
    return decimal(b, from, to, false, MAX_QUANTITY_DIGITS, 6);
  }

  /**
   * An optional sign ({@code +}, and {@code -} when {@code signed}), 1 to {@code maxDigits} digits,
   * optionally a point and 1 to {@code scale} decimals, as an exact integer of {@code 10^-scale};
   * {@link #BAD} for anything else.
   */
  private static long decimal(byte[] b, int from, int to, boolean signed, int maxDigits, int scale) {
    int i = from;
    boolean negative = false;
    if (i < to && (b[i] == '+' || (signed && b[i] == '-'))) {
      negative = b[i] == '-';
      i++;
    }
    long v = 0;
    int start = i;
    while (i < to) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        break;
      }
      v = v * 10 + d;
      i++;
    }
    int intDigits = i - start;
    if (intDigits == 0 || intDigits > maxDigits) {
      return BAD;
    }
    int decimals = 0;
    if (i < to && b[i] == '.') {
      i++;
      while (i < to && decimals <= scale) {
        int d = b[i] - '0';
        if (d < 0 || d > 9) {
          break;
        }
        v = v * 10 + d;
        decimals++;
        i++;
      }
      if (decimals == 0 || decimals > scale) {
        return BAD;
      }
    }
    if (i != to) {
      return BAD;
    }
    v *= POW10[scale - decimals];
    return negative ? -v : v;
  }

  /**
   * An ISO date {@code 2025-03-31} as {@code 20250331}, or -1 when the field is not a valid
   * calendar date in that form.
   */
  public static int date(byte[] b, int from, int to) {
    if (to - from != 10 || b[from + 4] != '-' || b[from + 7] != '-') {
      return -1;
    }
    int y = digits(b, from, 4);
    int m = digits(b, from + 5, 2);
    int d = digits(b, from + 8, 2);
    if (y < 0 || m < 1 || m > 12 || d < 1 || d > MONTH_DAYS[m]) {
      return -1;
    }
    if (m == 2 && d == 29 && !leap(y)) {
      return -1;
    }
    return y * 10_000 + m * 100 + d;
  }

  public static boolean leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  }

  private static int digits(byte[] b, int from, int n) {
    int v = 0;
    for (int i = from; i < from + n; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }
}

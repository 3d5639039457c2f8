package org.orebook.ledger;

import java.nio.file.Path;
import java.util.List;
import org.orebook.scan.ChunkScanner;
import org.orebook.scan.Fields;
import org.orebook.scan.Words;

/**
 * The hot loop of the ledger path: scans the rows of one chunk of a ledger extract and adds each
 * row's amount, in exact {@code long} cents, to its operating unit, quarter and cost category.
 *
 * <p>Why hand-written: this loop runs once per ledger line (tens of millions a year for a major
 * miner) and is the measured hot loop of the benchmark against DuckDB (docs/benchmarks.md,
 * {@code LedgerScanBenchmark}). A general CSV library makes a String per field and an object per
 * record; this scanner works on the bytes of the read buffer, parses the date and the amount in
 * place ({@link Fields}), looks the unit and the account up on their bytes, and adds to a dense
 * array: no allocation per row, nothing kept per row.
 *
 * <p>Two paths, which add the same rows to the same sums ({@code LedgerScannerTest}):
 * <ul>
 *   <li>{@link #fastRow}: a well-formed row of a ledger whose first columns are
 *       {@code date,unit,account,amount} (other columns may follow), read 8 bytes at a time;
 *   <li>{@link ChunkScanner#readRow}: everything else: columns in any order, quoted fields ({@code "..."},
 *       {@code ""} for a quote; a field may not span lines), blank lines, {@code #} comments, keys
 *       longer than 16 bytes, and every bad row, which it reports with its line and field.
 * </ul>
 *
 * <p>Every sum is a {@code long} of cents added with {@link Math#addExact}: an overflow throws
 * (it would need more than 90 quadrillion dollars in one cell), it never wraps.
 */
public final class LedgerScanner extends ChunkScanner {
  static final byte SKIP = 0;
  static final byte DATE = 1;
  static final byte UNIT = 2;
  static final byte ACCOUNT = 3;
  static final byte AMOUNT = 4;

  /** The columns the ledger must have. */
  public static final List<String> COLUMNS = List.of("date", "unit", "account", "amount");

  private final byte[] roles;
  private final List<String> header;
  /** True when the first four columns are date,unit,account,amount: the fast path applies. */
  private final boolean canonical;
  private final PackedKeys fastUnits;
  private final PackedKeys fastAccounts;
  // the fast path's last date: its first 8 bytes, its last 2, and its quarter
  private long lastDateWord = -1;
  private int lastDateTail = -1;
  private int lastQuarter = -1;
  private final ByteKeys units;
  private final ByteKeys accounts;
  private final FiscalYears years;
  private final int quarters;
  private final int categories;
  /** Sums in cents, at {@code (unit * quarters + quarter) * categories + category}. */
  final long[] cents;
  /** Rows added. */
  long rows;

  LedgerScanner(String fileName, Path spill, List<String> header, List<String> unitIds, ChartOfAccounts chart,
      FiscalYears years) {
    super(fileName, spill);
    int unitCount = unitIds.size();
    int[] idx = java.util.stream.IntStream.range(0, unitCount).toArray();
    this.units = new ByteKeys(unitIds, idx);
    this.fastUnits = new PackedKeys(unitIds, idx);
    this.accounts = chart.keys();
    List<String> accountIds = List.copyOf(chart.accounts().keySet());
    this.fastAccounts = new PackedKeys(accountIds, accountIds.stream().mapToInt(a -> chart.accounts().get(a).ordinal()).toArray());
    this.canonical = header.size() >= 4 && header.subList(0, 4).equals(COLUMNS);
    this.header = List.copyOf(header);
    this.roles = new byte[header.size()];
    for (int i = 0; i < roles.length; i++) {
      roles[i] = switch (header.get(i)) {
        case "date" -> DATE;
        case "unit" -> UNIT;
        case "account" -> ACCOUNT;
        case "amount" -> AMOUNT;
        default -> SKIP;
      };
    }
    this.years = years;
    this.quarters = years.quarters();
    this.categories = CostCategory.count();
    this.cents = new long[unitCount * quarters * categories];
  }

  /**
   * Scans ledger rows held in memory ({@code b[from, to)}, whole lines without a header, the last
   * one ending with a newline), for the JMH benchmarks and tests. The array is scanned in place
   * when it has {@value Words#SLACK} bytes after {@code to}, else copied first.
   */
  public static final int SLACK = Words.SLACK;

  public static long[] scanBytes(byte[] b, int from, int to, List<String> header, List<String> unitIds,
      ChartOfAccounts chart, FiscalYears years) {
    LedgerScanner s = new LedgerScanner("ledger.csv", null, header, unitIds, chart, years);
    if (b.length - to >= Words.SLACK) {
      s.scanBlock(b, from, to);
    } else {
      byte[] padded = new byte[to - from + Words.SLACK];
      System.arraycopy(b, from, padded, 0, to - from);
      s.scanBlock(padded, 0, to - from);
    }
    return s.cents;
  }

  @Override
  protected void scanBlock(byte[] b, int pos, int limit) {
    final boolean canonical = this.canonical;
    long line = lines;
    while (pos < limit) {
      line++;
      int next = canonical ? fastRow(b, pos) : -1;
      pos = next >= 0 ? next : readRow(b, pos, line, header);
    }
    lines = line;
  }

  /**
   * The fast path, for a well-formed row of a ledger whose first columns are
   * date,unit,account,amount: reads 8 bytes at a time to find the commas of the unit and the
   * account and to skip the rest of the line, takes the unit and the account as two longs each
   * ({@link PackedKeys}), and reuses the quarter of the previous row when the date is the same (a
   * ledger extract comes in posting-date order). Returns -1 without adding anything for any row it
   * does not accept whole, which {@link ChunkScanner#readRow} then reads (and reports if it is bad).
   */
  private int fastRow(byte[] b, int p) {
    // date: ten bytes and a comma
    if (b[p + 10] != ',') {
      return -1;
    }
    long dateWord = Words.get(b, p);
    int dateTail = (b[p + 8] & 0xFF) | (b[p + 9] & 0xFF) << 8;
    int quarter;
    if (dateWord == lastDateWord && dateTail == lastDateTail) {
      quarter = lastQuarter;
    } else {
      int d = Fields.date(b, p, p + 10);
      if (d < 0 || (quarter = years.quarterOf(d)) < 0) {
        return -1;
      }
      lastDateWord = dateWord;
      lastDateTail = dateTail;
      lastQuarter = quarter;
    }
    p += 11;
    // unit: up to 16 bytes and a comma
    long w = Words.get(b, p);
    long m = Words.match(w, Words.COMMAS);
    long k1;
    long k2;
    if (m != 0) {
      int n = Long.numberOfTrailingZeros(m) >>> 3;
      k1 = Words.low(w, n);
      k2 = 0;
      p += n + 1;
    } else {
      long w2 = Words.get(b, p + 8);
      long m2 = Words.match(w2, Words.COMMAS);
      if (m2 == 0) {
        return -1;
      }
      int n = Long.numberOfTrailingZeros(m2) >>> 3;
      k1 = w;
      k2 = Words.low(w2, n);
      p += 9 + n;
    }
    int unit = fastUnits.find(k1, k2);
    if (unit < 0) {
      return -1;
    }
    // account: the same
    w = Words.get(b, p);
    m = Words.match(w, Words.COMMAS);
    if (m != 0) {
      int n = Long.numberOfTrailingZeros(m) >>> 3;
      k1 = Words.low(w, n);
      k2 = 0;
      p += n + 1;
    } else {
      long w2 = Words.get(b, p + 8);
      long m2 = Words.match(w2, Words.COMMAS);
      if (m2 == 0) {
        return -1;
      }
      int n = Long.numberOfTrailingZeros(m2) >>> 3;
      k1 = w;
      k2 = Words.low(w2, n);
      p += 9 + n;
    }
    int category = fastAccounts.find(k1, k2);
    if (category < 0) {
      return -1;
    }
    // amount: [-]digits[.d[d]] in cents
    boolean negative = b[p] == '-';
    if (negative) {
      p++;
    }
    int start = p;
    long v = 0;
    int d;
    while ((d = b[p] - '0') >= 0 && d <= 9) {
      v = v * 10 + d;
      p++;
    }
    int digits = p - start;
    if (digits == 0 || digits > Fields.MAX_AMOUNT_DIGITS) {
      return -1;
    }
    if (b[p] == '.') {
      if ((d = b[p + 1] - '0') < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
      if ((d = b[p + 2] - '0') >= 0 && d <= 9) {
        v = v * 10 + d;
        p += 3;
        if ((d = b[p] - '0') >= 0 && d <= 9) {
          return -1;
        }
      } else {
        v *= 10;
        p += 2;
      }
    } else {
      v *= 100;
    }
    // the end of the line: as many fields as the header, no quote in the columns after the amount
    int fields = 4;
    byte c = b[p];
    if (c == ',') {
      p++;
      fields++;
      while (true) {
        w = Words.get(b, p);
        long nl = Words.match(w, Words.NEWLINES);
        long cm = Words.match(w, Words.COMMAS);
        long qm = Words.match(w, Words.QUOTES);
        if (nl != 0) {
          long before = (nl & -nl) - 1;
          if ((qm & before) != 0) {
            return -1;
          }
          fields += Long.bitCount(cm & before);
          p += (Long.numberOfTrailingZeros(nl) >>> 3) + 1;
          break;
        }
        if (qm != 0) {
          return -1;
        }
        fields += Long.bitCount(cm);
        p += 8;
      }
    } else if (c == '\n') {
      p++;
    } else if (c == '\r' && b[p + 1] == '\n') {
      p += 2;
    } else {
      return -1;
    }
    if (fields != roles.length) {
      return -1;
    }
    int i = (unit * quarters + quarter) * categories + category;
    try {
      cents[i] = Math.addExact(cents[i], negative ? -v : v);
    } catch (ArithmeticException e) {
      return -1; // the general path rejects it, with its line
    }
    rows++;
    return p;
  }

  // the row the general path ({@link ChunkScanner#readRow}) is reading
  private int rowQuarter;
  private int rowUnit;
  private int rowCategory;
  private long rowAmount;

  @Override
  protected void startRow() {
    rowQuarter = rowUnit = rowCategory = -1;
  }

  @Override
  protected int acceptField(int f, byte[] src, int from, int to) {
    switch (roles[f]) {
      case DATE -> {
        int d = Fields.date(src, from, to);
        if (d < 0) {
          return ERR_DATE;
        }
        if ((rowQuarter = years.quarterOf(d)) < 0) {
          return ERR_OUTSIDE;
        }
      }
      case UNIT -> {
        if ((rowUnit = units.find(src, from, to)) < 0) {
          return ERR_UNIT;
        }
      }
      case ACCOUNT -> {
        if ((rowCategory = accounts.find(src, from, to)) < 0) {
          return ERR_ACCOUNT;
        }
      }
      case AMOUNT -> {
        if ((rowAmount = Fields.cents(src, from, to)) == Fields.BAD) {
          return ERR_AMOUNT;
        }
      }
      default -> {
        // a column the aggregation does not use
      }
    }
    return 0;
  }

  @Override
  protected void endRow(long line, byte[] b, int from, int to) {
    int i = (rowUnit * quarters + rowQuarter) * categories + rowCategory;
    try {
      cents[i] = Math.addExact(cents[i], rowAmount);
    } catch (ArithmeticException e) {
      reject(line, "amount", SUM_TOO_LARGE, "with this amount the sum of its unit, quarter and account category would pass"
          + " 92,233,720,368,547,758.07 (the largest sum of cents Orebook adds exactly)", b, from, to);
      return;
    }
    rows++;
  }

  /** The kind of bad row whose amount would make a sum overflow. */
  static final String SUM_TOO_LARGE = "sum too large";

  private static final int ERR_DATE = DateUnitReasons.DATE;
  private static final int ERR_OUTSIDE = DateUnitReasons.OUTSIDE;
  private static final int ERR_UNIT = DateUnitReasons.UNIT;
  private static final int ERR_ACCOUNT = 4;
  private static final int ERR_AMOUNT = 5;

  @Override
  protected void refuseRow(long line, int err, int field, String value, byte[] b, int from, int to) {
    String[] reason = DateUnitReasons.of(err, value, years);
    if (reason == null) {
      reason = err == ERR_ACCOUNT
          ? new String[] {"unknown account", "unknown account '" + value + "' (not in the chart of accounts)"}
          : new String[] {"unparsable amount",
              "unparsable amount '" + value + "' (write a plain decimal with at most 2 decimals, e.g. -1234.56)"};
    }
    reject(line, header.get(field), reason[0], reason[1], b, from, to);
  }
}

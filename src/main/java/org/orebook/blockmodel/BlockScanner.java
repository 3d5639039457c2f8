package org.orebook.blockmodel;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.orebook.scan.ChunkScanner;
import org.orebook.scan.Fields;

/**
 * Scans the blocks of one chunk of a block-model CSV: for each block, its tonnage (a column, or
 * density x volume) and grades as exact integers ({@link Fields#micros}: millionths), how many
 * cut-offs it reaches ({@link CutoffRule#bin}), and adds its tonnage and tonnage x grade of every
 * metal into that bin of its category, in 128-bit integers ({@link Int128}). Nothing is kept per
 * block: memory is categories x (cut-offs + 1) x (metals + 1) sums. The cumulative rows are suffix
 * sums of the bins ({@link GradeTonnage}).
 *
 * <p>Two paths, which add the same rows to the same sums: {@link #fastRow} for rows of unquoted
 * fields and plain numbers, {@link ChunkScanner#readRow} for everything else: quoted fields
 * ({@code "..."}, {@code ""} for a quote, not spanning lines), blank lines and {@code #} comments,
 * and every bad row (a missing or unparsable number, a negative one, the wrong number of fields,
 * broken quoting), which is reported with its line and field and not added.
 */
final class BlockScanner extends ChunkScanner {
  /** Roles of the columns: one the table does not use. */
  static final byte SKIP = 0;
  /** The block's tonnage. */
  static final byte TONNAGE = 1;
  /** Its density and volume, whose product is the tonnage. */
  static final byte DENSITY = 2;
  static final byte VOLUME = 3;
  /** The column the table is reported by. */
  static final byte CATEGORY = 4;
  /** The grade of metal m: {@code GRADE + m}. */
  static final byte GRADE = 8;

  private final List<String> header;
  private final byte[] roles;
  private final boolean byVolume;
  private final int metals;
  private final int bins;
  private final CutoffRule rule;
  private final CategoryIndex categories = new CategoryIndex();
  private final long[] grade;
  /** Per cell {@code category * bins + bin}: blocks. */
  long[] blocks;
  /** Per cell: tonnage, 128-bit. */
  long[] tonnage;
  /** Per cell and metal {@code cell * metals + m}: tonnage x grade, 128-bit. */
  long[] metal;
  /** Blocks added. */
  long rows;

  BlockScanner(String fileName, Path spill, List<String> header, byte[] roles, boolean byVolume, int metals,
      CutoffRule rule, int cutoffs) {
    super(fileName, spill);
    this.header = header;
    this.roles = roles;
    this.byVolume = byVolume;
    this.metals = metals;
    this.bins = cutoffs + 1;
    this.rule = rule;
    this.grade = new long[metals];
    int cells = bins * 4;
    blocks = new long[cells];
    tonnage = new long[cells * 2];
    metal = new long[cells * metals * 2];
  }

  /** The categories met, by their local number (one, "", when the model has no category column). */
  /** Drops the bins once merged (a table of many categories needs its memory for the merged bins). */
  void release() {
    blocks = new long[0];
    tonnage = new long[0];
    metal = new long[0];
  }

  List<String> categories() {
    return categories.size() == 0 ? List.of("") : categories.names();
  }

  @Override
  protected void scanBlock(byte[] b, int pos, int limit) {
    long line = lines;
    while (pos < limit) {
      line++;
      int next = fastRow(b, pos);
      pos = next >= 0 ? next : readRow(b, pos, line, header);
    }
    lines = line;
  }

  private static final long[] SCALE = {1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};
  /** The value read by {@link #number}, in millionths. */
  private long value;

  /**
   * The fast path, for a row of unquoted fields whose numbers are plain: reads each field once,
   * parsing a number column while it looks for the end of the field ({@link #number}). Returns -1
   * without adding anything for any row it does not take whole (quotes, a blank or comment line, a
   * number that is not plain, the wrong number of fields), which {@link ChunkScanner#readRow} then
   * reads, and reports when it is bad.
   */
  private int fastRow(byte[] b, int p) {
    if (b[p] == '#') {
      return -1;
    }
    final byte[] roles = this.roles;
    final int nFields = roles.length;
    long tons = 0;
    long density = 0;
    long volume = 0;
    int category = 0;
    for (int f = 0; f < nFields; f++) {
      byte role = roles[f];
      if (role == SKIP || role == CATEGORY) {
        int from = p;
        byte c;
        while ((c = b[p]) != ',' && c != '\n') {
          if (c == '"') {
            return -1;
          }
          p++;
        }
        if (role == CATEGORY) {
          int to = c == '\n' && p > from && b[p - 1] == '\r' ? p - 1 : p;
          category = categories.find(b, from, to);
        }
      } else {
        p = number(b, p);
        if (p < 0) {
          return -1;
        }
        long v = value;
        if (role >= GRADE) {
          grade[role - GRADE] = v;
        } else if (role == TONNAGE) {
          tons = v;
        } else if (role == DENSITY) {
          density = v;
        } else {
          volume = v;
        }
      }
      // p is at the field's delimiter: a comma before the last field, the line end after it
      if ((b[p] == '\n') != (f == nFields - 1)) {
        return -1;
      }
      p++;
    }
    if (byVolume && (tons = tonnage(density, volume)) < 0) {
      return -1;
    }
    add(category, tons);
    return p;
  }

  /**
   * Reads a plain number at {@code b[p]} (1 to 12 digits, optionally a point and 1 to 6 decimals)
   * into {@link #value} as millionths, and returns the position of the comma or newline after it
   * (a {@code \r} before the newline is passed over); -1 when the field is anything else.
   */
  private int number(byte[] b, int p) {
    final int start = p;
    long v = 0;
    int d;
    while ((d = b[p] - '0') >= 0 && d <= 9) {
      v = v * 10 + d;
      p++;
    }
    int whole = p - start;
    int decimals = 0;
    if (d == '.' - '0') {
      final int point = ++p;
      while ((d = b[p] - '0') >= 0 && d <= 9) {
        v = v * 10 + d;
        p++;
      }
      decimals = p - point;
      if (decimals == 0) {
        return -1;
      }
    }
    if (whole < 1 || whole > Fields.MAX_QUANTITY_DIGITS || decimals > 6) {
      return -1;
    }
    if (b[p] == '\r' && b[p + 1] == '\n') {
      p++;
    } else if (b[p] != ',' && b[p] != '\n') {
      return -1;
    }
    value = v * SCALE[decimals];
    return p;
  }

  /** Adds a block of {@code tons} with the grades in {@link #grade} to its category's bin. */
  private void add(int category, long tons) {
    int cell = category * bins + rule.bin(grade);
    if (cell >= blocks.length) {
      grow(cell);
    }
    blocks[cell]++;
    Int128.add(tonnage, cell, tons);
    int base = cell * metals;
    for (int m = 0; m < metals; m++) {
      Int128.addProduct(metal, base + m, tons, grade[m]);
    }
    rows++;
  }

  private static final int ERR_MISSING = 1;
  private static final int ERR_NEGATIVE = 2;
  private static final int ERR_NUMBER = 3;
  private static final int ERR_TOO_LARGE = 4;

  /*
   * The general path, ChunkScanner.readRow: the fields of the row it reads. Every column with a
   * role is in the header (GradeTonnage.roles), so each row sets them all again.
   */
  private long rowTons;
  private long rowDensity;
  private long rowVolume;
  private int rowCategory;

  @Override
  protected int acceptField(int f, byte[] src, int from, int to) {
    byte role = roles[f];
    if (role == SKIP) {
      return 0;
    }
    if (role == CATEGORY) {
      rowCategory = categories.find(src, from, to);
      return 0;
    }
    long v = Fields.micros(src, from, to);
    if (v == Fields.BAD) {
      return from == to ? ERR_MISSING : src[from] == '-' && Fields.micros(src, from + 1, to) != Fields.BAD
          ? ERR_NEGATIVE : ERR_NUMBER;
    }
    if (role >= GRADE) {
      grade[role - GRADE] = v;
    } else if (role == TONNAGE) {
      rowTons = v;
    } else if (role == DENSITY) {
      rowDensity = v;
    } else {
      rowVolume = v;
    }
    return 0;
  }

  @Override
  protected void endRow(long line, byte[] b, int from, int to) {
    long tons = byVolume ? tonnage(rowDensity, rowVolume) : rowTons;
    if (tons < 0) {
      refuseRow(line, ERR_TOO_LARGE, -1, null, b, from, to);
    } else {
      add(rowCategory, tons);
    }
  }

  /** Density x volume in 10^-12 (both in millionths), or -1 when it does not fit a long. */
  private static long tonnage(long density, long volume) {
    long t = density * volume;
    return Math.multiplyHigh(density, volume) != 0 || t < 0 ? -1 : t;
  }

  private void grow(int cell) {
    int cells = Math.max(blocks.length * 2, (cell / bins + 1) * bins);
    blocks = Arrays.copyOf(blocks, cells);
    tonnage = Arrays.copyOf(tonnage, cells * 2);
    metal = Arrays.copyOf(metal, cells * metals * 2);
  }

  @Override
  protected void refuseRow(long line, int err, int field, String value, byte[] b, int from, int to) {
    String name = err == ERR_TOO_LARGE ? "" : header.get(field);
    String what = what(err == ERR_TOO_LARGE ? SKIP : roles[field]);
    switch (err) {
      case ERR_MISSING -> reject(line, name, "missing " + what, "missing " + what + " (the field is empty)", b, from, to);
      case ERR_NEGATIVE -> reject(line, name, "negative " + what, "negative " + what + " '" + value + "'", b, from, to);
      case ERR_TOO_LARGE -> reject(line, name, "tonnage too large",
          "density x volume is above 9,223,372 tonnes for one block", b, from, to);
      default -> reject(line, name, "unparsable " + what, "not a number: '" + value
          + "' (write a plain decimal, at most 12 digits before the point and 6 after, e.g. 1.25)", b, from, to);
    }
  }

  private static String what(byte role) {
    return switch (role) {
      case TONNAGE -> "tonnage";
      case DENSITY -> "density";
      case VOLUME -> "volume";
      case SKIP, CATEGORY -> "value";
      default -> "grade";
    };
  }
}

package org.orebook.ledger;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.orebook.model.Metal;
import org.orebook.scan.ChunkScanner;
import org.orebook.scan.Fields;

/**
 * Scans the rows of one chunk of a mill's production log (one row per shift) and adds them to the
 * unit and quarter of their date: tons milled, shifts, the days on which the unit milled, and per
 * metal the ounces or tons produced and, for the head grade, the sum of tons x grade over the
 * shifts that report a grade with the tons of those shifts. Quantities are exact {@code long}
 * millionths; tons x grade is an exact 128-bit product summed in two longs. Hand-written on the
 * bytes for the reasons given in {@link LedgerScanner}.
 */
final class ProductionLogScanner extends ChunkScanner {
  static final int SKIP = 0;
  static final int DATE = 1;
  static final int UNIT = 2;
  static final int TONS = 3;
  static final int GRADE = 16;
  static final int PRODUCED = 32;
  static final int METALS = Metal.values().length;
  /** Longs of one unit-year's bitset of days (366 bits). */
  static final int DAY_WORDS = 6;

  static final String TONS_COLUMN = "tons_milled";
  static final List<String> REQUIRED = List.of("date", "unit", TONS_COLUMN);

  private final int[] roles;
  private final List<String> header;
  private final ByteKeys units;
  private final FiscalYears years;
  private final int quarters;

  // per unit-quarter (u * quarters + q)
  final long[] tons;
  final long[] shifts;
  final int[] gradeSeen;
  final int[] producedSeen;
  // per unit-quarter-metal ((u * quarters + q) * METALS + m)
  final long[] gradeTons;
  final long[] gradeTonsHi;
  final long[] gradeTonsLo;
  final long[] produced;
  // per unit-year bitset of days with tons milled ((u * years + y) * DAY_WORDS)
  final long[] days;

  private final long[] rowGrade = new long[METALS];
  private final long[] rowProduced = new long[METALS];

  ProductionLogScanner(String fileName, Path spill, List<String> header, ByteKeys units, int unitCount,
      FiscalYears years) {
    super(fileName, spill);
    this.header = List.copyOf(header);
    this.roles = roles(header).orElseThrow();
    this.units = units;
    this.years = years;
    this.quarters = years.quarters();
    int uq = unitCount * quarters;
    tons = new long[uq];
    shifts = new long[uq];
    gradeSeen = new int[uq];
    producedSeen = new int[uq];
    gradeTons = new long[uq * METALS];
    gradeTonsHi = new long[uq * METALS];
    gradeTonsLo = new long[uq * METALS];
    produced = new long[uq * METALS];
    days = new long[unitCount * years.years() * DAY_WORDS];
  }

  /** The role of each column, or empty when a {@code grade_}/{@code produced_} column names no metal. */
  static Optional<int[]> roles(List<String> header) {
    int[] roles = new int[header.size()];
    for (int i = 0; i < roles.length; i++) {
      String c = header.get(i);
      if (c.startsWith("grade_") || c.startsWith("produced_")) {
        Optional<Metal> m = Metal.ofCode(c.substring(c.indexOf('_') + 1));
        if (m.isEmpty() || !c.substring(c.indexOf('_') + 1).equals(m.get().name())) {
          return Optional.empty();
        }
        roles[i] = (c.startsWith("grade_") ? GRADE : PRODUCED) + m.get().ordinal();
      } else {
        roles[i] = switch (c) {
          case "date" -> DATE;
          case "unit" -> UNIT;
          case TONS_COLUMN -> TONS;
          default -> SKIP;
        };
      }
    }
    return Optional.of(roles);
  }

  @Override
  protected void scanBlock(byte[] b, int pos, int limit) {
    long line = lines;
    while (pos < limit) {
      line++;
      pos = readRow(b, pos, line, header);
    }
    lines = line;
  }

  // the row being read
  private int rowDate;
  private int rowQuarter;
  private int rowUnit;
  private long rowTons;
  private int gradeMask;
  private int producedMask;

  @Override
  protected void startRow() {
    rowDate = -1;
    rowQuarter = -1;
    rowUnit = -1;
    rowTons = -1;
    gradeMask = 0;
    producedMask = 0;
  }

  @Override
  protected int acceptField(int f, byte[] src, int from, int to) {
    int role = roles[f];
    if (role == DATE) {
      rowDate = Fields.date(src, from, to);
      if (rowDate < 0) {
        return ERR_DATE;
      }
      if ((rowQuarter = years.quarterOf(rowDate)) < 0) {
        return ERR_OUTSIDE;
      }
    } else if (role == UNIT) {
      if ((rowUnit = units.find(src, from, to)) < 0) {
        return ERR_UNIT;
      }
    } else if (role == TONS) {
      if ((rowTons = Fields.micros(src, from, to)) == Fields.BAD) {
        return ERR_NUMBER;
      }
    } else if (role >= GRADE && to > from) {
      long v = Fields.micros(src, from, to);
      if (v == Fields.BAD) {
        return ERR_NUMBER;
      } else if (role >= PRODUCED) {
        rowProduced[role - PRODUCED] = v;
        producedMask |= 1 << (role - PRODUCED);
      } else {
        rowGrade[role - GRADE] = v;
        gradeMask |= 1 << (role - GRADE);
      }
    }
    return 0;
  }

  @Override
  protected void endRow(long line, byte[] b, int from, int to) {
    if (!fits(rowUnit * quarters + rowQuarter, rowTons, gradeMask, producedMask)) {
      reject(line, TONS_COLUMN, "sum too large", "with this row a sum of its unit and quarter would pass the largest"
          + " Orebook adds exactly (9,223,372,036,854.775807 tons or ounces)", b, from, to);
      return;
    }
    add(rowUnit, rowQuarter, rowDate, rowTons, gradeMask, producedMask);
  }

  /** True when adding the row overflows none of its unit and quarter's sums (so {@link #add} cannot throw). */
  private boolean fits(int uq, long t, int gradeMask, int producedMask) {
    try {
      Math.addExact(tons[uq], t);
      for (int m = 0; m < METALS; m++) {
        int bit = 1 << m;
        int i = uq * METALS + m;
        if ((gradeMask & bit) != 0) {
          Math.addExact(gradeTons[i], t);
          long hi = Math.multiplyHigh(t, rowGrade[m]);
          long sumLo = gradeTonsLo[i] + t * rowGrade[m];
          hi += Long.compareUnsigned(sumLo, gradeTonsLo[i]) < 0 ? 1 : 0;
          Math.addExact(gradeTonsHi[i], hi);
        }
        if ((producedMask & bit) != 0) {
          Math.addExact(produced[i], rowProduced[m]);
        }
      }
      return true;
    } catch (ArithmeticException e) {
      return false;
    }
  }

  private void add(int unit, int quarter, int date, long t, int gradeMask, int producedMask) {
    int uq = unit * quarters + quarter;
    tons[uq] = Math.addExact(tons[uq], t);
    shifts[uq]++;
    if (t > 0) {
      int day = FiscalYears.dayOfYear(date);
      days[(unit * years.years() + quarter / 4) * DAY_WORDS + (day >>> 6)] |= 1L << day;
    }
    gradeSeen[uq] |= gradeMask;
    producedSeen[uq] |= producedMask;
    int base = uq * METALS;
    for (int m = 0; m < METALS; m++) {
      int bit = 1 << m;
      if ((gradeMask & bit) != 0) {
        int i = base + m;
        gradeTons[i] = Math.addExact(gradeTons[i], t);
        long g = rowGrade[m];
        long lo = t * g;
        long hi = Math.multiplyHigh(t, g);
        long sumLo = gradeTonsLo[i] + lo;
        // unsigned carry out of the low word
        hi += Long.compareUnsigned(sumLo, gradeTonsLo[i]) < 0 ? 1 : 0;
        gradeTonsLo[i] = sumLo;
        gradeTonsHi[i] = Math.addExact(gradeTonsHi[i], hi);
      }
      if ((producedMask & bit) != 0) {
        int i = base + m;
        produced[i] = Math.addExact(produced[i], rowProduced[m]);
      }
    }
  }

  private static final int ERR_DATE = DateUnitReasons.DATE;
  private static final int ERR_OUTSIDE = DateUnitReasons.OUTSIDE;
  private static final int ERR_UNIT = DateUnitReasons.UNIT;
  private static final int ERR_NUMBER = 4;

  @Override
  protected void refuseRow(long line, int err, int field, String value, byte[] b, int from, int to) {
    String[] reason = DateUnitReasons.of(err, value, years);
    reject(line, header.get(field), reason != null ? reason[0] : "unparsable number", reason != null ? reason[1]
        : "not a quantity: '" + value + "' (write a plain non-negative decimal with at most 6 decimals, e.g. 1234.5)",
        b, from, to);
  }
}

package org.orebook.quantity;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last day of a company's fiscal year: the end of a calendar month (December 31 unless the
 * company says otherwise). Fiscal year {@code N} is the twelve months that end in calendar year
 * {@code N}: with a June year end, fiscal 2025 runs from July 1, 2024 to June 30, 2025, and its first
 * quarter ends Sept. 30, 2024. This class is immutable and thread-safe.
 */
public record FiscalYearEnd(Month month) {
  /** The calendar year: December 31. */
  public static final FiscalYearEnd DECEMBER = new FiscalYearEnd(Month.DECEMBER);

  private static final Pattern CODE = Pattern.compile("(\\d{1,2})-(\\d{1,2})");

  public FiscalYearEnd {
    java.util.Objects.requireNonNull(month, "month");
  }

  /**
   * Parses {@code MM-DD} ({@code 06-30}, {@code 12-31}); the day must be the month's last
   * ({@code 02-28} and {@code 02-29} both mean the end of February).
   */
  public static Optional<FiscalYearEnd> parse(String text) {
    Matcher m = CODE.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    int mm = Integer.parseInt(m.group(1));
    int dd = Integer.parseInt(m.group(2));
    if (mm < 1 || mm > 12) {
      return Optional.empty();
    }
    Month month = Month.of(mm);
    boolean last = dd == month.maxLength() || (month == Month.FEBRUARY && dd == 28);
    return last ? Optional.of(new FiscalYearEnd(month)) : Optional.empty();
  }

  /** {@code MM-DD}, as company.csv writes it (February as {@code 02-28}). */
  public String code() {
    int day = month == Month.FEBRUARY ? 28 : month.maxLength();
    return String.format("%02d-%02d", month.getValue(), day);
  }

  /**
   * The last day of fiscal quarter {@code q} of fiscal year {@code fiscalYear}; quarter 0 is the end
   * of the prior fiscal year.
   */
  public LocalDate quarterEnd(int fiscalYear, int q) {
    if (q < 0 || q > 4) {
      throw new IllegalArgumentException("quarter " + q + " is not 0 to 4");
    }
    return YearMonth.of(fiscalYear, month).minusMonths(3L * (4 - q)).atEndOfMonth();
  }

  /** The fiscal year a calendar month belongs to. */
  public int fiscalYearOf(YearMonth ym) {
    return ym.getMonthValue() > month.getValue() ? ym.getYear() + 1 : ym.getYear();
  }

  /** The fiscal quarter (1 to 4) a calendar month belongs to. */
  public int quarterOf(YearMonth ym) {
    int monthsAfterYearStart = Math.floorMod(ym.getMonthValue() - month.getValue() - 1, 12);
    return monthsAfterYearStart / 3 + 1;
  }

  /** True for a December 31 year end: the fiscal year is the calendar year. */
  public boolean calendar() {
    return month == Month.DECEMBER;
  }
}

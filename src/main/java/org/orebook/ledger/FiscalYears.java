package org.orebook.ledger;

import java.util.ArrayList;
import java.util.List;
import org.orebook.quantity.Period;
import org.orebook.scan.Fields;

/**
 * The years a ledger and a production log cover: consecutive calendar years, each with its four
 * calendar quarters (fiscal years are calendar years, as {@link Period} has them). A row is
 * attributed to the quarter and the year of its date; a date in no covered year is a bad row.
 * Quarters are numbered 0.. in time order across the years.
 *
 * <p>This class is immutable and thread-safe.
 */
public record FiscalYears(int first, int last) {
  private static final int[] DAYS_BEFORE_MONTH = {0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

  public FiscalYears {
    if (last < first || first < 1 || last > 9999) {
      throw new IllegalArgumentException("years " + first + ".." + last);
    }
  }

  public int years() {
    return last - first + 1;
  }

  public int quarters() {
    return years() * 4;
  }

  public boolean covers(int year) {
    return year >= first && year <= last;
  }

  /** The quarter index of a packed date {@code yyyymmdd}, or -1 when its year is not covered. */
  public int quarterOf(int date) {
    int y = date / 10_000;
    if (y < first || y > last) {
      return -1;
    }
    int m = date / 100 % 100;
    return (y - first) * 4 + (m - 1) / 3;
  }

  /** Day of the year, 0-based (0..365), of a packed date. */
  public static int dayOfYear(int date) {
    int y = date / 10_000;
    int m = date / 100 % 100;
    int d = date % 100;
    return DAYS_BEFORE_MONTH[m] + d - 1 + (m > 2 && Fields.leap(y) ? 1 : 0);
  }

  /** Day of the year (0-based) on which a quarter (1..4) of a year starts. */
  public static int firstDayOfQuarter(int year, int quarter) {
    int m = (quarter - 1) * 3 + 1;
    return DAYS_BEFORE_MONTH[m] + (m > 2 && Fields.leap(year) ? 1 : 0);
  }

  public Period.Quarter quarter(int index) {
    return new Period.Quarter(first + index / 4, index % 4 + 1);
  }

  public Period.Year year(int index) {
    return new Period.Year(first + index);
  }

  /** Every period, in the order the dataset files list them: per year Q1..Q4, then the year. */
  public List<Period> periods() {
    List<Period> all = new ArrayList<>();
    for (int y = 0; y < years(); y++) {
      for (int q = 0; q < 4; q++) {
        all.add(quarter(y * 4 + q));
      }
      all.add(year(y));
    }
    return all;
  }

  /** "FY2024–FY2025" for messages. */
  public String describe() {
    return first == last ? "FY" + first : "FY" + first + "-FY" + last;
  }
}

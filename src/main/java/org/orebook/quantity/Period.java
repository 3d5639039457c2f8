package org.orebook.quantity;

import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period of a fiscal year: one of its quarters ({@code Q3 2011}), its year to date at
 * the end of its second or third quarter ({@code 6M 2011}, {@code 9M 2011}), or the year
 * ({@code FY2011}). The fiscal year is named by the calendar year it ends in; a company whose year
 * does not end on December 31 has its periods coded with {@code FY} ({@code Q1 FY2025},
 * {@code 9M FY2025}), so a code never reads as a calendar quarter it is not.
 *
 * <p>A flow (sales, ounces produced) belongs to the whole period. A balance (a balance-sheet line)
 * is the balance at the period's end and is keyed by {@link #asAt()}: the quarter that ends there, or
 * the year when it is the fiscal year end, so that "nine months ended Sept. 30" and "the third
 * quarter" share one balance sheet.
 *
 * <p>Codes accepted by {@link #parse(String, FiscalYearEnd)}: {@code Q1 2011}…{@code Q4 2011},
 * {@code 3M 2011} (the first quarter), {@code 6M 2011} or {@code H1 2011}, {@code 9M 2011},
 * {@code 12M 2011} or {@code FY2011}, {@code YTD Q1 2011}…{@code YTD Q4 2011}, each also with
 * {@code FY} before the year ({@code Q1 FY2025}). This class is immutable and thread-safe.
 */
public sealed interface Period extends Comparable<Period> permits Period.Quarter, Period.YearToDate, Period.Year {
  /** A period code, upper-cased with single spaces (see the class comment). */
  Pattern CODE = Pattern.compile(
      "(?:Q(?<q>[1-4])|YTD Q(?<ytd>[1-4])|(?<months>3|6|9|12)M|(?<h1>H1)|FY) ?(?:FY ?)?(?<year>\\d{4})");

  /** The fiscal year: the calendar year the fiscal year ends in. */
  int year();

  /** When the fiscal year ends. */
  FiscalYearEnd yearEnd();

  /** The fiscal quarter the period ends with, 1 to 4. */
  int lastQuarter();

  /** The number of quarters the period spans: 1, 2, 3 or 4. */
  int quarters();

  /** The fiscal quarter the period starts with. */
  default int firstQuarter() {
    return lastQuarter() - quarters() + 1;
  }

  /** Its length in months. */
  default int months() {
    return 3 * quarters();
  }

  /** Its last day. */
  default LocalDate end() {
    return yearEnd().quarterEnd(year(), lastQuarter());
  }

  /** Its first day. */
  default LocalDate start() {
    return yearEnd().quarterEnd(year(), firstQuarter() - 1).plusDays(1);
  }

  /** The same period one year earlier: the comparison column of a release. */
  Period priorYear();

  /** The code used in dataset files and reports. */
  String code();

  /** True for a single quarter. */
  default boolean isQuarter() {
    return quarters() == 1;
  }

  /** True for a whole fiscal year. */
  default boolean isYear() {
    return quarters() == 4;
  }

  /** The key of a balance at the end of this period: the quarter ending then, or the year at its end. */
  default Period asAt() {
    return lastQuarter() == 4 ? new Year(year(), yearEnd()) : new Quarter(year(), lastQuarter(), yearEnd());
  }

  /** The key of the balance on the day before this period starts (the opening balance). */
  default Period openingAsAt() {
    return firstQuarter() == 1 ? new Year(year() - 1, yearEnd()) : new Quarter(year(), firstQuarter() - 1, yearEnd());
  }

  /** The quarter this period ends with. */
  default Period endQuarter() {
    return new Quarter(year(), lastQuarter(), yearEnd());
  }

  /** The year to date at this period's end (the quarter itself at the end of the first quarter). */
  default Period toDate() {
    return toDate(year(), lastQuarter(), yearEnd());
  }

  /** The last fiscal year end at or before this period's end: its own year's, or the prior year's. */
  default Period lastYearEnd() {
    return lastQuarter() == 4 ? new Year(year(), yearEnd()) : new Year(year() - 1, yearEnd());
  }

  /** The whole fiscal year this period lies in. */
  default Period fiscalYear() {
    return new Year(year(), yearEnd());
  }

  /**
   * For a year to date longer than a quarter (or the year), the year to date one quarter shorter:
   * {@code 9M} = {@code 6M} + {@code Q3}. Empty for a quarter.
   */
  default Optional<Period> toDateBefore() {
    if (firstQuarter() != 1 || lastQuarter() < 2) {
      return Optional.empty();
    }
    return Optional.of(toDate(year(), lastQuarter() - 1, yearEnd()));
  }

  /** Month and day the period ends, as printed in column headings ({@code Dec. 31,}, {@code June 30,}). */
  default String endMonthDay() {
    return monthAbbreviation(end().getMonth()) + " " + end().getDayOfMonth() + ",";
  }

  /** The same fiscal period (year, quarters) of a fiscal year that ends at {@code other}. */
  default Period inYearEnding(FiscalYearEnd other) {
    if (other.equals(yearEnd())) {
      return this;
    }
    return isQuarter() ? new Quarter(year(), lastQuarter(), other) : toDate(year(), lastQuarter(), other);
  }

  /** The quarter {@code q} of a fiscal year. */
  static Period quarter(int year, int q, FiscalYearEnd yearEnd) {
    return new Quarter(year, q, yearEnd);
  }

  /** The year to date at the end of quarter {@code q}: the first quarter, six or nine months, or the year. */
  static Period toDate(int year, int q, FiscalYearEnd yearEnd) {
    return switch (q) {
      case 1 -> new Quarter(year, 1, yearEnd);
      case 2, 3 -> new YearToDate(year, q, yearEnd);
      case 4 -> new Year(year, yearEnd);
      default -> throw new IllegalArgumentException("quarter " + q + " is not 1 to 4");
    };
  }

  /** The abbreviation of a month in dates, in the style of U.S. news releases (AP): Jan., Sept., March, June. */
  static String monthAbbreviation(Month m) {
    return switch (m) {
      case JANUARY -> "Jan.";
      case FEBRUARY -> "Feb.";
      case AUGUST -> "Aug.";
      case SEPTEMBER -> "Sept.";
      case OCTOBER -> "Oct.";
      case NOVEMBER -> "Nov.";
      case DECEMBER -> "Dec.";
      default -> m.getDisplayName(java.time.format.TextStyle.FULL, Locale.US);
    };
  }

  /** A period of a calendar (December) fiscal year from its code. */
  static Optional<Period> parse(String text) {
    return parse(text, FiscalYearEnd.DECEMBER);
  }

  /** A period from its code, for a company whose fiscal year ends at {@code yearEnd}. */
  static Optional<Period> parse(String text, FiscalYearEnd yearEnd) {
    String t = text == null ? "" : text.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    Matcher m = CODE.matcher(t);
    if (!m.matches()) {
      return Optional.empty();
    }
    int year = Integer.parseInt(m.group("year"));
    if (year < 1000) {
      return Optional.empty();
    }
    if (m.group("q") != null) {
      return Optional.of(new Quarter(year, Integer.parseInt(m.group("q")), yearEnd));
    }
    if (m.group("ytd") != null) {
      return Optional.of(toDate(year, Integer.parseInt(m.group("ytd")), yearEnd));
    }
    if (m.group("months") != null) {
      int months = Integer.parseInt(m.group("months"));
      return Optional.of(toDate(year, months / 3, yearEnd));
    }
    if (m.group("h1") != null) {
      return Optional.of(toDate(year, 2, yearEnd));
    }
    return Optional.of(new Year(year, yearEnd));
  }

  @Override
  default int compareTo(Period o) {
    int c = end().compareTo(o.end());
    if (c != 0) {
      return c;
    }
    c = Integer.compare(quarters(), o.quarters());
    return c != 0 ? c : yearEnd().month().compareTo(o.yearEnd().month());
  }

  /** The fiscal year's prefix of a code: empty for a calendar year, {@code FY} otherwise. */
  private static String fy(FiscalYearEnd e) {
    return e.calendar() ? "" : "FY";
  }

  /** A fiscal quarter. */
  record Quarter(int year, int quarter, FiscalYearEnd yearEnd) implements Period {
    private static final String[] ORDINAL = {"First", "Second", "Third", "Fourth"};

    public Quarter {
      if (quarter < 1 || quarter > 4) {
        throw new IllegalArgumentException("quarter " + quarter + " is not 1 to 4");
      }
      java.util.Objects.requireNonNull(yearEnd, "yearEnd");
    }

    /** A quarter of a calendar year. */
    public Quarter(int year, int quarter) {
      this(year, quarter, FiscalYearEnd.DECEMBER);
    }

    @Override
    public int lastQuarter() {
      return quarter;
    }

    @Override
    public int quarters() {
      return 1;
    }

    @Override
    public Period priorYear() {
      return new Quarter(year - 1, quarter, yearEnd);
    }

    @Override
    public String code() {
      return "Q" + quarter + " " + fy(yearEnd) + year;
    }

    /** "Fourth Quarter" as release headings print it. */
    public String ordinalName() {
      return ORDINAL[quarter - 1] + " Quarter";
    }

    @Override
    public String toString() {
      return code();
    }
  }

  /** The first six or nine months of a fiscal year. */
  record YearToDate(int year, int lastQuarter, FiscalYearEnd yearEnd) implements Period {
    public YearToDate {
      if (lastQuarter != 2 && lastQuarter != 3) {
        throw new IllegalArgumentException("a year to date between a quarter and the year ends with quarter 2 or 3, not "
            + lastQuarter + " (use Period.toDate)");
      }
      java.util.Objects.requireNonNull(yearEnd, "yearEnd");
    }

    @Override
    public int quarters() {
      return lastQuarter;
    }

    @Override
    public Period priorYear() {
      return new YearToDate(year - 1, lastQuarter, yearEnd);
    }

    @Override
    public String code() {
      return 3 * lastQuarter + "M " + fy(yearEnd) + year;
    }

    @Override
    public String toString() {
      return code();
    }
  }

  /** A fiscal year. */
  record Year(int year, FiscalYearEnd yearEnd) implements Period {
    public Year {
      java.util.Objects.requireNonNull(yearEnd, "yearEnd");
    }

    /** A calendar year. */
    public Year(int year) {
      this(year, FiscalYearEnd.DECEMBER);
    }

    @Override
    public int lastQuarter() {
      return 4;
    }

    @Override
    public int quarters() {
      return 4;
    }

    @Override
    public Period priorYear() {
      return new Year(year - 1, yearEnd);
    }

    @Override
    public String code() {
      return "FY" + year;
    }

    @Override
    public String toString() {
      return code();
    }
  }
}

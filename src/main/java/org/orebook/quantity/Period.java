package org.orebook.quantity;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period: a calendar quarter ({@code Q4 2003}) or a year ({@code FY2003}). A balance
 * sheet figure of a year is the balance at the year's end.
 */
public sealed interface Period extends Comparable<Period> permits Period.Quarter, Period.Year {
  Pattern QUARTER = Pattern.compile("Q([1-4]) (\\d{4})");
  Pattern YEAR = Pattern.compile("FY(\\d{4})");

  int year();

  /** The same period one year earlier: the comparison column of a release. */
  Period priorYear();

  /** The code used in dataset files. */
  String code();

  /** Month and day the period ends, as printed in column headers ("Dec. 31,"). */
  String endMonthDay();

  static Optional<Period> parse(String text) {
    String t = text == null ? "" : text.trim();
    Matcher q = QUARTER.matcher(t);
    if (q.matches()) {
      return Optional.of(new Quarter(Integer.parseInt(q.group(2)), Integer.parseInt(q.group(1))));
    }
    Matcher y = YEAR.matcher(t);
    if (y.matches()) {
      return Optional.of(new Year(Integer.parseInt(y.group(1))));
    }
    return Optional.empty();
  }

  @Override
  default int compareTo(Period o) {
    int c = Integer.compare(year(), o.year());
    if (c != 0) {
      return c;
    }
    return Integer.compare(rank(), o.rank());
  }

  private int rank() {
    return this instanceof Quarter q ? q.quarter() : 5;
  }

  /** A calendar quarter. */
  record Quarter(int year, int quarter) implements Period {
    private static final String[] ORDINAL = {"First", "Second", "Third", "Fourth"};
    private static final String[] END = {"Mar. 31,", "June 30,", "Sept. 30,", "Dec. 31,"};

    @Override
    public Period priorYear() {
      return new Quarter(year - 1, quarter);
    }

    @Override
    public String code() {
      return "Q" + quarter + " " + year;
    }

    @Override
    public String endMonthDay() {
      return END[quarter - 1];
    }

    /** "Fourth Quarter" as release headers print it. */
    public String ordinalName() {
      return ORDINAL[quarter - 1] + " Quarter";
    }

    @Override
    public String toString() {
      return code();
    }
  }

  /** A calendar (fiscal) year. */
  record Year(int year) implements Period {
    @Override
    public Period priorYear() {
      return new Year(year - 1);
    }

    @Override
    public String code() {
      return "FY" + year;
    }

    @Override
    public String endMonthDay() {
      return "Dec. 31,";
    }

    @Override
    public String toString() {
      return code();
    }
  }
}

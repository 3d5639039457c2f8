package org.orebook.release;

import java.util.Locale;
import org.orebook.quantity.Period;

/**
 * The words a release uses for its periods, in headings and prose, from the period alone: "Third
 * Quarter Ended", "Nine Months Ended", "the first nine months of 2011", "fiscal 2025". A company
 * whose fiscal year is not the calendar year has its years called "fiscal 2025" and its quarters
 * "the first quarter of fiscal 2025"; column dates are calendar dates ("Sept. 30, 2024").
 */
public final class PeriodWords {
  private static final String[] ORDINAL = {"first", "second", "third", "fourth"};
  private static final String[] MONTHS = {"", "three", "six", "nine", "twelve"};

  private PeriodWords() {}

  /** The year as prose names it: "2011", or "fiscal 2025". */
  public static String year(Period p) {
    return (p.yearEnd().calendar() ? "" : "fiscal ") + p.year();
  }

  /** The period in running text: "2011", "fiscal 2025", "the third quarter of 2011", "the first nine months of 2011", "the first half of 2011". */
  public static String name(Period p) {
    return switch (p.quarters()) {
      case 1 -> "the " + ORDINAL[p.lastQuarter() - 1] + " quarter of " + year(p);
      case 2 -> "the first half of " + year(p);
      case 3 -> "the first nine months of " + year(p);
      default -> year(p);
    };
  }

  /** The period in a headline: "2011", "Fiscal 2025", "Third Quarter 2011", "Third Quarter Fiscal 2025". */
  public static String title(Period p) {
    String y = p.yearEnd().calendar() ? String.valueOf(p.year()) : "Fiscal " + p.year();
    return switch (p.quarters()) {
      case 1 -> capital(ORDINAL[p.lastQuarter() - 1]) + " Quarter " + y;
      case 2 -> "First Half " + y;
      case 3 -> "First Nine Months " + y;
      default -> y;
    };
  }

  /** The period's length as a heading over its columns: "Three Months Ended", "Nine Months Ended", "Year Ended". */
  public static String ended(Period p, boolean monthsWording, boolean besideQuarter) {
    return switch (p.quarters()) {
      case 1 -> monthsWording ? "Three Months Ended" : capital(ORDINAL[p.lastQuarter() - 1]) + " Quarter Ended";
      case 4 -> monthsWording && besideQuarter ? "Twelve Months Ended" : "Year Ended";
      default -> capital(MONTHS[p.quarters()]) + " Months Ended";
    };
  }

  /** The period's end as a date: "Sept. 30, 2011", "June 30, 2025" (the calendar year of its last day). */
  public static String endDate(Period p) {
    return p.endMonthDay() + " " + p.end().getYear();
  }

  /** A short name for labels: "third quarter 2011", "nine months 2011", "year 2011", "fiscal year 2025". */
  public static String label(Period p) {
    String y = year(p);
    return switch (p.quarters()) {
      case 1 -> ORDINAL[p.lastQuarter() - 1] + " quarter " + y;
      case 4 -> (p.yearEnd().calendar() ? "year " : "") + y.replace("fiscal ", "fiscal year ");
      default -> MONTHS[p.quarters()] + " months " + y;
    };
  }

  static String capital(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}

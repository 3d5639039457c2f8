package org.orebook.quantity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The columns of a release, decided by its period: the quarter against the same quarter a year
 * earlier, the year to date against the prior year to date, and the balance sheet at the period's end
 * against the prior fiscal year end. A first-quarter release has the quarter only; a second or third
 * quarter release the quarter and the six or nine months; a fourth-quarter or year release the
 * fourth quarter (when the data has it) and the year; a quarter's release shows its year to date
 * when the data has it. Every table's layout reads its columns from
 * here, so a third-quarter release and a year release are the same layout with other columns.
 * A comparison column without any figure is left out. This class is immutable and thread-safe.
 *
 * @param release the period the release reports: a quarter, or the year
 * @param quarter the quarter and the prior year's quarter, or empty (a year release without quarters)
 * @param toDate the year to date (six or nine months, or the year) and the prior year's, or empty (a
 *     first quarter)
 * @param balance the balance sheet's dates: the period's end and the prior fiscal year's end
 */
public record PeriodSet(Period release, List<Period> quarter, List<Period> toDate, List<Period> balance) {
  public PeriodSet {
    quarter = List.copyOf(quarter);
    toDate = List.copyOf(toDate);
    balance = List.copyOf(balance);
  }

  /**
   * The columns of the release of {@code requested}: a quarter's release (a fourth quarter is the
   * year's release), a year to date's (the release of its last quarter), or a year's.
   *
   * @param hasData whether the data has any figure of a period; comparison columns without figures
   *     are left out, and a year's fourth quarter is shown only when the data has it
   */
  public static PeriodSet of(Period requested, Predicate<Period> hasData) {
    return of(requested, hasData, hasData);
  }

  /**
   * As {@link #of(Period, Predicate)}, with the flow columns decided by the periods the data has
   * flows of and the balance sheet's prior year end by the dates it has balances at.
   */
  public static PeriodSet of(Period requested, Predicate<Period> hasFlows, Predicate<Period> hasBalance) {
    Predicate<Period> hasData = hasFlows;
    int y = requested.year();
    FiscalYearEnd fye = requested.yearEnd();
    int q = requested.lastQuarter();
    if (q == 4) {
      Period year = new Period.Year(y, fye);
      Period q4 = Period.quarter(y, 4, fye);
      boolean quarters = hasData.test(q4) || requested.isQuarter();
      return new PeriodSet(year, quarters ? pair(q4, hasData) : List.of(), pair(year, hasData), pair(year, hasBalance));
    }
    Period quarter = Period.quarter(y, q, fye);
    // the year to date when the data has it (a dataset of one quarter makes a release of the quarter)
    Period ytd = Period.toDate(y, q, fye);
    List<Period> toDate = q == 1 || !hasData.test(ytd) ? List.of() : pair(ytd, hasData);
    List<Period> balance = new ArrayList<>(List.of(quarter.asAt()));
    Period priorYearEnd = new Period.Year(y - 1, fye);
    if (hasBalance.test(priorYearEnd)) {
      balance.add(priorYearEnd);
    }
    return new PeriodSet(quarter, pair(quarter, hasData), toDate, balance);
  }

  private static List<Period> pair(Period current, Predicate<Period> hasData) {
    Period prior = current.priorYear();
    return hasData.test(prior) ? List.of(current, prior) : List.of(current);
  }

  /** The columns of flow tables in print order: the quarters, then the years to date. */
  public List<Period> flows() {
    return Stream.concat(quarter.stream(), toDate.stream()).toList();
  }

  /** The columns of the cash flow statement: the year to date, or the quarter in a first-quarter release. */
  public List<Period> cashFlows() {
    return toDate.isEmpty() ? quarter : toDate;
  }

  /** True for the release of a quarter that is not the fourth. */
  public boolean interim() {
    return !release.isYear();
  }

  /** The current period of the longest flow columns: the year to date, or the quarter of a first quarter. */
  public Period longest() {
    return toDate.isEmpty() ? quarter.get(0) : toDate.get(0);
  }

  /** The current quarter when the release shows one beside a longer period. */
  public Optional<Period> shownQuarter() {
    return quarter.isEmpty() || toDate.isEmpty() ? Optional.empty() : Optional.of(quarter.get(0));
  }

  /** Every column, flows then balances, without repeats. */
  public List<Period> all() {
    return Stream.concat(flows().stream(), balance.stream()).distinct().toList();
  }

  /** Human description, e.g. "Q3 2011 vs Q3 2010; 9M 2011 vs 9M 2010; balance sheet Q3 2011 vs FY2010". */
  public String describe() {
    List<String> parts = new ArrayList<>();
    for (List<Period> pair : List.of(quarter, toDate)) {
      if (!pair.isEmpty()) {
        parts.add(pair.stream().map(Period::code).reduce((a, b) -> a + " vs " + b).orElseThrow());
      }
    }
    if (!balance.equals(toDate)) {
      parts.add("balance sheet " + balance.stream().map(Period::code).reduce((a, b) -> a + " vs " + b).orElseThrow());
    }
    return String.join("; ", parts);
  }
}

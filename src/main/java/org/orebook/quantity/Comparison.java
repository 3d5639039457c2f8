package org.orebook.quantity;

import java.util.List;

/**
 * The columns of a release: a current period and its comparison one year earlier, for the quarter
 * and the year ("fourth quarter 2003 vs fourth quarter 2002", "year 2003 vs 2002") or for one of
 * them alone.
 */
public record Comparison(List<Period> quarters, List<Period> years) {
  public Comparison {
    quarters = List.copyOf(quarters);
    years = List.copyOf(years);
  }

  /** A release for a year, with its fourth quarter when the data has one. */
  public static Comparison of(Period release, boolean withQuarter) {
    if (release instanceof Period.Quarter q) {
      return new Comparison(List.of(q, q.priorYear()), List.of());
    }
    Period.Year y = (Period.Year) release;
    List<Period> quarters =
        withQuarter ? List.of(new Period.Quarter(y.year(), 4), new Period.Quarter(y.year() - 1, 4)) : List.of();
    return new Comparison(quarters, List.of(y, y.priorYear()));
  }

  /** All columns in print order: quarters first, then years. */
  public List<Period> all() {
    return java.util.stream.Stream.concat(quarters.stream(), years.stream()).toList();
  }

  /** Human description, e.g. "Q4 2003 vs Q4 2002; FY2003 vs FY2002". */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    if (!quarters.isEmpty()) {
      sb.append(quarters.get(0).code()).append(" vs ").append(quarters.get(1).code());
    }
    if (!years.isEmpty()) {
      if (!sb.isEmpty()) {
        sb.append("; ");
      }
      sb.append(years.get(0).code()).append(" vs ").append(years.get(1).code());
    }
    return sb.toString();
  }
}

package org.orebook.ledger;

import java.math.BigDecimal;
import java.util.List;

/**
 * The ledger aggregated: per operating unit, quarter and cost category, the sum of the amounts in
 * exact cents, on a 100% basis and in the ledger's orientation (debits positive). A year is the sum
 * of its quarters.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class LedgerTotals {
  private final List<String> units;
  private final FiscalYears years;
  private final long[] cents;
  private final long rows;
  private final long lines;

  LedgerTotals(List<String> units, FiscalYears years, long[] cents, long rows, long lines) {
    this.units = List.copyOf(units);
    this.years = years;
    this.cents = cents.clone();
    this.rows = rows;
    this.lines = lines;
  }

  public List<String> units() {
    return units;
  }

  public FiscalYears years() {
    return years;
  }

  /** Rows added to the totals. */
  public long rows() {
    return rows;
  }

  /** Lines read after the header (rows, bad rows, blank lines and comments). */
  public long lines() {
    return lines;
  }

  /** Cents of a unit (index in {@link #units()}), quarter index and category. */
  public long cents(int unit, int quarter, CostCategory c) {
    return cents[(unit * years.quarters() + quarter) * CostCategory.count() + c.ordinal()];
  }

  /** Cents of a unit in a year (index from the first year): the sum of its four quarters. */
  public long yearCents(int unit, int year, CostCategory c) {
    long sum = 0;
    for (int q = year * 4; q < year * 4 + 4; q++) {
      sum = Math.addExact(sum, cents(unit, q, c));
    }
    return sum;
  }

  /** Dollars of a unit, quarter index and category, exact. */
  public BigDecimal amount(int unit, int quarter, CostCategory c) {
    return BigDecimal.valueOf(cents(unit, quarter, c), 2);
  }
}

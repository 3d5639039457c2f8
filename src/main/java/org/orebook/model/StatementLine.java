package org.orebook.model;

import java.util.List;

/**
 * One line of a financial statement's layout: a heading, an input line, a subtotal of other lines,
 * a link to a figure of another table, a per-share figure, or a blank line.
 *
 * @param terms for a subtotal, signed line ids ({@code -cost_of_sales}); for a link, one reference
 *     ({@code operations:net_income}, {@code company:sales}); for a per-share line, the numerator's
 *     line ids and optionally {@code -preferred_dividends}
 * @param concept optional standard name used across tables ({@code net_income})
 * @param rule {@code single}, {@code double} or empty: a rule printed under the line
 */
public record StatementLine(
    String statement, String id, String label, Kind kind, List<String> terms, String concept, String rule) {

  /** The statement of balances at a date; every other statement is of flows over a period. */
  public static final String BALANCE_SHEET = "balance_sheet";
  public static final String OPERATIONS = "operations";
  public static final String CASH_FLOWS = "cash_flows";
  public static final String NON_GAAP = "non_gaap";

  public StatementLine {
    terms = List.copyOf(terms);
  }

  /** True for the balance sheet: its figures are balances at a date, not flows. */
  public static boolean balance(String statement) {
    return statement.equals(BALANCE_SHEET);
  }

  /** The kinds of statement lines. */
  public enum Kind {
    HEADING, LINE, SUBTOTAL, LINK, PER_SHARE, BLANK;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}

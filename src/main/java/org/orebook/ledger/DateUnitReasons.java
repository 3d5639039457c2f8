package org.orebook.ledger;

/**
 * The bad-row reasons the ledger and the production log share, by the error codes both scanners
 * use for them: a date that is not one, a date outside the periods, an unknown operating unit.
 */
final class DateUnitReasons {
  static final int DATE = 1;
  static final int OUTSIDE = 2;
  static final int UNIT = 3;

  private DateUnitReasons() {}

  /** {kind, reason} of a shared code for the field's text {@code value}; null for any other code. */
  static String[] of(int code, String value, FiscalYears years) {
    return switch (code) {
      case DATE -> new String[] {"unparsable date", "not a date: '" + value + "' (write 2025-03-31)"};
      case OUTSIDE -> new String[] {"date outside the periods",
          "date " + value + " is outside the periods covered (" + years.describe() + ")"};
      case UNIT -> new String[] {"unknown unit", "unknown operating unit '" + value + "' (not in units.csv)"};
      default -> null;
    };
  }
}

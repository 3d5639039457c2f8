package org.orebook.edgar;

import java.math.BigDecimal;

/**
 * One number printed in a table cell, as the text shows it.
 *
 * @param start first character of the cell (its {@code $} when it has one)
 * @param end one past the last character of the cell
 * @param digitStart first digit (or dash) position, used to align cells in columns
 * @param digitEnd one past the last digit (or dash) position
 * @param text the cell as printed, e.g. {@code $ (6,016)}
 * @param value the value as printed, with its sign: {@code -6016}; zero for a dash
 * @param decimals digits printed after the decimal point
 * @param dash true for an empty cell printed {@code --} or {@code -} (zero exactly)
 * @param dollar true when the cell carries a {@code $}
 * @param percent true when the cell carries a {@code %}
 */
public record NumberToken(int start, int end, int digitStart, int digitEnd, String text, BigDecimal value, int decimals,
    boolean dash, boolean dollar, boolean percent) {

  /** True for a four-digit year (1900-2100) printed without grouping, decimals, sign or {@code $}. */
  public boolean yearLike() {
    return !dash && !dollar && !percent && text.length() == 4 && (text.startsWith("19") || text.startsWith("20"))
        && Character.isDigit(text.charAt(2)) && Character.isDigit(text.charAt(3));
  }

  NumberToken withDollar(int dollarStart) {
    return new NumberToken(dollarStart, end, digitStart, digitEnd, text, value, decimals, dash, true, percent);
  }

  /** Twice the middle of the digits (an exact integer), the cell's alignment point. */
  public int center2() {
    return digitStart + digitEnd;
  }
}

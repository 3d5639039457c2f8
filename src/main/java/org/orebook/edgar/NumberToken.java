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
 * @param dollar true when the cell carries a currency sign ({@code $}, {@code US$}, {@code C$})
 * @param percent true when the cell carries a {@code %}
 */
public record NumberToken(int start, int end, int digitStart, int digitEnd, String text, BigDecimal value, int decimals,
    boolean dash, boolean dollar, boolean percent) {

  /** Most digits before the decimal point a figure can have; a longer run is not a figure. */
  static final int MAX_INTEGER_DIGITS = 24;
  /** Most digits after the decimal point. */
  static final int MAX_DECIMALS = 12;

  /** True for a four-digit year (1900-2100) printed without grouping, decimals, sign or {@code $}. */
  public boolean yearLike() {
    return !dash && !dollar && !percent && text.length() == 4 && (text.startsWith("19") || text.startsWith("20"))
        && Character.isDigit(text.charAt(2)) && Character.isDigit(text.charAt(3));
  }

  NumberToken withDollar(int dollarStart) {
    return new NumberToken(dollarStart, end, digitStart, digitEnd, text, value, decimals, dash, true, percent);
  }

  NumberToken spanning(int newStart, int newEnd, String newText) {
    return new NumberToken(newStart, newEnd, digitStart, digitEnd, newText, value, decimals, dash, dollar, percent);
  }

  /** Twice the middle of the digits (an exact integer), the cell's alignment point. */
  public int center2() {
    return digitStart + digitEnd;
  }

  /**
   * Reads one printed cell as a number, or null: {@code 1,234}, {@code (6,016)}, {@code $(0.07)},
   * {@code -12}, {@code 45%}, {@code .651}, {@code US$1,234}, {@code C$ 12}, a dash ({@code -},
   * {@code --}, an em or en dash, {@code nil}) for zero. {@code start} is the cell's position on its
   * line; the digit positions are reported on the same line. Linear in the length of the text.
   */
  public static NumberToken parse(String t, int start) {
    int n = t.length();
    if (n == 0 || n > 64) {
      return null;
    }
    int i = 0;
    boolean open = false;
    boolean dollar = false;
    boolean minus = false;
    // prefix: any of "(", a currency sign, "-" (in that order or "$(")
    if (i < n && t.charAt(i) == '(') {
      open = true;
      i++;
    }
    int cur = currency(t, i);
    if (cur > 0) {
      dollar = true;
      i += cur;
      while (i < n && t.charAt(i) == ' ') {
        i++;
      }
    }
    if (!open && i < n && t.charAt(i) == '(') {
      open = true;
      i++;
    }
    if (i < n && (t.charAt(i) == '-' || t.charAt(i) == '\u2212' || t.charAt(i) == '\u2013') && i + 1 < n
        && (Character.isDigit(t.charAt(i + 1)) || t.charAt(i + 1) == '.')) {
      minus = true;
      i++;
    }
    int digitStart = i;
    // a dash cell: "-", "--", "---", an em or en dash, "nil", after an optional currency sign
    if (!open && !minus) {
      String rest = t.substring(i);
      if (rest.equals("-") || rest.equals("--") || rest.equals("---") || rest.equals("\u2014") || rest.equals("\u2013")
          || rest.equals("\u2014\u2014") || (rest.equalsIgnoreCase("nil") && !dollar)) {
        if (dollar || i == 0) {
          return new NumberToken(start, start + n, start + i, start + n, t, BigDecimal.ZERO, 0, true, dollar, false);
        }
      }
    }
    StringBuilder digits = new StringBuilder();
    int runStart = i;
    while (i < n && Character.isDigit(t.charAt(i))) {
      i++;
    }
    int intDigits = i - runStart;
    if (intDigits > MAX_INTEGER_DIGITS) {
      return null;
    }
    digits.append(t, runStart, i);
    if (intDigits >= 1 && intDigits <= 3) {
      // thousands groups: ",ddd" each followed by no further digit
      while (i < n && t.charAt(i) == ',' && isDigits(t, i + 1, 3) && (i + 4 >= n || !Character.isDigit(t.charAt(i + 4)))) {
        digits.append(t, i + 1, i + 4);
        intDigits += 3;
        if (intDigits > MAX_INTEGER_DIGITS) {
          return null;
        }
        i += 4;
      }
    }
    int decimals = 0;
    if (i < n && t.charAt(i) == '.' && i + 1 < n && Character.isDigit(t.charAt(i + 1))) {
      digits.append('.');
      i++;
      while (i < n && Character.isDigit(t.charAt(i))) {
        digits.append(t.charAt(i));
        decimals++;
        if (decimals > MAX_DECIMALS) {
          return null;
        }
        i++;
      }
    }
    if (intDigits == 0 && decimals == 0) {
      return null;
    }
    int digitEnd = i;
    boolean percent = false;
    if (i < n && t.charAt(i) == '%') {
      percent = true;
      i++;
    }
    boolean close = false;
    if (i < n && t.charAt(i) == ')') {
      close = true;
      i++;
    }
    if (!percent && i < n && t.charAt(i) == '%') {
      percent = true;
      i++;
    }
    if (i != n || open != close) {
      return null;
    }
    String d = digits.toString();
    if (open && dollar && decimals == 0 && d.equals("000")) {
      // "($000)", "(US$000)": a unit (dollars in thousands) after a label or in a header, not a figure
      return null;
    }
    BigDecimal v = new BigDecimal(d.startsWith(".") ? "0" + d : d);
    if (open || minus) {
      v = v.negate();
    }
    return new NumberToken(start, start + n, start + digitStart, start + digitEnd, t, v, decimals, false, dollar, percent);
  }

  private static boolean isDigits(String t, int from, int count) {
    if (from + count > t.length()) {
      return false;
    }
    for (int k = from; k < from + count; k++) {
      if (!Character.isDigit(t.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  /** The length of a currency sign at {@code i}: {@code $}, {@code US$}, {@code C$}, {@code A$}, {@code CA$}; 0 if none. */
  static int currency(String t, int i) {
    if (t.startsWith("$", i)) {
      return 1;
    }
    for (String p : new String[] {"US$", "C$", "A$", "CA$", "CDN$", "AU$"}) {
      if (t.regionMatches(true, i, p, 0, p.length())) {
        return p.length();
      }
    }
    return 0;
  }
}

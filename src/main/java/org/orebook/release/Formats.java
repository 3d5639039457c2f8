package org.orebook.release;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;
import org.orebook.facts.Fact;
import org.orebook.facts.FactSet;
import org.orebook.quantity.Exact;

/**
 * How figures are printed: rounded half up to the cell's decimals after its scale, thousands
 * grouped, negatives in parentheses, absent or zero figures as the cell's empty text.
 */
public final class Formats {
  private Formats() {}

  /** The value a cell shows, unrounded and after scale and sign, or empty when absent. */
  public static Optional<BigDecimal> value(Cell cell, FactSet facts) {
    if (cell.key().isEmpty()) {
      return Optional.empty();
    }
    Optional<Fact> f = facts.find(cell.key().get());
    return f.map(x -> {
      BigDecimal v = x.value().movePointLeft(cell.scale());
      return cell.negate() ? v.negate() : v;
    });
  }

  /** The printed text of a cell: "1,007", "(0.94)", "--" for zero, blank (or the layout's text) when absent. */
  public static String text(Cell cell, FactSet facts) {
    if (cell.key().isEmpty()) {
      return cell.empty();
    }
    Optional<BigDecimal> v = value(cell, facts);
    if (v.isEmpty()) {
      return cell.missing();
    }
    if (v.get().signum() == 0) {
      return cell.empty();
    }
    return number(v.get(), cell.decimals());
  }

  /** A number as a release prints it: grouped, rounded half up, parentheses for negatives. */
  public static String number(BigDecimal value, int decimals) {
    BigDecimal r = Exact.round(value, decimals);
    DecimalFormat f = new DecimalFormat(decimals > 0 ? "#,##0." + "0".repeat(decimals) : "#,##0",
        DecimalFormatSymbols.getInstance(Locale.US));
    f.setParseBigDecimal(true);
    String s = f.format(r.abs());
    return r.signum() < 0 ? "(" + s + ")" : s;
  }

  /** An exact value without trailing zeros, for JSON and CSV. */
  public static String plain(BigDecimal v) {
    return v.stripTrailingZeros().scale() < 0 ? v.setScale(0).toPlainString() : v.stripTrailingZeros().toPlainString();
  }
}

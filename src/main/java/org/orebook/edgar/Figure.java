package org.orebook.edgar;

import java.math.BigDecimal;
import java.util.Optional;
import org.orebook.quantity.Period;

/**
 * A number read from a table, with everything needed to find it again and to know what it stands
 * for: the value as printed (before the table's scale), its printed decimals, row label, column,
 * period, table and source position. The same for every source format.
 *
 * @param value the value as printed with its sign ({@code (6,016)} is -6016); zero for a dash
 * @param dash true when the cell is printed {@code --} or {@code -}: zero exactly
 * @param at where it is printed (the line is the last line of a wrapped label)
 */
public record Figure(BigDecimal value, int decimals, boolean dash, String text, String label, int column,
    String columnTitle, Optional<Period> period, String table, Position at) {

  /** The source line of the figure. */
  public int line() {
    return at.line();
  }

  @Override
  public String toString() {
    return table + " line " + line() + " [" + label + " | " + columnTitle + "] " + text;
  }
}

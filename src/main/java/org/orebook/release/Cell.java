package org.orebook.release;

import java.util.Optional;
import org.orebook.facts.FactKey;

/**
 * One cell of a table: the figure it shows and how (decimals, scale, sign, dollar sign), or a
 * literal text.
 *
 * @param scale power of ten the value is divided by when printed (3: thousands)
 * @param negate print the figure with its sign reversed (a deduction in a reconciliation)
 * @param empty the text printed for a figure that is zero ("--", as EDGAR exhibits print nil)
 * @param missing the text printed when the data has no such figure: blank by default, never a text
 *     that reads as zero unless the layout says so (a reserve table's "-" for a metal a property
 *     does not hold)
 */
public record Cell(Optional<FactKey> key, int decimals, int scale, boolean negate, boolean dollar, String empty,
    String missing) {
  public static Cell of(FactKey key, int decimals, int scale) {
    return new Cell(Optional.of(key), decimals, scale, false, false, "--", "");
  }

  public static Cell literal(String text) {
    return new Cell(Optional.empty(), 0, 0, false, false, text, text);
  }

  public Cell negated() {
    return new Cell(key, decimals, scale, !negate, dollar, empty, missing);
  }

  public Cell withDollar() {
    return new Cell(key, decimals, scale, negate, true, empty, missing);
  }

  /** Prints {@code text} both for a zero figure and for one the data does not have. */
  public Cell emptyAs(String text) {
    return new Cell(key, decimals, scale, negate, dollar, text, text);
  }

  /** Prints {@code text} for a figure the data does not have ("n/a"). */
  public Cell missingAs(String text) {
    return new Cell(key, decimals, scale, negate, dollar, empty, text);
  }
}

package org.orebook.release;

import java.util.Optional;
import org.orebook.facts.FactKey;

/**
 * One cell of a table: the figure it shows and how (decimals, scale, sign, dollar sign), or a
 * literal text.
 *
 * @param scale power of ten the value is divided by when printed (3: thousands)
 * @param negate print the figure with its sign reversed (a deduction in a reconciliation)
 * @param empty the text printed when the figure is absent or zero ("--" or "-")
 */
public record Cell(Optional<FactKey> key, int decimals, int scale, boolean negate, boolean dollar, String empty) {
  public static Cell of(FactKey key, int decimals, int scale) {
    return new Cell(Optional.of(key), decimals, scale, false, false, "--");
  }

  public static Cell literal(String text) {
    return new Cell(Optional.empty(), 0, 0, false, false, text);
  }

  public Cell negated() {
    return new Cell(key, decimals, scale, !negate, dollar, empty);
  }

  public Cell withDollar() {
    return new Cell(key, decimals, scale, negate, true, empty);
  }

  public Cell emptyAs(String text) {
    return new Cell(key, decimals, scale, negate, dollar, text);
  }
}

package org.orebook.edgar;

import java.util.Optional;
import org.orebook.quantity.Period;

/**
 * A column of a table: its header words (all header lines over it, top to bottom, e.g.
 * {@code Fourth Quarter Ended Dec. 31, 2003}), the period they name, and the position of its digits.
 *
 * @param group the header spanning several columns ({@code Year Ended}), or empty
 * @param header this column's own header words ({@code Dec. 31, 2003}, {@code Gold (oz/ton)})
 */
public record Column(int index, String group, String header, Optional<Period> period, int digitStart, int digitEnd) {
  public int center2() {
    return digitStart + digitEnd;
  }

  /** Group and own header, as one text. */
  public String title() {
    return (group.isEmpty() ? header : group + " " + header).trim();
  }
}

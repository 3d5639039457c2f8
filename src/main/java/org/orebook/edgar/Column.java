package org.orebook.edgar;

import java.util.Optional;
import org.orebook.quantity.Period;

/**
 * A column of a table: its heading words (all heading rows over it, top to bottom, e.g.
 * {@code Fourth Quarter Ended Dec. 31, 2003}) and the period they name.
 *
 * @param group the heading spanning several columns ({@code Year Ended}), or empty
 * @param header this column's own heading words ({@code Dec. 31, 2003}, {@code Gold (oz/ton)})
 */
public record Column(int index, String group, String header, Optional<Period> period) {
  /** Group and own heading, as one text. */
  public String title() {
    return (group.isEmpty() ? header : group + " " + header).trim();
  }
}

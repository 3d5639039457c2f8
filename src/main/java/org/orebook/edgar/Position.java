package org.orebook.edgar;

/**
 * Where a printed figure sits in the source document, whatever its format.
 *
 * @param line the source line (from 1) of the figure; in a submission file, the line of the whole file
 * @param offset the character offset (from 0) of the figure's printed digits in the decoded document,
 *     or -1 when it cannot be pointed at (a line whose tabs were expanded)
 * @param length the number of characters from {@code offset} the printed number spans (0 when unknown)
 * @param table for an HTML table, the {@code <table>} element's number in the document (from 1); 0 for text
 * @param row for an HTML table, the {@code <tr>}'s number in its table (from 1); 0 for text
 * @param cell for an HTML table, the {@code <td>}'s number in its row (from 1); 0 for text
 */
public record Position(int line, int offset, int length, int table, int row, int cell) {
  /** A line of a text document, without an offset. */
  public static Position line(int line) {
    return new Position(line, -1, 0, 0, 0, 0);
  }

  /** True for a cell of an HTML table. */
  public boolean inHtmlTable() {
    return table > 0;
  }

  /** The place in words: {@code line 12} or {@code line 12 (table 3, row 4, cell 5)}. */
  public String describe() {
    return "line " + line + (table > 0 ? " (table " + table + ", row " + row + ", cell " + cell + ")" : "");
  }

  Position shifted(int lines, int chars) {
    return new Position(line + lines, offset < 0 ? -1 : offset + chars, length, table, row, cell);
  }
}

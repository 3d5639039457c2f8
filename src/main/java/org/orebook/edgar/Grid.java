package org.orebook.edgar;

import java.util.ArrayList;
import java.util.List;

/**
 * A table as rows of cells: an HTML {@code <table>} (spans resolved), or a block of pipe-separated
 * or tab-separated lines; before its columns and rows are worked out ({@link GridTables}).
 */
final class Grid {
  /**
   * One cell.
   *
   * @param text the cell's text, single spaces, no-break spaces as spaces, without superscripts
   * @param note superscript text ({@code <sup>1</sup>}: a footnote marker), or empty
   * @param col the first grid column the cell covers (spans resolved)
   * @param span how many grid columns it covers
   * @param indent how far its text is indented (padding, leading spaces), comparable within a document
   * @param ruleAbove a border over the cell
   * @param ruleBelow {@code -} or {@code =} for a single or double border under the cell, else a space
   * @param at the cell's line and (HTML) table, row and cell numbers
   * @param sourceStart where the cell's content starts in the document (-1 when unknown)
   * @param sourceEnd where it ends
   */
  record Cell(String text, String note, int col, int span, int indent, boolean ruleAbove, char ruleBelow, Position at,
      int sourceStart, int sourceEnd) {
    boolean blank() {
      return text.isEmpty() && note.isEmpty();
    }

    int end() {
      return col + span - 1;
    }
  }

  /** One row; {@code line} is the source line of its first cell. */
  record Row(List<Cell> cells, int line) {
    Row {
      cells = List.copyOf(cells);
    }
  }

  final List<String> titles = new ArrayList<>();
  final List<Row> rows = new ArrayList<>();
  /** The paragraph just above the table when it has no title of its own (a sentence introducing it). */
  String context = "";
  /** True when the table names itself (an HTML {@code <caption>}): its {@link #titles} are its own. */
  boolean captioned;
  /** The number of heading rows when the format marks them (a Markdown separator row), else -1. */
  int headerRows = -1;
  /** The document the cells' source positions point into. */
  final String source;
  int firstLine;
  int lastLine;

  Grid(String source, int firstLine) {
    this.source = source;
    this.firstLine = firstLine;
    this.lastLine = firstLine;
  }
}

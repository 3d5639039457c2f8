package org.orebook.edgar;

import java.util.List;

/**
 * One line of a table's body as a format reader sees it, before row assembly: blank, a rule, a line
 * of text (a heading, or part of a wrapped label), or a label with number cells already placed in
 * columns.
 *
 * @param text the label of a values line, or the text of a text line (single spaces)
 * @param indent how far the label is indented (characters for plain text, a comparable measure for HTML)
 * @param cells the number cells, each with its column
 * @param line the source line
 * @param rule for a rule, {@code -} (single) or {@code =} (double)
 * @param wraps true when a text line may be the first part of a label whose figures follow on a later
 *     line (plain text); false when a text line is a row of its own (HTML, pipe tables)
 */
record BodyLine(Kind kind, String text, int indent, List<Cell> cells, int line, char rule, boolean wraps) {
  enum Kind { BLANK, RULE, TEXT, VALUES }

  /** A number placed in a column, with where it is printed. */
  record Cell(int column, NumberToken token, Position at) {}

  BodyLine {
    cells = List.copyOf(cells);
  }

  static BodyLine blank(int line) {
    return new BodyLine(Kind.BLANK, "", 0, List.of(), line, ' ', false);
  }

  static BodyLine rule(int line, char ch) {
    return new BodyLine(Kind.RULE, "", 0, List.of(), line, ch, false);
  }

  static BodyLine text(int line, String text, int indent, boolean wraps) {
    return new BodyLine(Kind.TEXT, text, indent, List.of(), line, ' ', wraps);
  }

  static BodyLine values(int line, String label, int indent, List<Cell> cells) {
    return new BodyLine(Kind.VALUES, label, indent, cells, line, ' ', false);
  }
}

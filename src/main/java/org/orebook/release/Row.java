package org.orebook.release;

import java.util.List;

/** A row of a table: a heading, a blank line, a rule under the figures, or a labelled row of cells. */
public sealed interface Row permits Row.Heading, Row.Blank, Row.Rule, Row.Values {
  /** A label with no figures ("LA CAMORRA UNIT", "OPERATING ACTIVITIES"). */
  record Heading(String text) implements Row {}

  /** An empty line. */
  record Blank() implements Row {}

  /** A rule under the figure columns: '-' single, '=' double. */
  record Rule(char ch) implements Row {}

  /** A labelled row of cells, one per column. */
  record Values(String label, int indent, List<Cell> cells) implements Row {
    public Values {
      cells = List.copyOf(cells);
    }

    public Values withCells(List<Cell> newCells) {
      return new Values(label, indent, newCells);
    }
  }
}

package org.orebook.edgar;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A row of a table body: blank, a rule, a heading, or a label with its figures. */
public sealed interface TableRow permits TableRow.Blank, TableRow.Rule, TableRow.Heading, TableRow.Values {
  int line();

  /** An empty line. */
  record Blank(int line) implements TableRow {}

  /** A rule: {@code -} single (a subtotal follows), {@code =} double (a total is closed). */
  record Rule(int line, char ch) implements TableRow {
    public boolean isDouble() {
      return ch == '=';
    }
  }

  /**
   * A label without figures: a section ({@code LA CAMORRA UNIT}, {@code OPERATING ACTIVITIES}) or a
   * sub-heading ending in a colon ({@code Other operating expenses:}).
   */
  record Heading(int line, String text, int indent) implements TableRow {
    /** True for a sub-heading ({@code ...:}) rather than a section heading. */
    public boolean colon() {
      return text.endsWith(":");
    }
  }

  /**
   * A labelled row of figures, one slot per column (empty where the cell is blank).
   *
   * @param firstLine the first line of a wrapped label
   * @param section the section heading in force ({@code SALES OF PRODUCTS}), or empty
   * @param subheading the colon sub-heading in force ({@code Average cost per ounce of silver produced (2):}), or empty
   */
  record Values(int line, int firstLine, String label, int indent, List<Optional<Figure>> cells, String section,
      String subheading) implements TableRow {
    public Values {
      cells = java.util.Collections.unmodifiableList(new ArrayList<>(cells));
    }

    public List<Figure> figures() {
      return cells.stream().flatMap(Optional::stream).toList();
    }
  }
}

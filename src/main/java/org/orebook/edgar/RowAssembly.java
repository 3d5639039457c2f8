package org.orebook.edgar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the body lines of a table, in any source format, into its rows: labelled rows of figures,
 * section headings ({@code LA CAMORRA UNIT}, {@code OPERATING ACTIVITIES}), colon sub-headings
 * ({@code Other operating expenses:}) and rules. A label printed over several lines (plain text)
 * is joined: text lines directly above a row of figures whose first line is less indented than the
 * figures' line, or whose second line is indented deeper than its first. Each row carries the
 * section and sub-heading in force. Linear in the number of lines.
 */
final class RowAssembly {
  /** A line that ends like this continues on the next line ("Revenue from", "Depreciation and"). */
  private static final java.util.regex.Pattern JOINER = java.util.regex.Pattern.compile(
      "(?i)(\\b(and|or|of|from|to|for|in|on|at|by|the|a|an|with|before|after|less|net|per|including|excluding)|[,&(/-])$");

  private final List<Column> columns;
  private final String table;
  private final List<TableRow> rows = new ArrayList<>();
  private final List<BodyLine> pending = new ArrayList<>();
  private String section = "";
  /**
   * The longest line ending in a colon that is read as a sub-heading over the rows below it; a longer one
   * is running text (and would otherwise be read again with every row under it).
   */
  static final int MAX_SUBHEADING = 300;

  private String subheading = "";
  private int subIndent = -1;

  private RowAssembly(List<Column> columns, String table) {
    this.columns = columns;
    this.table = table;
  }

  /** The rows of a body. */
  static List<TableRow> rows(List<BodyLine> body, List<Column> columns, String table) {
    RowAssembly a = new RowAssembly(columns, table);
    for (BodyLine l : body) {
      a.add(l);
    }
    a.flush();
    return a.rows;
  }

  private void add(BodyLine l) {
    switch (l.kind()) {
      case BLANK -> {
        flush();
        rows.add(new TableRow.Blank(l.line()));
      }
      case RULE -> {
        flush();
        rows.add(new TableRow.Rule(l.line(), l.rule()));
      }
      case TEXT -> {
        if (!l.wraps()) {
          flush();
          heading(l.line(), l.text(), l.indent());
        } else if (capsHeading(l.text()) && !l.text().endsWith(":")) {
          flush();
          heading(l.line(), l.text(), l.indent());
        } else {
          pending.add(l);
          if (l.text().endsWith(":")) {
            flushAsOne();
          }
        }
      }
      case VALUES -> values(l);
    }
  }

  private void values(BodyLine l) {
    String label = l.text();
    int first = l.line();
    int indent = l.indent();
    if (!pending.isEmpty()) {
      BodyLine p0 = pending.get(0);
      boolean wrapped = label.isEmpty() || l.indent() > p0.indent()
          || (pending.size() > 1 && pending.get(1).indent() > p0.indent());
      // a short heading ("Operating") over a label of its own ("Copper production"): not one label
      if (wrapped && !label.isEmpty() && pending.size() == 1 && Character.isUpperCase(label.charAt(0))
          && (label.split(" ").length >= 2 || p0.text().split(" ").length == 1) && p0.text().split(" ").length <= 3
          && !JOINER.matcher(p0.text()).find()) {
        wrapped = false;
      }
      if (wrapped) {
        StringBuilder sb = new StringBuilder();
        for (BodyLine p : pending) {
          append(sb, p.text());
        }
        append(sb, label);
        label = sb.toString().replaceAll("\\s+", " ").trim();
        first = p0.line();
        indent = p0.indent();
        pending.clear();
      } else {
        flush();
      }
    }
    if (!subheading.isEmpty() && indent <= subIndent) {
      subheading = "";
    }
    List<Optional<Figure>> cells = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      cells.add(Optional.empty());
    }
    for (BodyLine.Cell cell : l.cells()) {
      int c = cell.column();
      if (c >= 0 && c < columns.size() && cells.get(c).isEmpty()) {
        Column col = columns.get(c);
        NumberToken t = cell.token();
        cells.set(c, Optional.of(new Figure(t.value(), t.decimals(), t.dash(), t.text(), label, c, col.title(), col.period(),
            table, cell.at())));
      }
    }
    rows.add(new TableRow.Values(l.line(), first, label, indent, cells, section, subheading));
  }

  /** Label lines that no figures followed: headings (a line and its deeper-indented continuations). */
  private void flush() {
    int i = 0;
    while (i < pending.size()) {
      BodyLine p0 = pending.get(i);
      StringBuilder sb = new StringBuilder(p0.text());
      int j = i + 1;
      while (j < pending.size() && pending.get(j).indent() > p0.indent()) {
        append(sb, pending.get(j).text());
        j++;
      }
      heading(p0.line(), sb.toString(), p0.indent());
      i = j;
    }
    pending.clear();
  }

  private void flushAsOne() {
    StringBuilder sb = new StringBuilder();
    for (BodyLine p : pending) {
      append(sb, p.text());
    }
    heading(pending.get(0).line(), sb.toString(), pending.get(0).indent());
    pending.clear();
  }

  private void heading(int line, String text, int indent) {
    String t = text.replaceAll("\\s+", " ").trim();
    if (t.isEmpty()) {
      return;
    }
    rows.add(new TableRow.Heading(line, t, indent));
    if (t.endsWith(":") && t.length() <= MAX_SUBHEADING) {
      subheading = t;
      subIndent = indent;
    } else {
      section = t;
      subheading = "";
    }
  }

  private static void append(StringBuilder sb, String text) {
    String t = text.trim();
    if (t.isEmpty()) {
      return;
    }
    if (!sb.isEmpty()) {
      sb.append(' ');
    }
    sb.append(t);
  }

  /** A heading in capitals ({@code GREENS CREEK UNIT (Reflects ...)}): at least three letters before any parenthesis. */
  static boolean capsHeading(String text) {
    String t = text.trim();
    int paren = t.indexOf('(');
    String head = paren > 0 ? t.substring(0, paren) : t;
    long letters = head.chars().filter(Character::isLetter).count();
    return letters >= 3 && head.equals(head.toUpperCase(Locale.ROOT)) && t.length() <= 80;
  }
}

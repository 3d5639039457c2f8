package org.orebook.release;

import java.util.ArrayList;
import java.util.List;
import org.orebook.facts.FactSet;

/**
 * Renders a release as plain fixed-width text, the way EDGAR exhibits print their tables: labels
 * wrapped in a left column, figures right-aligned with the closing parenthesis of a negative
 * hanging one place to the right, rules under the figure columns.
 */
public final class TextRenderer {
  private TextRenderer() {}

  public static String render(Release release) {
    StringBuilder out = new StringBuilder();
    for (Section s : release.sections()) {
      out.append('\n');
      for (Section.Block b : s.blocks()) {
        switch (b) {
          case Section.TextBlock t -> t.lines().forEach(l -> textLine(l).forEach(x -> out.append(x).append('\n')));
          case Section.TableBlock t -> {
            List<Table> parts = columnBlocks(t.table(), release.facts());
            for (int i = 0; i < parts.size(); i++) {
              if (i > 0) {
                out.append('\n');
              }
              table(parts.get(i), release.facts()).forEach(l -> out.append(l).append('\n'));
            }
          }
        }
      }
    }
    return out.toString();
  }

  /** The widest a plain-text table is made by narrowing its label column, as EDGAR text exhibits keep to. */
  static final int PAGE_WIDTH = 80;
  /** The narrowest a label column is made to keep a table within the page width. */
  static final int MIN_LABEL_WIDTH = 24;

  /**
   * The widths of a table's columns from their content: the label column, then each figure column
   * as wide as its widest cell or heading needs (a figure with one space before it, a heading with
   * one space each side; the layout's cell width where the page has room), a group heading widening
   * the last column it spans. A table is kept within {@link #PAGE_WIDTH} columns where its figures and
   * labels allow: first the label column is narrowed, down to its longest label (no label wraps more
   * than the layout asks) and never below {@link #MIN_LABEL_WIDTH}; then the figure columns give up
   * the room beyond what their content needs. The rules under the figures follow the columns.
   */
  static int[] widths(Table t, FactSet facts) {
    int cols = Math.max(t.headers().size(), t.rows().stream().filter(r -> r instanceof Row.Values)
        .mapToInt(r -> ((Row.Values) r).cells().size()).max().orElse(0));
    // what each figure column's content needs, then the layout's cell width where the page has room
    int[] need = new int[cols + 1];
    for (int c = 0; c < t.headers().size(); c++) {
      for (String h : t.headers().get(c)) {
        need[c + 1] = Math.max(need[c + 1], h.length() + 2);
      }
    }
    for (Row r : t.rows()) {
      if (r instanceof Row.Values v) {
        for (int c = 0; c < v.cells().size(); c++) {
          Cell cell = v.cells().get(c);
          String text = Formats.text(cell, facts);
          int body = text.length() + (text.endsWith(")") ? 0 : 1);
          need[c + 1] = Math.max(need[c + 1], body + (cell.dollar() ? 2 : 1));
        }
      }
    }
    int[] w = new int[cols + 1];
    for (int c = 1; c <= cols; c++) {
      w[c] = Math.max(need[c], t.cellWidth());
    }
    widenForGroups(t, need, cols);
    widenForGroups(t, w, cols);
    int figures = 0;
    for (int c = 1; c <= cols; c++) {
      figures += w[c];
    }
    w[0] = t.labelWidth();
    if (w[0] + figures > PAGE_WIDTH) {
      // narrowed to the longest label (plus the space after it), so no label wraps more than the layout asks
      int longest = t.rows().stream().filter(r -> r instanceof Row.Values).map(r -> (Row.Values) r)
          .mapToInt(v -> v.indent() + v.label().length() + 1).max().orElse(0);
      longest = Math.max(longest, t.labelHeader().length() + 1);
      w[0] = Math.min(t.labelWidth(), Math.max(PAGE_WIDTH - figures, Math.max(longest, MIN_LABEL_WIDTH)));
    }
    // still too wide: the figure columns give up the room the layout's cell width gave them, the
    // roomiest first, down to what their content needs
    int excess = java.util.Arrays.stream(w).sum() - PAGE_WIDTH;
    while (excess > 0) {
      int roomiest = -1;
      for (int c = 1; c <= cols; c++) {
        if (w[c] > need[c] && (roomiest < 0 || w[c] - need[c] > w[roomiest] - need[roomiest])) {
          roomiest = c;
        }
      }
      if (roomiest < 0) {
        break;
      }
      w[roomiest]--;
      excess--;
    }
    return w;
  }

  /** A group heading ("Year Ended") widens the last column it spans to fit. */
  private static void widenForGroups(Table t, int[] w, int cols) {
    int first = 1;
    for (Table.Group g : t.groups()) {
      int last = Math.min(cols, first + g.span() - 1);
      int spanned = 0;
      for (int c = first; c <= last; c++) {
        spanned += w[c];
      }
      if (last >= first && g.label().length() + 2 > spanned) {
        w[last] += g.label().length() + 2 - spanned;
      }
      first += g.span();
    }
  }

  /** The lines of one table. */
  public static List<String> table(Table t, FactSet facts) {
    int[] w = widths(t, facts);
    int labelWidth = w[0];
    List<String> lines = new ArrayList<>();
    int cols = t.headers().size();
    int width = java.util.Arrays.stream(w).sum();
    for (String title : t.titleLines()) {
      lines.add(center(title, width).stripTrailing());
    }
    if (!t.titleLines().isEmpty()) {
      lines.add("");
    }
    String dash = "- " + "-".repeat(Math.max(10, width - 2));
    if (t.boxed()) {
      lines.add(dash);
    }
    if (!t.groups().isEmpty()) {
      StringBuilder g = new StringBuilder(" ".repeat(labelWidth));
      StringBuilder u = new StringBuilder(" ".repeat(labelWidth));
      int col = 1;
      for (Table.Group group : t.groups()) {
        int gw = 0;
        for (int c = col; c < col + group.span() && c < w.length; c++) {
          gw += w[c];
        }
        col += group.span();
        g.append(pad(center(group.label(), gw), gw));
        u.append(" ").append("-".repeat(Math.max(1, gw - 2))).append(" ");
      }
      lines.add(g.toString().stripTrailing());
      lines.add(u.toString().stripTrailing());
    }
    int headerLines = t.headers().stream().mapToInt(List::size).max().orElse(0);
    for (int i = 0; i < headerLines; i++) {
      StringBuilder h = new StringBuilder();
      boolean labelLine = t.boxed() ? i == headerLines - 1 : i == Math.max(0, headerLines - 2);
      h.append(pad(labelLine ? t.labelHeader() : "", labelWidth));
      for (int c = 0; c < t.headers().size(); c++) {
        List<String> col = t.headers().get(c);
        int offset = headerLines - col.size();
        String text = i >= offset ? col.get(i - offset) : "";
        h.append(leftPad(text + " ", w[c + 1]));
      }
      lines.add(h.toString().stripTrailing());
    }
    if (t.boxed()) {
      lines.add(dash);
    } else if (headerLines > 0) {
      lines.add("");
    }
    for (Row row : t.rows()) {
      switch (row) {
        case Row.Heading h -> lines.addAll(textLine(h.text()));
        case Row.Blank b -> lines.add("");
        case Row.Rule r -> {
          StringBuilder sb = new StringBuilder(" ".repeat(labelWidth));
          for (int c = 0; c < cols; c++) {
            sb.append(" ").append(String.valueOf(r.ch()).repeat(w[c + 1] - 1));
          }
          lines.add(sb.toString());
        }
        case Row.Values v -> values(v, w, facts, lines);
      }
    }
    if (t.boxed()) {
      lines.add(dash);
    }
    return lines;
  }

  private static void values(Row.Values v, int[] w, FactSet facts, List<String> lines) {
    int labelWidth = w[0];
    String indent = " ".repeat(v.indent());
    List<String> labelLines = wrap(v.label(), labelWidth - 1 - v.indent());
    for (int i = 0; i < labelLines.size() - 1; i++) {
      lines.add(indent + (i == 0 ? "" : " ") + labelLines.get(i));
    }
    String last = indent + (labelLines.size() > 1 ? " " : "") + labelLines.get(labelLines.size() - 1);
    StringBuilder sb = new StringBuilder(pad(last, labelWidth));
    if (last.length() >= labelWidth) {
      sb = new StringBuilder(last).append(' ');
    }
    for (int c = 0; c < v.cells().size(); c++) {
      Cell cell = v.cells().get(c);
      String text = Formats.text(cell, facts);
      String body = text.endsWith(")") ? text : text + " ";
      int cw = c + 1 < w.length ? w[c + 1] : w[w.length - 1];
      int room = cw - (cell.dollar() ? 2 : 1);
      String padded = body.length() >= room ? body : " ".repeat(room - body.length()) + body;
      sb.append(' ').append(cell.dollar() ? "$" : "").append(padded);
    }
    lines.add(sb.toString().stripTrailing());
  }

  /** Wraps a label at word boundaries to {@code width} columns. */
  /**
   * A table more than a fifth wider than the page (a project's schedule of eight years and a total)
   * printed as blocks of its columns one under the other, as EDGAR text exhibits continue a wide
   * table: each block with the label column and as many columns as keep it within the page, the
   * title repeated with "(continued)". A table with column groups or boxed (a reserve table, whose
   * columns belong together) is kept whole, and so is one whose blocks would hold a single column.
   */
  static List<Table> columnBlocks(Table t, FactSet facts) {
    int[] w = widths(t, facts);
    int total = java.util.Arrays.stream(w).sum();
    if (total * 5 <= PAGE_WIDTH * 6 || !t.groups().isEmpty() || t.boxed() || t.headers().isEmpty()) {
      return List.of(t);
    }
    int cols = w.length - 1;
    List<int[]> ranges = new ArrayList<>();
    int from = 0;
    while (from < cols) {
      int width = w[0];
      int to = from;
      while (to < cols && (to == from || width + w[to + 1] <= PAGE_WIDTH)) {
        width += w[to + 1];
        to++;
      }
      ranges.add(new int[] {from, to});
      from = to;
    }
    if (ranges.size() < 2 || ranges.stream().anyMatch(r -> r[1] - r[0] < 2)) {
      return List.of(t);
    }
    List<Table> out = new ArrayList<>();
    for (int i = 0; i < ranges.size(); i++) {
      int a = ranges.get(i)[0];
      int b = ranges.get(i)[1];
      List<String> titles = new ArrayList<>(t.titleLines());
      if (i > 0) {
        titles.add("(continued)");
      }
      List<Row> rows = new ArrayList<>();
      for (Row r : t.rows()) {
        if (r instanceof Row.Values v) {
          List<Cell> cells = v.cells().subList(Math.min(a, v.cells().size()), Math.min(b, v.cells().size()));
          rows.add(new Row.Values(v.label(), v.indent(), cells));
        } else {
          rows.add(r);
        }
      }
      out.add(new Table(t.id(), titles, List.of(), t.headers().subList(Math.min(a, t.headers().size()),
          Math.min(b, t.headers().size())), t.labelHeader(), rows, t.labelWidth(), t.cellWidth(), false));
    }
    return out;
  }

  /** A footnote or bullet marker a wrapped line hangs its continuation under: "(1) ", "-- ", "* ". */
  private static final java.util.regex.Pattern MARKER = java.util.regex.Pattern.compile("^(\\s*)(\\(\\w{1,3}\\)|--|\\*|-)?\\s*");

  /**
   * A line of running text within {@link #PAGE_WIDTH} columns: a longer one is wrapped at word
   * boundaries, its continuation indented like its first line, or hung under the text after a
   * footnote or bullet marker. A word longer than the page stays whole.
   */
  static List<String> textLine(String line) {
    if (line.length() <= PAGE_WIDTH) {
      return List.of(line);
    }
    java.util.regex.Matcher m = MARKER.matcher(line);
    m.find();
    String lead = line.substring(0, m.end());
    String hang = " ".repeat(lead.length());
    List<String> out = new ArrayList<>();
    for (String l : wrap(line.substring(m.end()).strip(), PAGE_WIDTH - lead.length())) {
      out.add((out.isEmpty() ? lead : hang) + l);
    }
    return out;
  }

  static List<String> wrap(String label, int width) {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : label.split(" ")) {
      if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
        out.add(line.toString());
        line = new StringBuilder();
      }
      if (!line.isEmpty()) {
        line.append(' ');
      }
      line.append(word);
    }
    out.add(line.toString());
    return out;
  }

  static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  static String leftPad(String s, int width) {
    return s.length() >= width ? " " + s : " ".repeat(width - s.length()) + s;
  }

  static String center(String s, int width) {
    int left = Math.max(0, (width - s.length()) / 2);
    return " ".repeat(left) + s;
  }
}

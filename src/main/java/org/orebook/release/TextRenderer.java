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
          case Section.TextBlock t -> t.lines().forEach(l -> out.append(l).append('\n'));
          case Section.TableBlock t -> table(t.table(), release.facts()).forEach(l -> out.append(l).append('\n'));
        }
      }
    }
    return out.toString();
  }

  /** The lines of one table. */
  public static List<String> table(Table t, FactSet facts) {
    List<String> lines = new ArrayList<>();
    int cols = t.headers().size();
    int width = t.labelWidth() + cols * t.cellWidth();
    for (String title : t.titleLines()) {
      lines.add(center(title, width));
    }
    if (!t.titleLines().isEmpty()) {
      lines.add("");
    }
    String dash = "- " + "-".repeat(Math.max(10, width - 2));
    if (t.boxed()) {
      lines.add(dash);
    }
    if (!t.groups().isEmpty()) {
      StringBuilder g = new StringBuilder(" ".repeat(t.labelWidth()));
      StringBuilder u = new StringBuilder(" ".repeat(t.labelWidth()));
      for (Table.Group group : t.groups()) {
        int w = group.span() * t.cellWidth();
        g.append(group.label().length() >= w - 1 ? " " + group.label() : pad(center(group.label(), w), w));
        u.append(" ").append("-".repeat(w - 2)).append(" ");
      }
      lines.add(g.toString().stripTrailing());
      lines.add(u.toString().stripTrailing());
    }
    int headerLines = t.headers().stream().mapToInt(List::size).max().orElse(0);
    for (int i = 0; i < headerLines; i++) {
      String label = i == headerLines - 1 || (headerLines > 1 && i == headerLines - 2 && !t.boxed()) ? "" : "";
      StringBuilder h = new StringBuilder();
      boolean labelLine = t.boxed() ? i == headerLines - 1 : i == Math.max(0, headerLines - 2);
      h.append(pad(labelLine ? t.labelHeader() : label, t.labelWidth()));
      for (List<String> col : t.headers()) {
        int offset = headerLines - col.size();
        String text = i >= offset ? col.get(i - offset) : "";
        h.append(leftPad(text + " ", t.cellWidth()));
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
        case Row.Heading h -> lines.add(h.text());
        case Row.Blank b -> lines.add("");
        case Row.Rule r -> {
          StringBuilder sb = new StringBuilder(" ".repeat(t.labelWidth()));
          for (int c = 0; c < cols; c++) {
            sb.append(" ").append(String.valueOf(r.ch()).repeat(t.cellWidth() - 1));
          }
          lines.add(sb.toString());
        }
        case Row.Values v -> values(t, v, facts, lines);
      }
    }
    if (t.boxed()) {
      lines.add(dash);
    }
    return lines;
  }

  private static void values(Table t, Row.Values v, FactSet facts, List<String> lines) {
    String indent = " ".repeat(v.indent());
    List<String> labelLines = wrap(v.label(), t.labelWidth() - 1 - v.indent());
    for (int i = 0; i < labelLines.size() - 1; i++) {
      lines.add(indent + (i == 0 ? "" : " ") + labelLines.get(i));
    }
    String last = indent + (labelLines.size() > 1 ? " " : "") + labelLines.get(labelLines.size() - 1);
    StringBuilder sb = new StringBuilder(pad(last, t.labelWidth()));
    if (last.length() >= t.labelWidth()) {
      sb = new StringBuilder(last).append(' ');
    }
    for (Cell c : v.cells()) {
      String text = Formats.text(c, facts);
      String body = text.endsWith(")") ? text : text + " ";
      int room = t.cellWidth() - (c.dollar() ? 2 : 1);
      String padded = body.length() >= room ? body : " ".repeat(room - body.length()) + body;
      sb.append(' ').append(c.dollar() ? "$" : "").append(padded);
    }
    lines.add(sb.toString().stripTrailing());
  }

  /** Wraps a label at word boundaries to {@code width} columns. */
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

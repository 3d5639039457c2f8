package org.orebook.edgar;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Reads an HTML document (an EDGAR exhibit as filing agents write it) with jsoup: every {@code <table>}
 * that holds no other table becomes a {@link Grid} (spans resolved, borders, indentation, superscript
 * footnote markers and source positions kept), a table holding others is layout and its cells are
 * read as blocks of text; {@code <pre>} text is read as a plain-text document; the blocks of text
 * between tables are the running text, and the short ones just above a table are its title lines.
 */
final class HtmlDocument {
  private static final Set<String> BLOCKS = Set.of("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "td",
      "th", "tr", "table", "blockquote", "center", "section", "article", "dd", "dt", "dl", "br", "hr", "body", "header",
      "footer", "font");
  private static final Pattern LENGTH = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s*(pt|px|em|in|%|)");

  private HtmlDocument() {}

  /** An item of the document in order: a block of text, or a table's grid. */
  private sealed interface Item permits Block, GridItem {}

  private record Block(Prose.Paragraph paragraph, int line) implements Item {}

  private record GridItem(Grid grid) implements Item {}

  /**
   * Reads {@code file.substring(start, end)} as HTML.
   *
   * @param lineOffset lines of the file before {@code start}
   */
  static ReleaseReader.Part read(String file, int start, int end, int lineOffset) throws UnreadableReleaseException {
    String html = file.substring(start, end);
    Parser parser = Parser.htmlParser().setTrackPosition(true);
    Document doc = parser.parseInput(html, "");
    Map<Element, Integer> tableNumbers = new HashMap<>();
    int t = 0;
    for (Element e : doc.getElementsByTag("table")) {
      tableNumbers.put(e, ++t);
    }
    Walker w = new Walker(file, start, lineOffset, tableNumbers);
    NodeTraversor.filter(w, doc.body() == null ? doc : doc.body());
    w.flush();
    // the grids' titles: the short blocks just above each, back to the previous table
    List<ReleaseReader.Draft> drafts = new ArrayList<>(w.drafts);
    List<Prose.Paragraph> paragraphs = new ArrayList<>(w.paragraphs);
    for (int i = 0; i < w.items.size(); i++) {
      if (!(w.items.get(i) instanceof GridItem gi)) {
        continue;
      }
      Grid g = gi.grid();
      List<String> above = new ArrayList<>();
      for (int j = i - 1; j >= 0 && above.size() < 5; j--) {
        if (!(w.items.get(j) instanceof Block b)) {
          break;
        }
        String text = b.paragraph().text();
        if (!shortTitle(text)) {
          if (above.isEmpty()) {
            g.context = text;
          }
          break;
        }
        above.add(0, text);
      }
      // a table with a caption has its own title: the short blocks above it belong to what precedes it
      // (a section heading, the last lines of a section without a table)
      if (!g.captioned) {
        g.titles.addAll(0, above);
      }
      List<ReleaseReader.Draft> ds = GridTables.drafts(g);
      if (ds.isEmpty()) {
        // a table of text (bullets, a letter in a layout table): running text
        for (Grid.Row r : g.rows) {
          StringBuilder sb = new StringBuilder();
          for (Grid.Cell c : r.cells()) {
            if (!c.text().isEmpty()) {
              sb.append(sb.isEmpty() ? "" : " ").append(c.text());
            }
          }
          if (!sb.isEmpty()) {
            paragraphs.add(Prose.Paragraph.of(sb.toString(), r.line()));
          }
        }
      }
      drafts.addAll(ds);
    }
    drafts.sort(java.util.Comparator.comparingInt(ReleaseReader.Draft::firstLine));
    paragraphs.sort(java.util.Comparator.comparingInt(p -> p.lines().length == 0 ? 0 : p.lines()[0]));
    return new ReleaseReader.Part(GridTables.join(drafts), paragraphs, doc.text(), w.notes);
  }

  private static boolean shortTitle(String t) {
    return Titles.titleLike(t, 120);
  }

  /** Walks the document once, in order. */
  private static final class Walker implements NodeFilter {
    final String file;
    final int start;
    final int lineOffset;
    final Map<Element, Integer> tableNumbers;
    final List<Item> items = new ArrayList<>();
    final List<Prose.Paragraph> paragraphs = new ArrayList<>();
    final List<ReleaseReader.Draft> drafts = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final StringBuilder text = new StringBuilder();
    final List<Integer> lines = new ArrayList<>();

    Walker(String file, int start, int lineOffset, Map<Element, Integer> tableNumbers) {
      this.file = file;
      this.start = start;
      this.lineOffset = lineOffset;
      this.tableNumbers = tableNumbers;
    }

    @Override
    public FilterResult head(Node node, int depth) {
      if (node instanceof TextNode tn) {
        append(tn);
        return FilterResult.CONTINUE;
      }
      if (!(node instanceof Element e)) {
        return FilterResult.CONTINUE;
      }
      String tag = e.normalName();
      switch (tag) {
        case "script", "style", "head", "title", "xml" -> {
          return FilterResult.SKIP_ENTIRELY;
        }
        case "table" -> {
          if (e.getElementsByTag("table").size() > 1) {
            flush();
            return FilterResult.CONTINUE; // layout: its cells are blocks
          }
          flush();
          items.add(new GridItem(grid(e)));
          return FilterResult.SKIP_ENTIRELY;
        }
        case "pre" -> {
          flush();
          pre(e);
          return FilterResult.SKIP_ENTIRELY;
        }
        default -> {
          if (BLOCKS.contains(tag)) {
            flush();
          }
          return FilterResult.CONTINUE;
        }
      }
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
        flush();
      }
      return FilterResult.CONTINUE;
    }

    private void append(TextNode tn) {
      String s = tn.getWholeText();
      int line = lineOf(tn);
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '\n') {
          line++;
        }
        if (Character.isWhitespace(c) || c == '\u00a0') {
          if (!text.isEmpty() && text.charAt(text.length() - 1) != ' ') {
            text.append(' ');
            lines.add(line);
          }
        } else {
          text.append(c);
          lines.add(line);
        }
      }
    }

    private int lineOf(Node n) {
      int l = n.sourceRange().start().lineNumber();
      return lineOffset + Math.max(1, l);
    }

    void flush() {
      int len = text.length();
      while (len > 0 && text.charAt(len - 1) == ' ') {
        len--;
      }
      if (len > 0) {
        String s = text.substring(0, len);
        int[] l = new int[len];
        for (int i = 0; i < len; i++) {
          l[i] = lines.get(i);
        }
        Prose.Paragraph p = new Prose.Paragraph(s, l);
        paragraphs.add(p);
        items.add(new Block(p, l[0]));
      }
      text.setLength(0);
      lines.clear();
    }

    /** Preformatted text: a plain-text document inside the HTML. */
    private void pre(Element e) {
      String body = e.wholeText();
      if (body.isBlank()) {
        return;
      }
      // the text starts after the <pre> tag; a newline right after it is not part of the text
      int tagEnd = e.sourceRange().isTracked() ? e.sourceRange().end().pos() : -1;
      int firstLine = e.sourceRange().end().lineNumber();
      String raw = body;
      int skip = 0;
      if (raw.startsWith("\n")) {
        raw = raw.substring(1);
        firstLine++;
        skip = 1;
      }
      // character offsets hold when the source is the text itself (no entities or tags inside)
      int textStart = tagEnd < 0 ? -1 : start + tagEnd + skip;
      boolean exact = textStart >= 0 && file.startsWith(raw, textStart);
      try {
        ReleaseReader.Part part = TextDocument.read(raw, lineOffset + firstLine - 1, exact ? textStart : TextDocument.NO_OFFSET,
            false, file);
        drafts.addAll(part.drafts());
        paragraphs.addAll(part.paragraphs());
      } catch (UnreadableReleaseException ex) {
        notes.add("a <pre> block at line " + (lineOffset + firstLine) + " was not read: " + ex.getMessage());
      }
    }
    // ---------------------------------------------------------------- tables

    private Grid grid(Element table) {
      int number = tableNumbers.getOrDefault(table, 0);
      Grid g = new Grid(file, lineOf(table));
      List<Element> trs = new ArrayList<>();
      // rows of a <thead> before any other row are the table's headings, whatever they hold ("(100%)")
      int headRows = 0;
      for (Element child : table.children()) {
        String tag = child.normalName();
        if (tag.equals("tr")) {
          trs.add(child);
        } else if (tag.equals("tbody") || tag.equals("thead") || tag.equals("tfoot")) {
          for (Element tr : child.children()) {
            if (tr.normalName().equals("tr")) {
              trs.add(tr);
              if (tag.equals("thead") && headRows == trs.size() - 1) {
                headRows++;
              }
            }
          }
        } else if (tag.equals("caption")) {
          g.titles.addAll(captionLines(child));
          g.captioned = !g.titles.isEmpty();
        }
      }
      if (headRows > 0) {
        g.headerRows = headRows;
      }
      int[] occupied = new int[8];
      int rowNo = 0;
      for (Element tr : trs) {
        rowNo++;
        List<Grid.Cell> cells = new ArrayList<>();
        int col = 0;
        int cellNo = 0;
        int rowLine = lineOf(tr);
        for (Element td : tr.children()) {
          String tag = td.normalName();
          if (!tag.equals("td") && !tag.equals("th")) {
            continue;
          }
          cellNo++;
          while (col < occupied.length && occupied[col] > 0) {
            col++;
          }
          int span = clamp(td.attr("colspan"));
          int rowspan = clamp(td.attr("rowspan"));
          if (col + span > occupied.length) {
            occupied = java.util.Arrays.copyOf(occupied, Math.max(occupied.length * 2, col + span + 1));
          }
          if (rowspan > 1) {
            for (int k = col; k < col + span; k++) {
              occupied[k] = Math.max(occupied[k], rowspan);
            }
          }
          cells.add(cell(td, col, span, number, rowNo, cellNo));
          col += span;
          if (cells.size() > 2_000) {
            break;
          }
        }
        for (int k = 0; k < occupied.length; k++) {
          if (occupied[k] > 0) {
            occupied[k]--;
          }
        }
        g.rows.add(new Grid.Row(cells, rowLine));
        g.lastLine = rowLine;
      }
      return g;
    }

    /** A {@code <caption>}'s lines (broken at {@code <br>}), as title lines above the table. */
    private static List<String> captionLines(Element caption) {
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      NodeTraversor.traverse(new org.jsoup.select.NodeVisitor() {
        @Override
        public void head(Node n, int depth) {
          if (n instanceof TextNode tn) {
            line.append(tn.getWholeText());
          } else if (n instanceof Element e && (e.normalName().equals("br") || BLOCKS.contains(e.normalName()))) {
            lines.add(line.toString());
            line.setLength(0);
          }
        }
      }, caption);
      lines.add(line.toString());
      return lines.stream().map(l -> l.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip()).filter(l -> !l.isEmpty())
          .toList();
    }

    private static int clamp(String attr) {
      if (attr.isEmpty()) {
        return 1;
      }
      try {
        int v = Integer.parseInt(attr.trim());
        return Math.max(1, Math.min(v, 100));
      } catch (NumberFormatException e) {
        return 1;
      }
    }

    private Grid.Cell cell(Element td, int col, int span, int table, int row, int cellNo) {
      StringBuilder text = new StringBuilder();
      StringBuilder note = new StringBuilder();
      boolean[] hr = {false};
      NodeTraversor.traverse(new org.jsoup.select.NodeVisitor() {
        @Override
        public void head(Node n, int depth) {
          if (n instanceof TextNode tn) {
            boolean sup = false;
            for (Node p = tn.parent(); p != null && p != td; p = p.parent()) {
              if (p instanceof Element pe && (pe.normalName().equals("sup")
                  || pe.attr("style").toLowerCase(Locale.ROOT).contains("vertical-align:super")
                  || pe.attr("style").toLowerCase(Locale.ROOT).contains("vertical-align: super"))) {
                sup = true;
                break;
              }
            }
            String s = tn.getWholeText().replace('\u00a0', ' ');
            if (sup && s.trim().length() <= 6 && !s.isBlank()) {
              note.append(s.trim().replaceAll("^\\(|\\)$", ""));
            } else {
              text.append(s);
            }
          } else if (n instanceof Element e) {
            if (e.normalName().equals("hr")) {
              hr[0] = true;
            } else if (e.normalName().equals("br") || BLOCKS.contains(e.normalName())) {
              text.append(' ');
            }
          }
        }

        @Override
        public void tail(Node n, int depth) {}
      }, td);
      String raw = text.toString();
      int lead = 0;
      while (lead < raw.length() && raw.charAt(lead) == ' ') {
        lead++;
      }
      String t = raw.replaceAll("\\s+", " ").trim();
      if (t.isEmpty() && hr[0]) {
        t = "----";
      }
      int indent = indent(td) + (t.isEmpty() ? 0 : Math.min(lead, 12));
      String style = styleOf(td);
      boolean above = border(style, "top") != ' ';
      char below = border(style, "bottom");
      int line = lineOf(td);
      int from = td.sourceRange().isTracked() ? td.sourceRange().end().pos() : -1;
      int to = td.endSourceRange().isTracked() ? td.endSourceRange().start().pos() : -1;
      if (to < 0 && from >= 0) {
        to = Math.min(from + 4000, file.length() - start);
      }
      Position at = new Position(line, -1, 0, table, row, cellNo);
      return new Grid.Cell(t, note.toString(), col, span, indent, above, below, at, from < 0 ? -1 : start + from,
          to < 0 ? -1 : start + to);
    }

    /** The style of a cell and of the single block inside it (agents put padding on either). */
    private static String styleOf(Element td) {
      StringBuilder s = new StringBuilder(td.attr("style"));
      Element inner = td.children().size() == 1 ? td.child(0) : null;
      if (inner != null && BLOCKS.contains(inner.normalName())) {
        s.append(';').append(inner.attr("style"));
      }
      return s.toString().toLowerCase(Locale.ROOT);
    }

    /** Left padding, margin and text indent of a cell, in steps of about a character (5 points). */
    private static int indent(Element td) {
      String s = styleOf(td);
      // a layout measure, not a figure; exact all the same (CSS lengths are decimals)
      java.math.BigDecimal points = java.math.BigDecimal.ZERO;
      for (String prop : new String[] {"padding-left", "margin-left", "text-indent"}) {
        int i = s.indexOf(prop);
        if (i < 0) {
          continue;
        }
        int colon = s.indexOf(':', i);
        if (colon < 0) {
          continue;
        }
        int semi = s.indexOf(';', colon);
        String v = s.substring(colon + 1, semi < 0 ? s.length() : semi).trim();
        Matcher m = LENGTH.matcher(v);
        if (m.find()) {
          java.math.BigDecimal x = new java.math.BigDecimal(m.group(1));
          points = points.add(switch (m.group(2)) {
            case "px" -> x.multiply(new java.math.BigDecimal("0.75"));
            case "em" -> x.multiply(java.math.BigDecimal.TEN);
            case "in" -> x.multiply(java.math.BigDecimal.valueOf(72));
            case "%" -> java.math.BigDecimal.ZERO;
            default -> x;
          });
        }
      }
      if (points.signum() <= 0) {
        return 0;
      }
      return points.divide(java.math.BigDecimal.valueOf(5), 0, java.math.RoundingMode.HALF_UP).min(java.math.BigDecimal.valueOf(1_000)).intValue();
    }

    /** The border on one side of a cell: {@code -} single, {@code =} double, or a space. */
    private static char border(String style, String side) {
      char found = ' ';
      for (String decl : style.split(";")) {
        int colon = decl.indexOf(':');
        if (colon < 0) {
          continue;
        }
        String prop = decl.substring(0, colon).trim();
        String v = decl.substring(colon + 1).trim();
        if (!(prop.equals("border-" + side) || prop.equals("border-" + side + "-style") || prop.equals("border")
            || prop.equals("border-" + side + "-width"))) {
          continue;
        }
        if (v.contains("none") || v.contains("hidden") || v.matches("0(px|pt)?\\b.*") && !v.contains("solid")
            && !v.contains("double")) {
          continue;
        }
        if (v.contains("double")) {
          found = '=';
        } else if ((v.contains("solid") || v.contains("dotted") || v.contains("dashed")
            || prop.endsWith("-width") && v.matches("[0-9.]+\\s*(px|pt).*")) && found != '=') {
          found = '-';
        }
      }
      return found;
    }
  }
}

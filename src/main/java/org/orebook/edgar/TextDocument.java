package org.orebook.edgar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a plain-text document (or a Markdown one): fixed-width tables with any widths and
 * indentation ({@link FixedWidthFinder}, {@link FixedWidthColumns}), blocks of pipe-separated rows
 * (Markdown and wire-service tables; in a Markdown document) and of tab-separated rows (a table
 * pasted from a spreadsheet) as grids ({@link GridTables}), and the running text between them.
 * Tabs elsewhere are expanded to 8 columns; a line that is a lone SGML tag ({@code <PAGE>}) or holds
 * a form feed is blank.
 */
final class TextDocument {
  private static final Pattern TAG_LINE = Pattern.compile("\\s*<[^>]{1,80}>\\s*");
  private static final Pattern SEPARATOR_CELL = Pattern.compile("\\s*:?-{2,}:?\\s*");
  private static final Pattern MARKUP = Pattern.compile("\\*\\*|__|(?<![\\w*])\\*(?=\\S)|(?<=\\S)\\*(?![\\w*])|\\\\(?=[^\\w\\s])");

  /** A character offset meaning the text's positions in the file are not known (lines still are). */
  static final int NO_OFFSET = Integer.MIN_VALUE / 2;

  private TextDocument() {}

  /**
   * One text document (or the text of one EDGAR document, or of an HTML {@code <pre>}).
   *
   * @param text the document's text
   * @param lineOffset lines of the file before it (its first line is line {@code lineOffset + 1})
   * @param charOffset characters of the file before it
   * @param markdown true to read pipe tables and strip Markdown emphasis from the running text
   * @param file the whole file the offsets point into
   */
  static ReleaseReader.Part read(String text, int lineOffset, int charOffset, boolean markdown, String file)
      throws UnreadableReleaseException {
    List<String> raw = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    int from = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        raw.add(text.substring(from, i));
        starts.add(from);
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        from = i + 1;
        if (raw.size() > ReleaseReader.MAX_LINES) {
          throw new UnreadableReleaseException("more than " + ReleaseReader.MAX_LINES + " lines: more than a release can hold");
        }
      }
    }
    raw.add(text.substring(from));
    starts.add(from);
    int count = raw.size();
    boolean[] consumed = new boolean[count];
    List<ReleaseReader.Draft> drafts = new ArrayList<>();
    List<Grid> grids = new ArrayList<>();
    String source = file;
    if (markdown) {
      grids.addAll(pipeBlocks(raw, starts, lineOffset, charOffset, source, consumed));
    }
    grids.addAll(tabBlocks(raw, starts, lineOffset, charOffset, source, consumed));
    ScannedLine[] lines = new ScannedLine[count];
    boolean[] tabbed = new boolean[count];
    boolean[] heading = new boolean[count];
    if (markdown) {
      for (int i = 0; i < count; i++) {
        String t = raw.get(i).trim();
        heading[i] = !consumed[i] && (t.startsWith("#") || t.length() > 4 && (t.startsWith("**") && t.endsWith("**")
            || t.startsWith("__") && t.endsWith("__")));
      }
    }
    java.util.stream.IntStream range = java.util.stream.IntStream.range(0, count);
    (count > 20_000 ? range.parallel() : range).forEach(i -> {
      String l = raw.get(i);
      tabbed[i] = l.indexOf('\t') >= 0;
      l = expandTabs(l);
      if (consumed[i] || (l.indexOf('<') >= 0 && TAG_LINE.matcher(l).matches()) || l.indexOf('\f') >= 0) {
        l = "";
      } else if (markdown) {
        l = stripMarkup(l);
      }
      lines[i] = ScannedLine.scan(lineOffset + i + 1, l);
    });
    for (Grid g : grids) {
      titlesAbove(g, lines, lineOffset);
      if (g.titles.isEmpty() && markdown) {
        headingAbove(g, lines, heading, consumed, lineOffset);
      }
    }
    for (FixedWidthFinder.Region r : new FixedWidthFinder(lines).find()) {
      drafts.add(new FixedWidthDraft(r, lines, starts, tabbed, lineOffset, charOffset));
    }
    for (Grid g : grids) {
      drafts.addAll(GridTables.drafts(g));
    }
    drafts.sort(java.util.Comparator.comparingInt(ReleaseReader.Draft::firstLine));
    List<Prose.Paragraph> paragraphs = Prose.paragraphs(java.util.Arrays.asList(lines));
    return new ReleaseReader.Part(drafts, paragraphs, text, List.of());
  }

  static String expandTabs(String s) {
    if (s.indexOf('\t') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\t') {
        do {
          sb.append(' ');
        } while (sb.length() % 8 != 0);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Markdown emphasis and headings removed from a line of running text ({@code ## **Highlights**}). */
  static String stripMarkup(String line) {
    String l = line;
    String t = l.stripLeading();
    if (t.startsWith("#")) {
      int k = 0;
      while (k < t.length() && t.charAt(k) == '#') {
        k++;
      }
      l = t.substring(k).trim();
    }
    if (l.indexOf('*') < 0 && l.indexOf('_') < 0 && l.indexOf('\\') < 0) {
      return l;
    }
    return MARKUP.matcher(l).replaceAll("");
  }

  // ------------------------------------------------------------------ pipe-separated blocks

  static boolean pipeRow(String line) {
    String t = line.trim();
    if (t.indexOf('|') < 0 || t.length() < 3) {
      return false;
    }
    int pipes = 0;
    for (int i = 0; i < t.length(); i++) {
      if (t.charAt(i) == '|' && (i == 0 || t.charAt(i - 1) != '\\')) {
        pipes++;
      }
    }
    return t.startsWith("|") ? pipes >= 2 : pipes >= 1 && t.indexOf('|') > 0 && t.indexOf('|') < t.length() - 1;
  }

  private static List<Grid> pipeBlocks(List<String> raw, List<Integer> starts, int lineOffset, int charOffset, String source,
      boolean[] consumed) {
    List<Grid> out = new ArrayList<>();
    int i = 0;
    while (i < raw.size()) {
      if (!pipeRow(raw.get(i))) {
        i++;
        continue;
      }
      int j = i;
      while (j < raw.size() && pipeRow(raw.get(j))) {
        j++;
      }
      if (j - i >= 2) {
        Grid g = new Grid(source, lineOffset + i + 1);
        int header = -1;
        for (int k = i; k < j; k++) {
          List<Grid.Cell> cells = pipeCells(raw.get(k), starts.get(k) + charOffset, lineOffset + k + 1);
          if (!cells.isEmpty() && cells.stream().allMatch(c -> SEPARATOR_CELL.matcher(c.text()).matches())) {
            if (header < 0) {
              header = g.rows.size();
            }
            continue;
          }
          g.rows.add(new Grid.Row(cells, lineOffset + k + 1));
          consumed[k] = true;
        }
        for (int k = i; k < j; k++) {
          consumed[k] = true;
        }
        g.headerRows = header;
        g.lastLine = lineOffset + j;
        out.add(g);
      }
      i = j;
    }
    return out;
  }

  /** The cells of a pipe row; a leading and a trailing pipe delimit, they add no cell. */
  static List<Grid.Cell> pipeCells(String line, int lineStart, int lineNumber) {
    List<int[]> spans = new ArrayList<>();
    int s = 0;
    for (int i = 0; i <= line.length(); i++) {
      if (i == line.length() || (line.charAt(i) == '|' && (i == 0 || line.charAt(i - 1) != '\\'))) {
        spans.add(new int[] {s, i});
        s = i + 1;
      }
    }
    if (!spans.isEmpty() && line.substring(spans.get(0)[0], spans.get(0)[1]).isBlank() && line.stripLeading().startsWith("|")) {
      spans.remove(0);
    }
    if (!spans.isEmpty() && line.substring(spans.get(spans.size() - 1)[0], spans.get(spans.size() - 1)[1]).isBlank()
        && line.stripTrailing().endsWith("|")) {
      spans.remove(spans.size() - 1);
    }
    List<Grid.Cell> out = new ArrayList<>();
    for (int c = 0; c < spans.size(); c++) {
      int[] sp = spans.get(c);
      String content = line.substring(sp[0], sp[1]);
      out.add(cell(content, c, lineStart + sp[0], lineStart + sp[1], lineNumber));
    }
    return out;
  }

  private static Grid.Cell cell(String content, int col, int start, int end, int lineNumber) {
    int indent = 0;
    String c = content.replace("\\|", "|");
    int lead = 0;
    while (lead < c.length() && c.charAt(lead) == ' ') {
      lead++;
    }
    String t = c.trim();
    int nbsp = 0;
    while (t.startsWith("&nbsp;") || t.startsWith("\u00a0")) {
      t = t.startsWith("&nbsp;") ? t.substring(6) : t.substring(1);
      nbsp++;
    }
    indent = Math.max(0, lead - 1) + nbsp * 2;
    t = t.replace("&nbsp;", " ").replace("\u00a0", " ").replace("&amp;", "&").replace("&#36;", "$");
    String note = "";
    java.util.regex.Matcher sup = Pattern.compile("<sup>([^<]{1,8})</sup>|\\^\\(?([0-9a-z*\u2020]{1,3})\\)?\\^?$").matcher(t);
    if (sup.find()) {
      note = sup.group(1) != null ? sup.group(1) : sup.group(2);
      t = (t.substring(0, sup.start()) + t.substring(sup.end()));
    }
    t = t.replaceAll("<[^>]{0,40}>", " ");
    t = MARKUP.matcher(t).replaceAll("").replaceAll("\\s+", " ").trim();
    return new Grid.Cell(t, note, col, 1, indent, false, ' ', Position.line(lineNumber), start, end);
  }

  // ------------------------------------------------------------------ tab-separated blocks

  /** A line of tab-separated fields whose later fields hold a figure. */
  private static boolean tabRow(String line) {
    if (line.indexOf('\t') < 0) {
      return false;
    }
    String[] f = line.split("\t", -1);
    if (f.length < 2) {
      return false;
    }
    for (int k = 1; k < f.length; k++) {
      String t = f[k].trim();
      if (!t.isEmpty() && (NumberToken.parse(t.replace(" ", ""), 0) != null || NumberToken.parse(t, 0) != null)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Blocks of tab-separated rows: every row with the same number of fields (a table pasted from a
   * spreadsheet). Tabs used to align a fixed-width layout give rows of varying field counts; those
   * blocks are left to the fixed-width reader.
   */
  private static List<Grid> tabBlocks(List<String> raw, List<Integer> starts, int lineOffset, int charOffset, String source,
      boolean[] consumed) {
    List<Grid> out = new ArrayList<>();
    int i = 0;
    while (i < raw.size()) {
      if (consumed[i] || !tabRow(raw.get(i))) {
        i++;
        continue;
      }
      // extend over tab rows, and heading or label lines between them; a blank line ends the block
      int j = i;
      int lastTab = i;
      while (j < raw.size() && !consumed[j]) {
        String l = raw.get(j);
        if (tabRow(l)) {
          lastTab = j;
        } else if (l.isBlank() || (l.indexOf('\t') < 0 && l.trim().length() > 80)) {
          break;
        }
        j++;
      }
      // heading lines with tabs just above (years, period words)
      int s = i;
      while (s - 1 >= 0 && !consumed[s - 1] && raw.get(s - 1).indexOf('\t') >= 0 && !raw.get(s - 1).isBlank()) {
        s--;
      }
      int fields = -1;
      boolean regular = true;
      int tabRows = 0;
      for (int k = s; k <= lastTab; k++) {
        String l = raw.get(k);
        if (tabRow(l)) {
          tabRows++;
          int f = stripTrailingEmpty(l.split("\t", -1));
          if (fields < 0) {
            fields = f;
          } else if (Math.abs(fields - f) > 0) {
            regular = false;
          }
        }
      }
      if (regular && tabRows >= 2) {
        Grid g = new Grid(source, lineOffset + s + 1);
        for (int k = s; k <= lastTab; k++) {
          String l = raw.get(k);
          List<Grid.Cell> cells = new ArrayList<>();
          int pos = 0;
          int col = 0;
          for (String f : l.split("\t", -1)) {
            cells.add(cell(f, col++, starts.get(k) + charOffset + pos, starts.get(k) + charOffset + pos + f.length(),
                lineOffset + k + 1));
            pos += f.length() + 1;
          }
          if (!l.isBlank()) {
            g.rows.add(new Grid.Row(cells, lineOffset + k + 1));
          }
          consumed[k] = true;
        }
        g.lastLine = lineOffset + lastTab + 1;
        out.add(g);
      }
      i = lastTab + 1;
    }
    return out;
  }

  private static int stripTrailingEmpty(String[] f) {
    int n = f.length;
    while (n > 1 && f[n - 1].isBlank()) {
      n--;
    }
    return n;
  }

  // ------------------------------------------------------------------ titles of grids

  /**
   * The title lines of a grid: the short lines of text just above it (a blank line between allowed),
   * or the sentence introducing it as its context.
   */
  private static void titlesAbove(Grid g, ScannedLine[] lines, int lineOffset) {
    int i = g.firstLine - lineOffset - 2;
    int blanks = 0;
    List<String> above = new ArrayList<>();
    while (i >= 0 && above.size() < 5) {
      ScannedLine l = lines[i];
      if (l.kind() == ScannedLine.Kind.BLANK) {
        if (!above.isEmpty() || ++blanks > 1) {
          if (!above.isEmpty() && i - 1 >= 0 && lines[i - 1].kind() == ScannedLine.Kind.TEXT && above.size() < 3
              && shortTitle(lines[i - 1].text())) {
            i--;
            continue;
          }
          if (i - 1 >= 0 && lines[i - 1].kind() == ScannedLine.Kind.TEXT && g.context.isEmpty()) {
            g.context = paragraphEndingAt(lines, i - 1);
          }
          break;
        }
        i--;
        continue;
      }
      if (l.kind() != ScannedLine.Kind.TEXT) {
        break;
      }
      String t = l.text().trim();
      if (!shortTitle(t)) {
        g.context = paragraphEndingAt(lines, i);
        break;
      }
      above.add(0, t);
      i--;
    }
    g.titles.addAll(0, above);
  }

  /** A Markdown heading (a bold line, a # heading) a few lines above a table without a title: its name. */
  private static void headingAbove(Grid g, ScannedLine[] lines, boolean[] heading, boolean[] consumed, int lineOffset) {
    for (int i = g.firstLine - lineOffset - 2, k = 0; i >= 0 && k < 12; i--, k++) {
      if (consumed[i]) {
        return; // another table
      }
      if (heading[i]) {
        g.titles.add(lines[i].text().trim());
        return;
      }
    }
  }

  /** The paragraph of text lines ending at line {@code end}, joined. */
  private static String paragraphEndingAt(ScannedLine[] lines, int end) {
    List<String> para = new ArrayList<>();
    for (int j = end; j >= 0 && lines[j].kind() == ScannedLine.Kind.TEXT && para.size() < 8; j--) {
      para.add(0, lines[j].text().trim());
    }
    return String.join(" ", para);
  }

  private static boolean shortTitle(String t) {
    return Titles.titleLike(t, 100) && !t.trim().toLowerCase(Locale.ROOT).startsWith("(1)");
  }

  /** A fixed-width table before its columns and rows are worked out. */
  static final class FixedWidthDraft implements ReleaseReader.Draft {
    final FixedWidthFinder.Region region;
    final ScannedLine[] lines;
    final List<Integer> starts;
    final boolean[] tabbed;
    final int lineOffset;
    final int charOffset;
    List<int[]> clusters = List.of();

    FixedWidthDraft(FixedWidthFinder.Region region, ScannedLine[] lines, List<Integer> starts, boolean[] tabbed,
        int lineOffset, int charOffset) {
      this.region = region;
      this.lines = lines;
      this.starts = starts;
      this.tabbed = tabbed;
      this.lineOffset = lineOffset;
      this.charOffset = charOffset;
    }

    @Override
    public List<String> titles() {
      return region.titles();
    }

    @Override
    public int firstLine() {
      int idx = region.headerStart() >= 0 ? region.headerStart() : region.bodyStart();
      return lineOffset + Math.max(1, idx + 1 - region.titles().size());
    }

    @Override
    public Table build(ReleaseReader.Build b) {
      Titles.Parsed parsed = Titles.parse(region.titles(), b.company());
      List<ScannedLine> body = new ArrayList<>();
      for (int i = region.bodyStart(); i <= region.bodyEnd() && i < lines.length; i++) {
        body.add(lines[i]);
      }
      clusters = FixedWidthColumns.clusters(body);
      String stub = "";
      List<Column> columns = new ArrayList<>();
      boolean continues = false;
      if (region.headerStart() >= 0) {
        FixedWidthColumns.Header h = FixedWidthColumns.header(lines, region.headerStart(), region.headerEnd(), clusters);
        stub = h.stub();
        List<String> groups = h.group().stream().map(String::trim).toList();
        List<String> owns = h.own().stream().map(String::trim).toList();
        List<Optional<org.orebook.quantity.Period>> periods = PeriodHeadings.periods(groups, owns, b.yearEnd());
        for (int c = 0; c < clusters.size(); c++) {
          columns.add(new Column(c, groups.get(c), owns.get(c), periods.get(c)));
        }
      } else if (b.previous() != null && b.previousDraft() instanceof FixedWidthDraft pd
          && FixedWidthColumns.aligned(pd.clusters, clusters) && b.previous().columns().size() == clusters.size()) {
        continues = true;
        for (int c = 0; c < clusters.size(); c++) {
          Column p = b.previous().columns().get(c);
          columns.add(new Column(c, p.group(), p.header(), p.period()));
        }
      } else {
        for (int c = 0; c < clusters.size(); c++) {
          columns.add(new Column(c, "", "", Optional.empty()));
        }
      }
      Optional<TableUnit> unit = parsed.unit();
      if (unit.isEmpty() && TableUnit.parse(stub).isPresent()) {
        unit = TableUnit.parse(stub);
      }
      String name = parsed.name();
      if (name.isEmpty() && !stub.isEmpty() && !stub.toLowerCase(Locale.ROOT).startsWith("mine") && TableUnit.parse(stub).isEmpty()) {
        name = stub;
      }
      if (name.isEmpty() && b.previous() != null && (region.inherits() || continues)) {
        name = b.previous().name() + (region.headerStart() < 0 && !region.context().isEmpty() ? ", note" : "");
        continues = true;
      }
      if (name.isEmpty() && !region.context().isEmpty()) {
        name = Titles.fromContext(region.context());
      }
      if (name.isEmpty()) {
        name = "table at line " + (lineOffset + region.bodyStart() + 1);
      }
      List<TableRow> rows = RowAssembly.rows(bodyLines(body), columns, name);
      return new Table(name, region.titles(), unit, stub, columns, rows, firstLine(), lineOffset + region.bodyEnd() + 1,
          continues, region.headerStart() < 0 ? region.context() : "");
    }

    private List<BodyLine> bodyLines(List<ScannedLine> body) {
      List<BodyLine> out = new ArrayList<>();
      for (ScannedLine l : body) {
        int idx = l.number() - lineOffset - 1;
        switch (l.kind()) {
          case BLANK -> out.add(BodyLine.blank(l.number()));
          case RULE -> out.add(BodyLine.rule(l.number(), l.ruleChar()));
          case TEXT -> out.add(BodyLine.text(l.number(), l.text().trim(), l.indent(), true));
          case NUMBERS, YEARS -> {
            List<BodyLine.Cell> cells = new ArrayList<>();
            boolean[] used = new boolean[clusters.size()];
            for (NumberToken t : l.cells()) {
              int c = FixedWidthColumns.columnOf(t, clusters);
              if (c >= 0 && !used[c]) {
                used[c] = true;
                cells.add(new BodyLine.Cell(c, t, position(idx, l.number(), t)));
              }
            }
            String label = l.label();
            // a figure run into its label by a single space, standing in an otherwise empty column
            if (l.loose().isPresent()) {
              NumberToken t = l.loose().get();
              int c = overlapping(t);
              boolean leftOfAll = cells.stream().allMatch(x -> x.column() > c);
              if (c >= 0 && !used[c] && leftOfAll) {
                cells.add(0, new BodyLine.Cell(c, t, position(idx, l.number(), t)));
                label = l.looseLabel();
              }
            }
            out.add(BodyLine.values(l.number(), label, l.indent(), cells));
          }
        }
      }
      return out;
    }

    private int overlapping(NumberToken t) {
      for (int i = 0; i < clusters.size(); i++) {
        int[] c = clusters.get(i);
        if (t.digitStart() < c[1] && c[0] < t.digitEnd()) {
          return i;
        }
      }
      return -1;
    }

    private Position position(int idx, int line, NumberToken t) {
      if (idx < 0 || idx >= tabbed.length || tabbed[idx] || charOffset < 0) {
        return Position.line(line);
      }
      return new Position(line, charOffset + starts.get(idx) + t.digitStart(), t.digitEnd() - t.digitStart(), 0, 0, 0);
    }
  }
}

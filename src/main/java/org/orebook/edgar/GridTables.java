package org.orebook.edgar;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.orebook.quantity.Period;

/**
 * Works out the columns and rows of a {@link Grid} (an HTML table, a pipe- or tab-separated block),
 * with the habits of filing agents and wire services:
 *
 * <ul>
 *   <li>a number split over cells is read as one: {@code $} in its own cell, {@code (632} with its
 *       {@code )} in the next cell, {@code %} in a cell of its own; spacer cells are ignored;
 *   <li>the columns are the grid columns that hold figures in the body, not fixed positions; two
 *       adjacent grid columns never filled in the same row are one column;
 *   <li>the heading rows are the rows above the first row of figures; a heading cell over several
 *       columns (a {@code colspan}, or a Markdown cell followed by empty ones) is their group heading;
 *   <li>rows with a label and no figures are headings; rows naming a unit ({@code (in thousands)})
 *       give the table's unit; a row of headings inside the body starts a new table;
 *   <li>a footnote marker in a cell of its own after the label ({@code (1)}) stays with the label.
 * </ul>
 */
final class GridTables {
  private static final Pattern CURRENCY_ONLY = Pattern.compile("(?i)(\\$|us\\$|c\\$|a\\$|ca\\$|cdn\\$|au\\$|usd|cad)");
  private static final Pattern RULE_TEXT = Pattern.compile("[-=_\u2014\u2013 ]{3,}");
  /** Cells that say a figure is not available: neither a figure nor a heading. */
  private static final Pattern NOT_AVAILABLE = Pattern.compile("(?i)n/?a|n\\.a\\.|nm|n\\.m\\.|\\*+|\u2020|\u2021");
  private static final Pattern FOOTNOTE_TOKEN = Pattern.compile("\\(\\d{1,2}\\)|\\d");

  private GridTables() {}

  /** A figure of a row: the number, the grid column it ends in, where it is printed. */
  record Token(NumberToken token, int col, Position at, boolean footnoteLike) {}

  /** A row with its cells read: the figures, the text cells, and what kind of row it is. */
  record Line(Grid.Row row, List<Token> tokens, List<Grid.Cell> texts, Kind kind) {}

  enum Kind { EMPTY, RULE, FIGURES, HEADER, LABEL }

  // ------------------------------------------------------------------ reading the cells of a row

  static Line line(Grid g, Grid.Row row) {
    List<Token> tokens = new ArrayList<>();
    List<Grid.Cell> texts = new ArrayList<>();
    List<Grid.Cell> cells = row.cells();
    Grid.Cell currency = null;
    Grid.Cell opener = null;
    boolean ruleText = false;
    for (int i = 0; i < cells.size(); i++) {
      Grid.Cell c = cells.get(i);
      String t = c.text();
      if (NOT_AVAILABLE.matcher(t).matches()) {
        continue;
      }
      if (t.isEmpty()) {
        if (!c.note().isEmpty()) {
          texts.add(c);
        }
        continue;
      }
      if (CURRENCY_ONLY.matcher(t).matches()) {
        currency = c;
        continue;
      }
      if (t.equals("(") || t.equals("$(") || t.equals("($")) {
        opener = c;
        if (t.contains("$")) {
          currency = c;
        }
        continue;
      }
      if (RULE_TEXT.matcher(t).matches() && t.chars().filter(ch -> ch != ' ').count() >= 3) {
        ruleText = true;
        continue;
      }
      String joined = t;
      NumberToken tok = NumberToken.parse(t, 0);
      int consumed = i;
      if (tok == null && i + 1 < cells.size()) {
        int j = nextNonBlank(cells, i + 1);
        if (j >= 0 && closes(cells.get(j).text())) {
          joined = t + cells.get(j).text();
          tok = NumberToken.parse(joined, 0);
          if (tok != null) {
            consumed = j;
          }
        }
      }
      if (tok == null && opener != null) {
        joined = "(" + t;
        tok = NumberToken.parse(joined, 0);
        if (tok == null) {
          int j = nextNonBlank(cells, i + 1);
          if (j >= 0 && closes(cells.get(j).text())) {
            joined = "(" + t + cells.get(j).text();
            tok = NumberToken.parse(joined, 0);
            if (tok != null) {
              consumed = j;
            }
          }
        }
      }
      if (tok != null && currency != null && !tok.dollar()) {
        tok = tok.withDollar(0);
      }
      opener = null;
      currency = null;
      if (tok == null) {
        if (!closes(t)) {
          texts.add(c);
        }
        continue;
      }
      String digits = joined.substring(tok.digitStart(), tok.digitEnd());
      Position at = locate(g, c, digits);
      boolean footnote = c.note().isEmpty() && !tok.dash() && !tok.dollar() && !tok.percent()
          && FOOTNOTE_TOKEN.matcher(t).matches();
      String printed = (tok.dollar() && !joined.contains("$") ? "$ " : "") + joined;
      tokens.add(new Token(tok.spanning(0, printed.length(), printed), c.end(), at, footnote));
      i = consumed;
    }
    Kind kind;
    if (!tokens.isEmpty()) {
      boolean labelled = !texts.isEmpty() && texts.get(0).col() < tokens.get(0).col();
      boolean years = tokens.stream().allMatch(x -> x.token().yearLike());
      kind = years && !labelled ? Kind.HEADER : Kind.FIGURES;
    } else if (texts.isEmpty()) {
      kind = ruleText ? Kind.RULE : Kind.EMPTY;
    } else {
      int first = texts.get(0).col();
      boolean beyondLabel = texts.stream().anyMatch(x -> x.col() > first && !x.text().isEmpty());
      kind = beyondLabel ? Kind.HEADER : Kind.LABEL;
    }
    return new Line(row, tokens, texts, kind);
  }

  private static boolean closes(String t) {
    return t.equals(")") || t.equals(")%") || t.equals("%)") || t.equals("%");
  }

  private static int nextNonBlank(List<Grid.Cell> cells, int from) {
    for (int j = from; j < cells.size() && j <= from + 2; j++) {
      if (!cells.get(j).text().isEmpty()) {
        return j;
      }
    }
    return -1;
  }

  /** The cell's position with the offset of its printed digits in the document, when found. */
  private static Position locate(Grid g, Grid.Cell c, String digits) {
    Position p = c.at();
    if (c.sourceStart() < 0 || digits.isEmpty()) {
      return p;
    }
    int end = Math.min(c.sourceEnd(), g.source.length());
    int at = g.source.indexOf(digits, c.sourceStart());
    if (at < 0 || at + digits.length() > end) {
      return p;
    }
    return new Position(p.line(), at, digits.length(), p.table(), p.row(), p.cell());
  }

  // ------------------------------------------------------------------ drafts

  /**
   * The tables of a grid: the grid itself, or several when a row of headings inside the body starts
   * a new column layout. Title rows above the headings (a name, a unit) join the grid's titles.
   */
  static List<ReleaseReader.Draft> drafts(Grid g) {
    List<Line> lines = new ArrayList<>();
    for (Grid.Row r : g.rows) {
      lines.add(line(g, r));
    }
    // the label column: where the rows of figures print their labels; a row whose only text stands
    // right of it is a heading over the columns ("Nine Months Ended" in a cell of its own)
    Map<Integer, Integer> labelCols = new HashMap<>();
    for (Line l : lines) {
      if (l.kind() == Kind.FIGURES && !l.texts().isEmpty() && l.texts().get(0).col() < l.tokens().get(0).col()) {
        labelCols.merge(l.texts().get(0).col(), 1, Integer::sum);
      }
    }
    int labelCol = labelCols.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
        .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse(0);
    int minToken = Integer.MAX_VALUE;
    for (Line l : lines) {
      if (l.kind() == Kind.FIGURES) {
        minToken = Math.min(minToken, l.tokens().get(0).col());
      }
    }
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      if (l.kind() == Kind.LABEL && l.texts().get(0).col() > labelCol && l.texts().get(0).end() >= minToken) {
        lines.set(i, new Line(l.row(), l.tokens(), l.texts(), Kind.HEADER));
      }
    }
    int width = 0;
    for (Grid.Row r : g.rows) {
      for (Grid.Cell c : r.cells()) {
        width = Math.max(width, c.end() + 1);
      }
    }
    final int gridWidth = width;
    List<ReleaseReader.Draft> out = new ArrayList<>();
    int i = 0;
    int n = lines.size();
    List<String> titles = new ArrayList<>(g.titles);
    boolean first = true;
    while (i < n) {
      // titles and headings up to the first row of figures
      int start = i;
      List<Line> header = new ArrayList<>();
      List<Line> lead = new ArrayList<>();
      int explicit = first && g.headerRows >= 0 ? g.headerRows : -1;
      // rows the format marks as headings are headings even where they hold a number ("(100%)")
      while (i < n && (lines.get(i).kind() != Kind.FIGURES || i - start < explicit)) {
        Line l = lines.get(i);
        if (explicit >= 0 ? i - start < explicit : l.kind() == Kind.HEADER) {
          header.add(l);
          lead.clear();
        } else if (l.kind() == Kind.LABEL) {
          // above the headings: a title; below them, or in a table without headings, a heading of
          // the body, unless it spans the table or names a unit
          Grid.Cell c = l.texts().get(0);
          boolean titleLike = c.span() * 2 >= gridWidth || TableUnit.parse(c.text()).isPresent() && c.text().startsWith("(");
          if (header.isEmpty() && (titleLike || !noHeadings(lines, i))) {
            titles.add(labelText(l));
          } else {
            lead.add(l);
          }
        } else if (l.kind() == Kind.HEADER) {
          header.add(l);
        }
        i++;
      }
      if (i >= n) {
        break;
      }
      // the body: up to the next row of headings
      List<Line> body = new ArrayList<>(lead);
      while (i < n && (lines.get(i).kind() != Kind.HEADER || !headingsAhead(lines, i))) {
        body.add(lines.get(i));
        i++;
      }
      int firstLine = header.isEmpty() ? (body.isEmpty() ? g.firstLine : body.get(0).row().line())
          : header.get(0).row().line();
      out.add(new Draft(g, List.copyOf(titles), header, body, first ? g.context : "", firstLine, !first && titles.isEmpty()));
      titles = new ArrayList<>();
      first = false;
    }
    return out;
  }

  /** True when no heading row stands between row {@code i} and the next row of figures. */
  private static boolean noHeadings(List<Line> lines, int i) {
    for (int j = i; j < lines.size(); j++) {
      Kind k = lines.get(j).kind();
      if (k == Kind.FIGURES) {
        return true;
      }
      if (k == Kind.HEADER) {
        return false;
      }
    }
    return true;
  }

  /** A heading row in the body starts a new table when figures follow it. */
  private static boolean headingsAhead(List<Line> lines, int i) {
    for (int j = i; j < lines.size() && j < i + 6; j++) {
      if (lines.get(j).kind() == Kind.FIGURES) {
        return true;
      }
    }
    return false;
  }

  private static String labelText(Line l) {
    StringBuilder sb = new StringBuilder();
    for (Grid.Cell c : l.texts()) {
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      sb.append(c.text());
      if (!c.note().isEmpty()) {
        sb.append(" (").append(c.note()).append(')');
      }
    }
    return sb.toString().trim();
  }

  /** A table of a grid before its columns and rows are worked out. */
  static final class Draft implements ReleaseReader.Draft {
    final Grid grid;
    final List<String> titles;
    final List<Line> header;
    final List<Line> body;
    final String context;
    final int firstLine;
    final boolean inherits;
    /** Data columns: the grid columns of each, left to right. */
    final List<Set<Integer>> columns;

    Draft(Grid grid, List<String> titles, List<Line> header, List<Line> body, String context, int firstLine,
        boolean inherits) {
      this.grid = grid;
      this.titles = titles;
      this.header = new ArrayList<>(header);
      this.body = new ArrayList<>(body);
      this.context = context;
      this.firstLine = firstLine;
      this.inherits = inherits;
      this.columns = dataColumns(this.body);
    }

    @Override
    public List<String> titles() {
      return titles;
    }

    @Override
    public int firstLine() {
      return firstLine;
    }

    boolean headerless() {
      return header.isEmpty();
    }

    int lastLine() {
      int last = firstLine;
      for (Line l : body) {
        last = Math.max(last, l.row().line());
      }
      return last;
    }

    /** A continuation of this table in the next {@code <table>} (a statement split over pages): its rows join this one's. */
    void absorb(Draft next) {
      body.addAll(next.body);
      columns.clear();
      columns.addAll(dataColumns(body));
    }

    int columnOf(int gridCol) {
      for (int c = 0; c < columns.size(); c++) {
        if (columns.get(c).contains(gridCol)) {
          return c;
        }
      }
      return -1;
    }

    int minDataCol() {
      return columns.isEmpty() ? Integer.MAX_VALUE : columns.get(0).iterator().next();
    }

    @Override
    public Table build(ReleaseReader.Build b) {
      Titles.Parsed parsed = Titles.parse(titles, b.company());
      Optional<TableUnit> unit = parsed.unit();
      String stub = "";
      int n = columns.size();
      List<StringBuilder> group = new ArrayList<>();
      List<StringBuilder> own = new ArrayList<>();
      for (int c = 0; c < n; c++) {
        group.add(new StringBuilder());
        own.add(new StringBuilder());
      }
      int minData = minDataCol();
      for (int h = 0; h < header.size(); h++) {
        Line l = header.get(h);
        List<Grid.Cell> cells = headerCells(l);
        long dataCells = cells.stream().filter(c -> c.end() >= minData).count();
        for (int k = 0; k < cells.size(); k++) {
          Grid.Cell c = cells.get(k);
          String text = c.text();
          if (text.isEmpty()) {
            continue;
          }
          Optional<TableUnit> u = TableUnit.parse(text);
          if (u.isPresent() && text.length() <= 120 && (text.startsWith("(") || c.end() < minData)) {
            unit = unit.or(() -> u);
            if (c.end() < minData) {
              continue;
            }
          }
          if (c.end() < minData) {
            stub = (stub + " " + text).trim();
            continue;
          }
          int from = c.col();
          int to = c.end();
          // a Markdown or span-less heading over the empty cells after it, when the row has fewer
          // headings than columns (a group heading over its years)
          if (c.span() == 1 && dataCells < n && h + 1 < header.size()) {
            int next = k + 1 < cells.size() ? cells.get(k + 1).col() - 1 : lastGridCol();
            to = Math.max(to, next);
          }
          List<Integer> over = new ArrayList<>();
          for (int col = 0; col < n; col++) {
            for (int gc : columns.get(col)) {
              if (gc >= from && gc <= to) {
                over.add(col);
                break;
              }
            }
          }
          if (over.isEmpty()) {
            int nearest = nearest(from, to);
            if (nearest >= 0) {
              over.add(nearest);
            }
          }
          if (over.size() >= 2) {
            for (int col : over) {
              FixedWidthColumns.append(group.get(col), text);
            }
          } else if (over.size() == 1) {
            FixedWidthColumns.append(own.get(over.get(0)), text);
          }
        }
      }
      List<Column> cols = new ArrayList<>();
      boolean continues = false;
      if (header.isEmpty() && b.previous() != null && b.previousDraft() instanceof Draft pd && pd.columns.size() == n
          && b.previous().columns().size() == n) {
        continues = true;
        for (int c = 0; c < n; c++) {
          Column p = b.previous().columns().get(c);
          cols.add(new Column(c, p.group(), p.header(), p.period()));
        }
      } else {
        List<String> groups = group.stream().map(s -> s.toString().trim()).toList();
        List<String> owns = own.stream().map(s -> s.toString().trim()).toList();
        List<Optional<Period>> periods = PeriodHeadings.periods(groups, owns, b.yearEnd());
        for (int c = 0; c < n; c++) {
          cols.add(new Column(c, groups.get(c), owns.get(c), periods.get(c)));
        }
      }
      String name = parsed.name();
      if (name.isEmpty() && !stub.isEmpty() && TableUnit.parse(stub).isEmpty()
          && !stub.toLowerCase(Locale.ROOT).startsWith("mine")) {
        name = stub;
      }
      if (name.isEmpty() && b.previous() != null && (inherits || continues)) {
        name = b.previous().name() + (header.isEmpty() && !context.isEmpty() ? ", note" : "");
        continues = true;
      }
      if (name.isEmpty() && !context.isEmpty()) {
        name = Titles.fromContext(context);
      }
      if (name.isEmpty()) {
        name = "table at line " + firstLine;
      }
      List<TableRow> rows = RowAssembly.rows(bodyLines(), cols, name);
      return new Table(name, titles, unit, stub, cols, rows, firstLine, lastLine(), continues,
          header.isEmpty() ? context : "");
    }

    private int lastGridCol() {
      int last = 0;
      for (Line l : body) {
        for (Grid.Cell c : l.row().cells()) {
          last = Math.max(last, c.end());
        }
      }
      return last;
    }

    private int nearest(int from, int to) {
      int best = -1;
      int d = Integer.MAX_VALUE;
      for (int col = 0; col < columns.size(); col++) {
        for (int gc : columns.get(col)) {
          int dc = gc < from ? from - gc + 1 : gc - to;
          if (dc < d && dc <= 3) {
            d = dc;
            best = col;
          }
        }
      }
      return best;
    }

    /** The heading texts of a heading row: its text cells and its years. */
    private static List<Grid.Cell> headerCells(Line l) {
      List<Grid.Cell> out = new ArrayList<>();
      for (Grid.Cell c : l.row().cells()) {
        if (!c.text().isEmpty() && !CURRENCY_ONLY.matcher(c.text()).matches()) {
          out.add(c);
        }
      }
      return out;
    }

    /** The body as lines for row assembly: rules from borders, figures in their columns, labels. */
    private List<BodyLine> bodyLines() {
      List<BodyLine> out = new ArrayList<>();
      int minData = minDataCol();
      for (Line l : body) {
        int line = l.row().line();
        boolean ruleAbove = l.row().cells().stream().anyMatch(c -> c.ruleAbove() && c.end() >= minData);
        char ruleBelow = ' ';
        for (Grid.Cell c : l.row().cells()) {
          if (c.ruleBelow() != ' ' && c.end() >= minData) {
            ruleBelow = c.ruleBelow() == '=' || ruleBelow == '=' ? '=' : '-';
          }
        }
        if (ruleAbove && !(out.size() > 0 && out.get(out.size() - 1).kind() == BodyLine.Kind.RULE)) {
          out.add(BodyLine.rule(line, '-'));
        }
        switch (l.kind()) {
          case EMPTY -> {
            if (ruleBelow == ' ') {
              out.add(BodyLine.blank(line));
            }
          }
          case RULE -> out.add(BodyLine.rule(line, l.texts().isEmpty() ? '-' : '-'));
          case LABEL, HEADER -> {
            String text = labelText(l);
            out.add(BodyLine.text(line, text, indentOf(l), false));
          }
          case FIGURES -> {
            StringBuilder label = new StringBuilder();
            int firstTokenCol = l.tokens().isEmpty() ? Integer.MAX_VALUE : l.tokens().get(0).col();
            for (Grid.Cell c : l.texts()) {
              if (c.col() < Math.min(minData, firstTokenCol + 1) || c.end() < minData) {
                FixedWidthColumns.append(label, c.text());
                if (!c.note().isEmpty()) {
                  FixedWidthColumns.append(label, "(" + c.note() + ")");
                }
              }
            }
            List<BodyLine.Cell> cells = new ArrayList<>();
            for (Token t : l.tokens()) {
              int c = columnOf(t.col());
              if (c < 0) {
                if (t.footnoteLike() && t.col() < minData) {
                  FixedWidthColumns.append(label, t.token().text());
                }
                continue;
              }
              cells.add(new BodyLine.Cell(c, t.token(), t.at()));
            }
            out.add(BodyLine.values(line, label.toString().replaceAll("\\s+", " ").trim(), indentOf(l), cells));
          }
        }
        if (ruleBelow != ' ') {
          out.add(BodyLine.rule(line, ruleBelow));
        }
      }
      return out;
    }

    private static int indentOf(Line l) {
      return l.texts().isEmpty() ? 0 : l.texts().get(0).indent();
    }
  }

  /**
   * The data columns of a body: the grid columns where figures end (footnote markers left of every
   * figure aside), two adjacent ones never filled in the same row taken as one.
   */
  static List<Set<Integer>> dataColumns(List<Line> body) {
    Map<Integer, Integer> real = new HashMap<>();
    for (Line l : body) {
      if (l.kind() != Kind.FIGURES) {
        continue;
      }
      for (Token t : l.tokens()) {
        if (!t.footnoteLike()) {
          real.merge(t.col(), 1, Integer::sum);
        }
      }
    }
    if (real.isEmpty()) {
      // only small integers: they are the figures
      for (Line l : body) {
        for (Token t : l.tokens()) {
          real.merge(t.col(), 1, Integer::sum);
        }
      }
    }
    int leftmost = real.keySet().stream().min(Integer::compare).orElse(0);
    TreeSet<Integer> cols = new TreeSet<>(real.keySet());
    // a footnote-like figure in a column right of the label area is a figure too
    for (Line l : body) {
      for (Token t : l.tokens()) {
        if (t.footnoteLike() && t.col() >= leftmost) {
          cols.add(t.col());
        }
      }
    }
    List<Set<Integer>> out = new ArrayList<>();
    for (int c : cols) {
      if (!out.isEmpty()) {
        Set<Integer> last = out.get(out.size() - 1);
        int lastCol = last.stream().max(Integer::compare).orElseThrow();
        if (c - lastCol <= 2 && !together(body, last, c)) {
          last.add(c);
          continue;
        }
      }
      Set<Integer> s = new LinkedHashSet<>();
      s.add(c);
      out.add(s);
    }
    return out;
  }

  private static boolean together(List<Line> body, Set<Integer> group, int col) {
    for (Line l : body) {
      boolean a = false;
      boolean b = false;
      for (Token t : l.tokens()) {
        a |= group.contains(t.col());
        b |= t.col() == col;
      }
      if (a && b) {
        return true;
      }
    }
    return false;
  }

  /** Reads the tables of grids in order: continuations (a table split over elements) joined first. */
  static List<ReleaseReader.Draft> join(List<ReleaseReader.Draft> drafts) {
    List<ReleaseReader.Draft> out = new ArrayList<>();
    for (ReleaseReader.Draft d : drafts) {
      if (d instanceof Draft gd && gd.headerless() && gd.titles.isEmpty() && gd.context.isEmpty() && !out.isEmpty()
          && out.get(out.size() - 1) instanceof Draft prev && prev.grid != gd.grid
          && prev.columns.size() == gd.columns.size() && !gd.columns.isEmpty()) {
        prev.absorb(gd);
        continue;
      }
      out.add(d);
    }
    return out;
  }
}

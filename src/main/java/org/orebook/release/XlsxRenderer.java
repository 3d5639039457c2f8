package org.orebook.release;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.orebook.facts.FactSet;
import org.orebook.quantity.Exact;

/**
 * Renders a release as an Excel workbook (XLSX): one sheet per table, in print order, with the
 * table's title rows, header rows and rows. A figure is a numeric cell holding the value the text
 * prints — after the cell's scale and sign, rounded half up to its decimals — with a number format
 * of the same decimals, thousands separators, parentheses for negatives and the cell's empty text
 * ("--") for a zero figure; literal and absent cells are text. A rule under a row of the text is a
 * bottom border of that row's figure cells (double for a double rule).
 *
 * <p>The workbook is built in memory (no temporary files) and column widths are computed from the
 * printed texts, so no fonts or display are needed.
 */
public final class XlsxRenderer {
  /** Excel's limit on the length of a sheet name. */
  static final int MAX_SHEET_NAME = 31;
  private static final int MAX_LABEL_WIDTH = 60;

  private XlsxRenderer() {}

  /** The workbook's bytes. */
  public static byte[] render(Release release) {
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      wb.getProperties().getCoreProperties().setCreator("Orebook");
      wb.getProperties().getCoreProperties().setTitle(release.company().name() + " results release, "
          + HtmlRenderer.periodWords(release.company().releasePeriod()));
      Styles styles = new Styles(wb);
      Set<String> names = new HashSet<>();
      for (Titled t : titledTables(release)) {
        XSSFSheet sheet = wb.createSheet(sheetName(t.table().id(), names));
        new SheetWriter(sheet, t, release.facts(), styles).write();
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A legal sheet name, unique in the workbook (Excel compares names case-insensitively): illegal
   * characters replaced, at most 31 characters, a counter appended to a repeated name.
   */
  static String sheetName(String id, Set<String> taken) {
    String base = WorkbookUtil.createSafeSheetName(id == null || id.isBlank() ? "Table" : id, '_');
    String name = base;
    for (int n = 2; taken.contains(name.toLowerCase(Locale.ROOT)); n++) {
      String suffix = " (" + n + ")";
      name = base.substring(0, Math.min(base.length(), MAX_SHEET_NAME - suffix.length())) + suffix;
    }
    taken.add(name.toLowerCase(Locale.ROOT));
    return name;
  }

  /** A table and the title lines its sheet starts with. */
  private record Titled(Table table, List<String> title) {}

  /**
   * Each table with its title: its own title lines, or else the section title and the last
   * paragraph of text printed above it ("Proven and Probable"). A table printed without column
   * headers under the previous table of its section (the non-GAAP reconciliation under the
   * statement of operations) gets that table's headers, since its sheet stands alone.
   */
  private static List<Titled> titledTables(Release release) {
    List<Titled> all = new ArrayList<>();
    for (Section s : release.sections()) {
      String lastText = "";
      Table previous = null;
      for (Section.Block b : s.blocks()) {
        switch (b) {
          case Section.TextBlock t -> {
            List<String> paragraph = new ArrayList<>();
            for (String line : t.lines()) {
              if (line.isBlank()) {
                lastText = paragraph.isEmpty() ? lastText : String.join(" ", paragraph);
                paragraph.clear();
              } else {
                paragraph.add(line.strip());
              }
            }
            lastText = paragraph.isEmpty() ? lastText : String.join(" ", paragraph);
          }
          case Section.TableBlock tb -> {
            Table t = tb.table();
            List<String> title = new ArrayList<>();
            if (t.titleLines().isEmpty()) {
              title.add(s.title());
              if (!lastText.isEmpty() && !lastText.equalsIgnoreCase(s.title())) {
                title.add(lastText);
              }
            } else {
              t.titleLines().forEach(l -> title.add(l.strip()));
            }
            if (t.headers().isEmpty() && previous != null && HtmlRenderer.columns(previous) == HtmlRenderer.columns(t)) {
              t = new Table(t.id(), t.titleLines(), previous.groups(), previous.headers(), t.labelHeader(), t.rows(),
                  t.labelWidth(), t.cellWidth(), t.boxed());
            }
            all.add(new Titled(t, title));
            previous = t;
          }
        }
      }
    }
    return all;
  }

  /** Writes one table into its sheet. */
  private static final class SheetWriter {
    private final XSSFSheet sheet;
    private final Titled titled;
    private final Table table;
    private final FactSet facts;
    private final Styles styles;
    private final int cols;
    private final int[] widths;
    private int next;

    SheetWriter(XSSFSheet sheet, Titled titled, FactSet facts, Styles styles) {
      this.sheet = sheet;
      this.titled = titled;
      this.table = titled.table();
      this.facts = facts;
      this.styles = styles;
      this.cols = HtmlRenderer.columns(table);
      this.widths = new int[cols + 1];
    }

    void write() {
      for (int i = 0; i < titled.title().size(); i++) {
        text(sheet.createRow(next++), 0, titled.title().get(i), i == 0 ? styles.title() : styles.plain());
      }
      next++;
      headers();
      int bodyStart = next;
      List<Row> rows = table.rows();
      for (int i = 0; i < rows.size(); i++) {
        switch (rows.get(i)) {
          case Row.Heading h -> text(sheet.createRow(next++), 0, h.text(), styles.bold());
          case Row.Blank b -> next++;
          case Row.Rule r -> { } // drawn as the bottom border of the row above
          case Row.Values v -> values(v, i + 1 < rows.size() && rows.get(i + 1) instanceof Row.Rule rule ? rule.ch() : ' ');
        }
      }
      if (bodyStart > 0) {
        sheet.createFreezePane(1, bodyStart);
      }
      for (int c = 0; c <= cols; c++) {
        int chars = c == 0 ? Math.min(MAX_LABEL_WIDTH, Math.max(12, widths[c])) : Math.max(10, widths[c] + 2);
        sheet.setColumnWidth(c, (chars + 1) * 256);
      }
    }

    private void headers() {
      if (!table.groups().isEmpty()) {
        XSSFRow row = sheet.createRow(next++);
        int c = 1;
        for (Table.Group g : table.groups()) {
          text(row, c, g.label(), styles.group());
          for (int k = 1; k < g.span(); k++) {
            row.createCell(c + k).setCellStyle(styles.group());
          }
          if (g.span() > 1) {
            sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), c, c + g.span() - 1));
          }
          c += g.span();
        }
      }
      int headerLines = table.headers().stream().mapToInt(List::size).max().orElse(0);
      int labelLine = table.boxed() ? headerLines - 1 : Math.max(0, headerLines - 2);
      for (int i = 0; i < headerLines; i++) {
        XSSFRow row = sheet.createRow(next++);
        if (i == labelLine && !table.labelHeader().isEmpty()) {
          text(row, 0, table.labelHeader(), styles.bold());
        }
        for (int c = 0; c < table.headers().size(); c++) {
          List<String> col = table.headers().get(c);
          int offset = headerLines - col.size();
          if (i >= offset && !col.get(i - offset).isEmpty()) {
            text(row, c + 1, col.get(i - offset), i == headerLines - 1 ? styles.headerLast() : styles.header());
          }
        }
      }
      if (headerLines > 0 || !table.groups().isEmpty()) {
        next++;
      }
    }

    private void values(Row.Values v, char ruleBelow) {
      XSSFRow row = sheet.createRow(next++);
      text(row, 0, v.label(), styles.label(v.indent()));
      widths[0] = Math.max(widths[0], v.label().length() + v.indent());
      for (int c = 0; c < v.cells().size(); c++) {
        Cell cell = v.cells().get(c);
        String printed = Formats.text(cell, facts);
        widths[c + 1] = Math.max(widths[c + 1], printed.length() + (cell.dollar() ? 1 : 0));
        XSSFCell x = row.createCell(c + 1);
        Optional<BigDecimal> value = Formats.value(cell, facts);
        if (value.isPresent()) {
          BigDecimal rounded = Exact.round(value.get(), cell.decimals());
          // Excel stores numbers as IEEE doubles: this is the one place a figure becomes a double,
          // after exact rounding to the printed decimals, so the cell holds what the text prints.
          x.setCellValue(rounded.doubleValue());
          String zero = value.get().signum() == 0 ? cell.empty() : null;
          x.setCellStyle(styles.figure(cell.decimals(), cell.dollar(), zero, ruleBelow));
        } else {
          x.setCellValue(printed);
          x.setCellStyle(styles.literal(ruleBelow));
        }
      }
    }

    private void text(XSSFRow row, int col, String text, CellStyle style) {
      XSSFCell c = row.createCell(col);
      c.setCellValue(text);
      c.setCellStyle(style);
      if (col > 0) {
        widths[col] = Math.max(widths[col], text.length());
      }
    }
  }

  /** The workbook's cell styles, one per distinct look (a workbook holds at most 64,000). */
  private static final class Styles {
    private final XSSFWorkbook wb;
    private final Map<String, CellStyle> cache = new HashMap<>();
    private final Font boldFont;
    private final Font titleFont;

    Styles(XSSFWorkbook wb) {
      this.wb = wb;
      this.boldFont = wb.createFont();
      boldFont.setBold(true);
      this.titleFont = wb.createFont();
      titleFont.setBold(true);
      titleFont.setFontHeightInPoints((short) 12);
    }

    CellStyle plain() {
      return cache.computeIfAbsent("plain", k -> wb.createCellStyle());
    }

    CellStyle title() {
      return cache.computeIfAbsent("title", k -> {
        CellStyle s = wb.createCellStyle();
        s.setFont(titleFont);
        return s;
      });
    }

    CellStyle bold() {
      return cache.computeIfAbsent("bold", k -> {
        CellStyle s = wb.createCellStyle();
        s.setFont(boldFont);
        return s;
      });
    }

    CellStyle group() {
      return cache.computeIfAbsent("group", k -> {
        CellStyle s = wb.createCellStyle();
        s.setAlignment(HorizontalAlignment.CENTER);
        s.setBorderBottom(BorderStyle.THIN);
        return s;
      });
    }

    CellStyle header() {
      return cache.computeIfAbsent("header", k -> {
        CellStyle s = wb.createCellStyle();
        s.setAlignment(HorizontalAlignment.RIGHT);
        return s;
      });
    }

    CellStyle headerLast() {
      return cache.computeIfAbsent("header-last", k -> {
        CellStyle s = wb.createCellStyle();
        s.setAlignment(HorizontalAlignment.RIGHT);
        s.setBorderBottom(BorderStyle.THIN);
        return s;
      });
    }

    CellStyle label(int indent) {
      int level = (indent + 1) / 2;
      return cache.computeIfAbsent("label-" + level, k -> {
        CellStyle s = wb.createCellStyle();
        s.setIndention((short) level);
        return s;
      });
    }

    CellStyle literal(char ruleBelow) {
      return cache.computeIfAbsent("literal-" + ruleBelow, k -> {
        CellStyle s = wb.createCellStyle();
        s.setAlignment(HorizontalAlignment.RIGHT);
        border(s, ruleBelow);
        return s;
      });
    }

    /**
     * A figure's number format: grouped, {@code decimals} places, negatives in parentheses with
     * positives padded by the width of ")" as the text hangs them, a dollar sign when the cell has
     * one, and {@code zero} (the cell's empty text) for a figure that is exactly zero.
     */
    CellStyle figure(int decimals, boolean dollar, String zero, char ruleBelow) {
      String format = numberFormat(decimals, dollar, zero);
      return cache.computeIfAbsent("fig-" + format + "-" + ruleBelow, k -> {
        CellStyle s = wb.createCellStyle();
        s.setDataFormat(wb.createDataFormat().getFormat(format));
        s.setAlignment(HorizontalAlignment.RIGHT);
        border(s, ruleBelow);
        return s;
      });
    }

    private static void border(CellStyle s, char rule) {
      if (rule == '-') {
        s.setBorderBottom(BorderStyle.THIN);
      } else if (rule == '=') {
        s.setBorderBottom(BorderStyle.DOUBLE);
      }
    }
  }

  /** The Excel number format of a figure cell (see {@link Styles#figure}). */
  static String numberFormat(int decimals, boolean dollar, String zero) {
    String digits = "#,##0" + (decimals > 0 ? "." + "0".repeat(decimals) : "");
    String cur = dollar ? "\"$\"" : "";
    String format = cur + digits + "_);" + cur + "(" + digits + ")";
    if (zero != null) {
      format += ";" + cur + "\"" + zero.replace("\"", "") + "\"_)";
    }
    return format;
  }
}

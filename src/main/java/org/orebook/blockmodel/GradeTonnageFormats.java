package org.orebook.blockmodel;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints a {@link GradeTonnageTable} as text, JSON or CSV. The only place figures are rounded
 * (half up): JSON and CSV give the tonnage exactly, average grades to {@value #GRADE_DECIMALS}
 * decimals and contained metal to {@value #CONTAINED_DECIMALS}; text gives tonnage and contained
 * metal to whole units with grouping and grades to 3 decimals. Formatters are made per call.
 */
public final class GradeTonnageFormats {
  /** The formats: text, json, csv. */
  public static final List<String> FORMATS = List.of("text", "json", "csv");
  public static final int GRADE_DECIMALS = 4;
  public static final int CONTAINED_DECIMALS = 2;

  private GradeTonnageFormats() {}

  /** The table in {@code format} (one of {@link #FORMATS}). */
  public static String render(GradeTonnageTable t, String format) {
    StringBuilder o = new StringBuilder();
    try {
      write(t, format, o);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // a StringBuilder does not fail
    }
    return o.toString();
  }

  /**
   * Writes the table in {@code format} to {@code out} row by row, holding no more than a row (the
   * text format reads the rows twice: once for the column widths).
   */
  public static void write(GradeTonnageTable t, String format, Appendable out) throws IOException {
    switch (format) {
      case "json" -> json(t, out);
      case "csv" -> csv(t, out);
      case "text" -> text(t, out);
      default -> throw new IllegalArgumentException("unknown format " + format);
    }
  }

  /** A figure rounded half up to {@code decimals}, plain; "" for null. */
  public static String plain(BigDecimal v, int decimals) {
    return v == null ? "" : v.setScale(decimals, RoundingMode.HALF_UP).toPlainString();
  }

  /** An exact figure, plain, without trailing zeros. */
  public static String exact(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
  }

  /** The name of what the cut-offs apply to: {@code au} or {@code au_eq}. */
  public static String cutoffKey(GradeTonnageTable t) {
    return t.equivalentKey() != null ? t.equivalentKey() : t.spec().grades().get(0).metal();
  }

  static void json(GradeTonnageTable t, Appendable out) throws IOException {
    StringBuilder o = new StringBuilder();
    o.append("{\"file\": ").append(string(t.file())).append(", \"blocks\": ").append(t.blocks())
        .append(", \"tonnage_unit\": ").append(string(t.spec().tonnageUnit().code()))
        .append(", \"cutoff_grade\": ").append(string(cutoffKey(t))).append(", \"units\": {");
    List<String> keys = t.keys();
    for (int i = 0; i < keys.size(); i++) {
      String k = keys.get(i);
      o.append(i == 0 ? "" : ", ").append(string(k)).append(": {\"grade\": ").append(string(t.gradeUnit(k)))
          .append(", \"contained\": ").append(string(t.containedUnit(k))).append('}');
    }
    o.append("},\n \"rows\": [");
    int r = 0;
    for (GradeTonnageTable.Row row : t.rows()) {
      out.append(o);
      o.setLength(0);
      o.append(r++ == 0 ? "\n  " : ",\n  ").append("{\"cutoff\": ").append(exact(row.cutoff()))
          .append(", \"category\": ").append(row.category() == null ? "null" : string(row.category()))
          .append(", \"blocks\": ").append(row.blocks()).append(", \"tonnage\": ").append(exact(row.tonnage()))
          .append(", \"grade\": {");
      for (int i = 0; i < keys.size(); i++) {
        BigDecimal g = row.grade().get(keys.get(i));
        o.append(i == 0 ? "" : ", ").append(string(keys.get(i))).append(": ")
            .append(g == null ? "null" : plain(g, GRADE_DECIMALS));
      }
      o.append("}, \"contained\": {");
      for (int i = 0; i < keys.size(); i++) {
        o.append(i == 0 ? "" : ", ").append(string(keys.get(i))).append(": ")
            .append(plain(row.contained().get(keys.get(i)), CONTAINED_DECIMALS));
      }
      o.append("}}");
    }
    out.append(o.append("\n]}\n"));
  }

  static void csv(GradeTonnageTable t, Appendable out) throws IOException {
    StringBuilder o = new StringBuilder("cutoff,category,blocks,tonnage_" + t.spec().tonnageUnit().code());
    for (String k : t.keys()) {
      o.append(",").append(csvField("grade_" + k + "_" + t.gradeUnit(k)));
    }
    for (String k : t.keys()) {
      o.append(",").append(csvField("contained_" + k + "_" + t.containedUnit(k)));
    }
    o.append('\n');
    for (GradeTonnageTable.Row row : t.rows()) {
      out.append(o);
      o.setLength(0);
      o.append(exact(row.cutoff())).append(',').append(row.category() == null ? "" : csvField(row.category()))
          .append(',').append(row.blocks()).append(',').append(exact(row.tonnage()));
      for (String k : t.keys()) {
        o.append(',').append(plain(row.grade().get(k), GRADE_DECIMALS));
      }
      for (String k : t.keys()) {
        o.append(',').append(plain(row.contained().get(k), CONTAINED_DECIMALS));
      }
      o.append('\n');
    }
    out.append(o);
  }

  static void text(GradeTonnageTable t, Appendable out) throws IOException {
    out.append(description(t));
    DecimalFormat whole = whole();
    List<String> head = head(t);
    int[] width = new int[head.size()];
    widen(width, head);
    for (GradeTonnageTable.Row row : t.rows()) {
      widen(width, rowCells(t, row, whole));
    }
    line(out, head, width);
    for (GradeTonnageTable.Row row : t.rows()) {
      line(out, rowCells(t, row, whole), width);
    }
  }

  private static void widen(int[] width, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      width[i] = Math.max(width[i], cells.get(i).length());
    }
  }

  private static void line(Appendable out, List<String> c, int[] width) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < c.size(); i++) {
      String v = c.get(i);
      String pad = " ".repeat(width[i] - v.length());
      line.append(i == 0 ? "" : "  ").append(i == 0 ? v + pad : pad + v);
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  /** What the table is: the file, blocks, the cut-off grade, the tonnage unit, the equivalent's prices (one or two lines). */
  public static String description(GradeTonnageTable t) {
    GradeColumn cut = t.column(cutoffKey(t));
    StringBuilder o = new StringBuilder();
    o.append("Grade-tonnage of ").append(t.file()).append(": ").append(String.format(Locale.ENGLISH, "%,d", t.blocks()))
        .append(" blocks; cut-off on ").append(cutoffKey(t)).append(" (").append(cut.unit().code())
        .append("), at or above; tonnage in ").append(t.spec().tonnageUnit().code()).append('\n');
    if (t.equivalentKey() != null) {
      o.append("Equivalent grade ").append(t.equivalentKey()).append(" = sum of grade x price x recovery, in ")
          .append(t.spec().equivalent()).append(" ").append(cut.unit().code()).append(" (prices ");
      List<String> p = new ArrayList<>();
      for (GradeColumn g : t.spec().grades()) {
        p.add(g.metal() + " " + exact(t.spec().prices().get(g.metal())) + " " + g.unit().priceUnit() + " x "
            + exact(t.spec().recoveries().getOrDefault(g.metal(), BigDecimal.ONE)));
      }
      o.append(String.join(", ", p)).append(")\n");
    }
    return o.toString();
  }


  /**
   * The text table's cells, header first: category ("all" for all categories), cut-off, blocks,
   * tonnage (whole units, grouped), each key's average grade (3 decimals, "-" without tonnage),
   * each key's contained metal (whole units, grouped). The web page shows the same cells.
   */
  public static List<List<String>> cells(GradeTonnageTable t) {
    DecimalFormat whole = whole();
    List<List<String>> cells = new ArrayList<>();
    cells.add(head(t));
    for (GradeTonnageTable.Row row : t.rows()) {
      cells.add(rowCells(t, row, whole));
    }
    return cells;
  }

  private static DecimalFormat whole() {
    DecimalFormat whole = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
    whole.setRoundingMode(RoundingMode.HALF_UP);
    return whole;
  }

  private static List<String> head(GradeTonnageTable t) {
    List<String> head = new ArrayList<>(List.of("category", "cut-off", "blocks", "tonnage " + t.spec().tonnageUnit().code()));
    for (String k : t.keys()) {
      head.add(k + " " + t.gradeUnit(k));
    }
    for (String k : t.keys()) {
      head.add(k + " " + t.containedUnit(k));
    }
    return head;
  }

  private static List<String> rowCells(GradeTonnageTable t, GradeTonnageTable.Row row, DecimalFormat whole) {
    List<String> c = new ArrayList<>(List.of(row.category() == null ? "all" : row.category(), exact(row.cutoff()),
        whole.format(row.blocks()), whole.format(row.tonnage())));
    for (String k : t.keys()) {
      BigDecimal g = row.grade().get(k);
      c.add(g == null ? "-" : plain(g, 3));
    }
    for (String k : t.keys()) {
      c.add(whole.format(row.contained().get(k)));
    }
    return c;
  }

  private static String string(String s) {
    StringBuilder o = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> o.append("\\\"");
        case '\\' -> o.append("\\\\");
        case '\n' -> o.append("\\n");
        case '\r' -> o.append("\\r");
        case '\t' -> o.append("\\t");
        default -> {
          if (c < 0x20) {
            o.append(String.format("\\u%04x", (int) c));
          } else {
            o.append(c);
          }
        }
      }
    }
    return o.append('"').toString();
  }

  /**
   * A CSV field: quoted when it holds a comma, quote or line break; text a spreadsheet would take for
   * a formula (beginning with {@code = + - @}, a tab or a carriage return: a category named
   * {@code =HYPERLINK(…)}) gets a leading single quote, as OWASP advises (as release.CsvRenderer does).
   */
  private static String csvField(String text) {
    String s = text;
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !s.matches("[+-]?[0-9]+(\\.[0-9]*)?")) {
      s = "'" + s;
    }
    return s.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r') ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}

package org.orebook.release;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.orebook.facts.FactKey;

/**
 * Renders every table cell of a release as one CSV row: table, section heading, row label, period,
 * the value as printed, the exact value, unit and the figure's key.
 *
 * <p>A text cell that a spreadsheet would take for a formula (one beginning with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return, say a unit named
 * {@code =HYPERLINK(…)}) is written with a single quote in front, as OWASP's advice on CSV injection
 * has it; a number ({@code -1234.5}) stays a number.
 */
public final class CsvRenderer {
  private static final java.util.regex.Pattern NUMBER =
      java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private CsvRenderer() {}

  /**
   * A cell as a spreadsheet may read it safely: text beginning with {@code = + - @}, a tab or a
   * carriage return gets a leading single quote; numbers and other text are left as they are.
   */
  public static String neutralised(String cell) {
    if (cell == null || cell.isEmpty() || NUMBER.matcher(cell).matches()) {
      return cell;
    }
    char c = cell.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
  }

  public static String render(Release release) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
        .setHeader("table", "heading", "row", "period", "printed", "value", "unit", "figure").get())) {
      for (Table t : release.tables()) {
        String heading = "";
        for (Row r : t.rows()) {
          if (r instanceof Row.Heading h) {
            heading = h.text();
          } else if (r instanceof Row.Values v) {
            for (Cell c : v.cells()) {
              if (c.key().isEmpty()) {
                continue;
              }
              FactKey k = c.key().get();
              var value = Formats.value(c, release.facts());
              csv.printRecord(neutralised(t.id()), neutralised(heading), neutralised(v.label()),
                  neutralised(k.period().code()), neutralised(Formats.text(c, release.facts())),
                  value.map(Formats::plain).orElse(""),
                  neutralised(release.facts().find(k).map(f -> f.unit().code() + (c.scale() == 3 ? " thousands" : "")).orElse("")),
                  neutralised(k.toString()));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  static List<String> formats() {
    return List.of("text", "json", "csv");
  }
}

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
 */
public final class CsvRenderer {
  private CsvRenderer() {}

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
              csv.printRecord(t.id(), heading, v.label(), k.period().code(), Formats.text(c, release.facts()),
                  value.map(Formats::plain).orElse(""),
                  release.facts().find(k).map(f -> f.unit().code() + (c.scale() == 3 ? " thousands" : "")).orElse(""),
                  k.toString());
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

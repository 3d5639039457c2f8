package org.orebook.ledger;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Test-side reading of CSV files with Commons CSV, independent of the scanners under test. */
final class Csv {
  private Csv() {}

  static List<CSVRecord> rows(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file)) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
          .setIgnoreEmptyLines(true).get().parse(r).getRecords();
    }
  }

  /** A dataset file's values by its key columns joined with '|'. */
  static Map<String, BigDecimal> figures(Path file, String... key) throws IOException {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    for (CSVRecord r : rows(file)) {
      StringBuilder k = new StringBuilder();
      for (String c : key) {
        k.append(k.isEmpty() ? "" : "|").append(r.get(c));
      }
      BigDecimal previous = out.put(k.toString(), new BigDecimal(r.get("value")));
      if (previous != null) {
        throw new AssertionError("two rows for " + k + " in " + file);
      }
    }
    return out;
  }

  static Map<String, BigDecimal> costs(Path dir) throws IOException {
    return figures(dir.resolve("costs.csv"), "unit", "period", "item");
  }

  static Map<String, BigDecimal> production(Path dir) throws IOException {
    return figures(dir.resolve("production.csv"), "unit", "period", "item", "metal");
  }
}

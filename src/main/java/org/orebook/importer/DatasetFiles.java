package org.orebook.importer;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A dataset folder held in memory: CSV files (header and rows, in the engine's input format, see
 * docs/input-format.md) and a README. Written with Apache Commons CSV.
 */
public final class DatasetFiles {
  /** One CSV file: its header, an optional comment, and its rows. */
  public static final class CsvTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> comments = new ArrayList<>();

    CsvTable(List<String> header) {
      this.header = List.copyOf(header);
    }

    /** Adds a row; values are strings, BigDecimals (written plain) or null (empty). */
    public void add(Object... values) {
      if (values.length != header.size()) {
        throw new IllegalArgumentException("expected " + header.size() + " fields, got " + values.length);
      }
      rows.add(Arrays.stream(values).map(DatasetFiles::text).toList());
    }

    void comment(String c) {
      comments.add(c);
    }

    public List<String> header() {
      return header;
    }

    public List<List<String>> rows() {
      return List.copyOf(rows);
    }
  }

  private final Map<String, CsvTable> files = new LinkedHashMap<>();
  private String readme = "";

  /** The CSV file {@code name}, created with {@code header} the first time. */
  public CsvTable file(String name, String... header) {
    return files.computeIfAbsent(name, n -> new CsvTable(List.of(header)));
  }

  public Map<String, CsvTable> files() {
    return java.util.Collections.unmodifiableMap(files);
  }

  void readme(String text) {
    this.readme = text;
  }

  public String readme() {
    return readme;
  }

  /** A number as a dataset file writes it: plain decimal, no exponent, no trailing zeros. */
  static String plain(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
  }

  private static String text(Object o) {
    if (o == null) {
      return "";
    }
    if (o instanceof BigDecimal b) {
      return plain(b);
    }
    return o.toString();
  }

  /** Writes every file into {@code folder} (which must exist). */
  void writeInto(Path folder) throws IOException {
    for (var e : files.entrySet()) {
      CsvTable t = e.getValue();
      CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").setCommentMarker('#')
          .setHeader(t.header.toArray(String[]::new)).setHeaderComments(t.comments.toArray(String[]::new)).get();
      try (Writer w = Files.newBufferedWriter(folder.resolve(e.getKey()), StandardCharsets.UTF_8);
           CSVPrinter p = new CSVPrinter(w, format)) {
        for (List<String> r : t.rows) {
          p.printRecord(r);
        }
      }
    }
    Files.writeString(folder.resolve("README.md"), readme, StandardCharsets.UTF_8);
  }
}

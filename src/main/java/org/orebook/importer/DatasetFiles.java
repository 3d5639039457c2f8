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
import org.orebook.data.DatasetFile;

/**
 * A dataset folder held in memory: CSV files (header and rows, in the engine's input format, see
 * docs/input-format.md) and a README. Written with Apache Commons CSV.
 */
public final class DatasetFiles {
  /** One CSV file: its header (the columns its {@link DatasetFile} declares), an optional comment, and its rows. */
  public static final class CsvTable {
    private final String name;
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> comments = new ArrayList<>();

    CsvTable(DatasetFile file) {
      this.name = file.name();
      this.header = List.copyOf(file.columns());
    }

    /**
     * Adds a row, one value per declared column in their order; values are strings, BigDecimals
     * (written plain) or null (empty). A row of another width is a bug of its writer (the format
     * gained or lost a column): refused, naming the file and its columns.
     */
    public void add(Object... values) {
      if (values.length != header.size()) {
        throw new IllegalArgumentException(name + ": a row has " + header.size() + " fields (" + String.join(",", header)
            + "), this one " + values.length);
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

  /** The CSV file of {@code file}, created with the columns the format declares the first time. */
  public CsvTable file(DatasetFile file) {
    return files.computeIfAbsent(file.name(), n -> new CsvTable(file));
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

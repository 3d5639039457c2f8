package org.orebook.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One dataset file read with Apache Commons CSV: header row, {@code #} comments, blank lines
 * skipped, each row kept with its line number so every error can name file, line and field.
 */
final class CsvFile {
  /** A row: its 1-based line number in the file and its fields by header name. */
  record Row(String file, long line, Map<String, String> fields) {
    String get(String field) {
      String v = fields.get(field);
      return v == null ? "" : v.trim();
    }
  }

  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
      .setHeader().setSkipHeaderRecord(true).setCommentMarker('#').setIgnoreEmptyLines(true)
      .setIgnoreSurroundingSpaces(true).setAllowMissingColumnNames(false).get();

  private CsvFile() {}

  /** Reads the rows, or records an error and returns an empty list. */
  static List<Row> read(Path folder, String name, List<String> requiredColumns, boolean required, List<DataError> errors) {
    Path file = folder.resolve(name);
    if (!Files.isRegularFile(file)) {
      if (required) {
        errors.add(new DataError(name, 0, "", "required file is missing from " + folder));
      }
      return List.of();
    }
    List<Row> rows = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
         CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
      List<String> header = parser.getHeaderNames();
      boolean ok = true;
      for (String c : requiredColumns) {
        if (!header.contains(c)) {
          errors.add(new DataError(name, 1, c, "missing column (the header must name " + String.join(",", requiredColumns) + ")"));
          ok = false;
        }
      }
      if (!ok) {
        return List.of();
      }
      for (CSVRecord r : parser) {
        long line = parser.getCurrentLineNumber();
        if (!r.isConsistent()) {
          errors.add(new DataError(name, line, "", "expected " + header.size() + " fields, found " + r.size()));
          continue;
        }
        rows.add(new Row(name, line, r.toMap()));
      }
    } catch (IOException | RuntimeException e) {
      errors.add(new DataError(name, 0, "", "cannot read: " + e.getMessage()));
      return List.of();
    }
    return rows;
  }
}

package org.orebook.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rows of one dataset file from a {@link DatasetSource}, checked for their required columns. */
final class CsvFile {
  /** A row: its 1-based line number in the file and its fields by header name. */
  record Row(String file, long line, Map<String, String> fields) {
    String get(String field) {
      String v = fields.get(field);
      return v == null ? "" : v.trim();
    }
  }

  private CsvFile() {}

  /** Reads the rows, or records an error and returns an empty list. */
  static List<Row> read(DatasetSource source, DatasetFile file, List<DataError> errors) {
    String name = file.name();
    Optional<DatasetSource.SourceFile> read = source.read(name, errors);
    if (read.isEmpty()) {
      if (file.required()) {
        errors.add(new DataError(name, 0, "", "required file is missing from " + source.describe()));
      }
      return List.of();
    }
    List<String> header = read.get().header();
    boolean ok = true;
    for (String c : file.columns()) {
      if (!header.contains(c)) {
        errors.add(new DataError(name, 1, c, "missing column (the header must name " + String.join(",", file.columns()) + ")"));
        ok = false;
      }
    }
    if (!ok) {
      return List.of();
    }
    List<Row> rows = new ArrayList<>();
    for (DatasetSource.SourceRow r : read.get().rows()) {
      rows.add(new Row(name, r.line(), r.fields()));
    }
    return rows;
  }
}

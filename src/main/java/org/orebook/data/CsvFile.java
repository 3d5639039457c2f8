package org.orebook.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of one dataset file from a {@link DatasetSource}, checked for their required columns and
 * for the sizes a dataset's fields may have (docs/input-format.md, "Limits"): what passes here can
 * be stored as it is.
 */
final class CsvFile {
  /** Longest value of a field. */
  static final int MAX_FIELD = 2_000;
  /** Most characters of the fields that identify a row (an id; a unit, period and item) together. */
  static final int MAX_KEY = 400;
  /** Longest column name. */
  static final int MAX_COLUMN_NAME = 100;
  /** Most columns in a file. */
  static final int MAX_COLUMNS = 30;
  /** Most characters of a row's fields together, as stored (names and values, quotes and escapes counted). */
  static final int MAX_ROW = 15_000;

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
    if (header.isEmpty()) {
      return List.of(); // the source could not read it, and said why
    }
    boolean ok = true;
    for (String c : file.columns()) {
      if (!header.contains(c)) {
        errors.add(new DataError(name, 1, c, "missing column (the header must name " + String.join(",", file.columns()) + ")"));
        ok = false;
      }
    }
    if (header.size() > MAX_COLUMNS) {
      errors.add(new DataError(name, 1, "", header.size() + " columns; a dataset file has at most " + MAX_COLUMNS));
      ok = false;
    }
    for (String h : header) {
      if (h.length() > MAX_COLUMN_NAME) {
        errors.add(new DataError(name, 1, h.substring(0, 40) + "...", "a column name of " + h.length()
            + " characters; at most " + MAX_COLUMN_NAME));
        ok = false;
      }
    }
    if (!ok) {
      return List.of();
    }
    List<Row> rows = new ArrayList<>();
    for (DatasetSource.SourceRow r : read.get().rows()) {
      if (sized(name, file, r, errors)) {
        rows.add(new Row(name, r.line(), r.fields()));
      }
    }
    return rows;
  }

  /** True when every field of the row fits; else the first field that does not is an error. */
  private static boolean sized(String name, DatasetFile file, DatasetSource.SourceRow r, List<DataError> errors) {
    long stored = 2;
    int key = file.key().size() - 1;
    for (Map.Entry<String, String> e : r.fields().entrySet()) {
      String v = e.getValue() == null ? "" : e.getValue();
      if (v.trim().length() > MAX_FIELD) {
        errors.add(new DataError(name, r.line(), e.getKey(), v.trim().length() + " characters; at most " + MAX_FIELD));
        return false;
      }
      if (file.key().contains(e.getKey())) {
        key += v.trim().length();
      }
      stored += escaped(e.getKey()) + escaped(v) + 6;
    }
    if (key > MAX_KEY) {
      errors.add(new DataError(name, r.line(), String.join(",", file.key()), "the fields that identify the row take " + key
          + " characters together; at most " + MAX_KEY));
      return false;
    }
    if (stored > MAX_ROW) {
      errors.add(new DataError(name, r.line(), "", "the row's fields take " + stored + " characters together; at most "
          + MAX_ROW));
      return false;
    }
    return true;
  }

  /** Characters a value takes in the store's JSON: a control character six, a quote or backslash two. */
  private static long escaped(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      n += c < 0x20 ? 6 : c == '"' || c == '\\' ? 2 : 1;
    }
    return n;
  }
}

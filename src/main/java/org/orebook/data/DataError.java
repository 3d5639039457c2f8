package org.orebook.data;

/** One problem in a dataset, located by file, line and field. */
public record DataError(String file, long line, String field, String message) {
  @Override
  public String toString() {
    String where = line > 0 ? file + ", line " + line : file;
    return where + (field == null || field.isEmpty() ? "" : ", field '" + field + "'") + ": " + message;
  }
}

package org.orebook.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The versions of dataset rows ({@code row_version}) and the header of each file of a dataset
 * ({@code dataset_file}). Rows are never updated: a write appends a version, a removal a version
 * without fields, and the rows in force are the newest versions, or the newest written up to a
 * cut-off change per period (the figures as first approved).
 */
final class RowVersions {
  /** One stored version: its row, the period governing it, its line, its fields as JSON (null: removed) and its change. */
  record Stored(String dataset, String file, String key, String period, long line, String fields, long change) {}

  private RowVersions() {}

  /**
   * The rows in force of one dataset (of every dataset when {@code dataset} is null), of one file
   * (every file when {@code file} is null): see {@link #inForce(List, Map)}.
   *
   * @param cutoff per period, the last change that counts (the first approval); empty for the newest versions
   */
  static Map<RowId, StoredRow> inForce(Connection c, String companyId, String dataset, String file, Map<String, Long> cutoff)
      throws SQLException {
    List<Object> args = new ArrayList<>(List.of(companyId));
    if (dataset != null) {
      args.add(dataset);
    }
    if (file != null) {
      args.add(file);
    }
    List<Stored> versions = Sql.query(c, "SELECT dataset, file, row_key, period, line, fields, change_id FROM row_version WHERE company_id = ? "
        + (dataset == null ? "" : "AND dataset = ? ") + (file == null ? "" : "AND file = ? ") + "ORDER BY change_id, id", args,
        rs -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6),
            rs.getLong(7)));
    return inForce(versions, cutoff);
  }

  /**
   * The rows in force among {@code versions} (oldest first): for each row, its newest version or,
   * when the period of the row's newest version has a cut-off, its newest version written up to that
   * change; a row whose version in force is a removal is not in force.
   */
  static Map<RowId, StoredRow> inForce(List<Stored> versions, Map<String, Long> cutoff) throws SQLException {
    Map<RowId, Stored> latest = new LinkedHashMap<>();
    Map<RowId, String> periodOfKey = new HashMap<>();
    for (Stored v : versions) {
      periodOfKey.put(new RowId(v.dataset(), v.file(), v.key()), v.period());
    }
    for (Stored v : versions) {
      RowId id = new RowId(v.dataset(), v.file(), v.key());
      Long limit = cutoff.get(periodOfKey.get(id));
      if (limit == null || v.change() <= limit) {
        latest.put(id, v);
      }
    }
    Map<RowId, StoredRow> out = new LinkedHashMap<>();
    for (var e : latest.entrySet()) {
      Stored v = e.getValue();
      if (v.fields() != null) {
        out.put(e.getKey(), new StoredRow(v.file(), v.key(), v.period(), v.line(), Sql.fields(v.fields())));
      }
    }
    return out;
  }

  /** The periods of the company's current rows, in every dataset. */
  static Set<String> periodsWithFigures(Connection c, String companyId) throws SQLException {
    Set<String> out = new LinkedHashSet<>();
    inForce(c, companyId, null, null, Map.of()).values().forEach(r -> out.add(r.period()));
    return out;
  }

  /** Appends the version a change writes to one row of {@code dataset} (a removal: no fields). */
  static void write(Connection c, String companyId, String dataset, long change, RowChange d) throws SQLException {
    StoredRow row = d.row();
    Sql.update(c, "INSERT INTO row_version (company_id, dataset, file, row_key, period, line, fields, change_id) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        companyId, dataset, row.file(), row.key(), row.period(), row.line(), d.removed() ? Sql.NULL : Sql.json(d.after().fields()),
        change);
  }

  /** The header of each file of the dataset, as last loaded; empty when the company has no such dataset. */
  static Map<String, List<String>> headers(Connection c, String companyId, String dataset) throws SQLException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String[] r : Sql.query(c, "SELECT file, header FROM dataset_file WHERE company_id = ? AND dataset = ?",
        List.of(companyId, dataset), rs -> new String[] {rs.getString(1), rs.getString(2)})) {
      out.put(r[0], Sql.header(r[1], r[0]));
    }
    return out;
  }

  /** Replaces the headers of the dataset's files by those of a load. */
  static void replaceHeaders(Connection c, String companyId, String dataset, Map<String, List<String>> headers) throws SQLException {
    Sql.update(c, "DELETE FROM dataset_file WHERE company_id = ? AND dataset = ?", companyId, dataset);
    for (var h : headers.entrySet()) {
      Sql.update(c, "INSERT INTO dataset_file (company_id, dataset, file, header) VALUES (?, ?, ?, ?)", companyId, dataset,
          h.getKey(), Sql.json(h.getValue()));
    }
  }
}

package org.orebook.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The audit trail: every change (a load, an edit, a restatement or an approval: who, when, what
 * kind, why, from where) in {@code change_set}, and per change each field it touched, before and
 * after, in {@code audit_entry}. A row added or removed is one entry holding the whole row. The
 * trail is read newest change first; the four-eyes rule asks it who changed a period.
 */
final class AuditLog {
  /** One line the trail records for a row: the field (or "(row added)" / "(row removed)"), before and after. */
  record FieldChange(String field, String before, String after) {}

  private final Database db;

  AuditLog(Database db) {
    this.db = db;
  }

  /** Starts a change: its {@code change_set} row; returns its id. */
  static long begin(Connection c, String companyId, Actor actor, String kind, String period, String reason,
      String source) throws SQLException {
    return begin(c, companyId, actor, kind, period, reason, source, null);
  }

  /** Starts a change made for {@code request} (a token unique to one write, retried or not; or null). */
  static long begin(Connection c, String companyId, Actor actor, String kind, String period, String reason,
      String source, String request) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO change_set (company_id, actor, changed_at, kind, period, reason, "
        + "source, request) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
      Sql.bind(ps, List.of(companyId, actor.name(), Sql.now(), kind, Sql.opt(period), Sql.opt(reason), Sql.opt(source),
          Sql.opt(request)));
      ps.executeUpdate();
      try (ResultSet rs = ps.getGeneratedKeys()) {
        rs.next();
        return rs.getLong("id");
      }
    }
  }

  /**
   * What the trail records for one row written: a row added or removed is one line with the whole
   * row (as JSON); a row changed, one line per field whose value differs, in column order.
   */
  static List<FieldChange> fieldChanges(RowChange d) {
    if (d.added() || d.removed()) {
      return List.of(new FieldChange(d.added() ? "(row added)" : "(row removed)",
          d.added() ? null : Sql.json(d.before().fields()), d.removed() ? null : Sql.json(d.after().fields())));
    }
    Set<String> names = new LinkedHashSet<>(d.before().fields().keySet());
    names.addAll(d.after().fields().keySet());
    List<FieldChange> out = new ArrayList<>();
    for (String n : names) {
      String b = d.before().fields().get(n);
      String a = d.after().fields().get(n);
      if (!Objects.equals(a, b)) {
        out.add(new FieldChange(n, b, a));
      }
    }
    return out;
  }

  /** Records what change {@code change} did to one row of {@code dataset} ({@link #fieldChanges}). */
  static void recordRow(Connection c, long change, String dataset, RowChange d) throws SQLException {
    StoredRow row = d.row();
    for (FieldChange f : fieldChanges(d)) {
      Sql.update(c, "INSERT INTO audit_entry (change_id, dataset, file, row_key, period, field, before_value, after_value) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", change, dataset, row.file(), row.key(), row.period(), f.field(),
          Sql.opt(f.before()), Sql.opt(f.after()));
    }
  }

  /** Records an approval: the period's status from draft to approved. */
  static void recordApproval(Connection c, long change, String period) throws SQLException {
    Sql.update(c, "INSERT INTO audit_entry (change_id, file, row_key, period, field, before_value, after_value) "
        + "VALUES (?, NULL, NULL, ?, 'status', 'draft', 'approved')", change, period);
  }

  /** True when {@code actorName} changed anything of {@code period} of the company. */
  static boolean changedBy(Connection c, String companyId, String period, String actorName) throws SQLException {
    return Sql.exists(c, "SELECT 1 FROM audit_entry a JOIN change_set s ON a.change_id = s.id "
        + "WHERE s.company_id = ? AND a.period = ? AND s.actor = ?", companyId, period, actorName);
  }

  /** The periods of a company in which {@code actorName} changed anything. */
  Set<String> periodsChangedBy(String companyId, String actorName) throws StoreException {
    return new TreeSet<>(db.query("SELECT DISTINCT a.period FROM audit_entry a JOIN change_set s ON a.change_id = s.id "
        + "WHERE s.company_id = ? AND s.actor = ? AND a.period IS NOT NULL", List.of(companyId, actorName), rs -> rs.getString(1)));
  }

  /** The id of the company's newest change, 0 when none. */
  long latestChange(String companyId) throws StoreException {
    return db.query("SELECT MAX(id) FROM change_set WHERE company_id = ?", List.of(companyId), rs -> rs.getLong(1))
        .stream().findFirst().orElse(0L);
  }

  /** One page of the trail: {@code limit} lines after the first {@code offset}, newest change first; all companies when null. */
  List<AuditEntry> entries(String companyId, int offset, int limit) throws StoreException {
    String sql = "SELECT s.id, s.company_id, s.actor, s.changed_at, s.kind, s.reason, a.file, a.row_key, a.period, "
        + "a.field, a.before_value, a.after_value, a.dataset FROM change_set s JOIN audit_entry a ON a.change_id = s.id "
        + (companyId == null ? "" : "WHERE s.company_id = ? ") + "ORDER BY s.id DESC, a.id OFFSET " + Math.max(0, offset)
        + " ROWS FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY";
    return db.query(sql, companyId == null ? List.of() : List.of(companyId), rs -> new AuditEntry(rs.getLong(1), rs.getString(2),
        rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
        rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13)));
  }

  /** How many lines the trail has (of one company, or of all when {@code companyId} is null). */
  long size(String companyId) throws StoreException {
    String sql = "SELECT COUNT(*) FROM change_set s JOIN audit_entry a ON a.change_id = s.id"
        + (companyId == null ? "" : " WHERE s.company_id = ?");
    return db.query(sql, companyId == null ? List.of() : List.of(companyId), rs -> rs.getLong(1)).get(0);
  }
}

package org.orebook.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import org.flywaydb.core.Flyway;

/**
 * An H2 store file as an older Orebook left it: only migration V1 applied (Flyway with target 1),
 * holding one company ("old", release period FY2002) of generated rows, each with an audit line.
 */
final class V1Store {
  static final String COMPANY = "old";
  static final String PERIOD = "FY2002";

  private V1Store() {}

  /** The URL Orebook uses for the store file {@code dir/name.mv.db}. */
  static String url(Path dir, String name) {
    return "jdbc:h2:file:" + dir.resolve(name) + ";AUTO_SERVER=TRUE";
  }

  /** A plain URL to the same file (no automatic server): for looking at it while no store has it open. */
  static String plainUrl(Path dir, String name) {
    return "jdbc:h2:file:" + dir.resolve(name) + ";IFEXISTS=TRUE";
  }

  /** Writes {@code dir/name.mv.db} at schema version 1 with {@code rows} generated rows (seeded). */
  static void create(Path dir, String name, int rows, long seed) throws SQLException {
    String url = "jdbc:h2:file:" + dir.resolve(name);
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("1").load().migrate();
      Random random = new Random(seed);
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO company (id, name, release_period, created_at) VALUES ('" + COMPANY + "', 'Old Mining', '"
            + PERIOD + "', TIMESTAMP WITH TIME ZONE '2003-02-01 10:00:00+00')");
        s.execute("INSERT INTO company_file (company_id, file, header) VALUES ('" + COMPANY + "', 'costs.csv', 'mine,period,item,value,unit')");
        s.execute("INSERT INTO change_set (company_id, actor, changed_at, kind, period, reason, source) VALUES ('" + COMPANY
            + "', 'loader', TIMESTAMP WITH TIME ZONE '2003-02-01 10:00:00+00', 'load', NULL, NULL, 'costs')");
      }
      long change;
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(id) FROM change_set")) {
        rs.next();
        change = rs.getLong(1);
      }
      c.setAutoCommit(false);
      try (PreparedStatement row = c.prepareStatement("INSERT INTO row_version (company_id, file, row_key, period, line, fields, change_id)"
          + " VALUES (?, 'costs.csv', ?, ?, ?, ?, " + change + ")");
          PreparedStatement audit = c.prepareStatement("INSERT INTO audit_entry (change_id, file, row_key, period, field, before_value,"
              + " after_value) VALUES (" + change + ", 'costs.csv', ?, ?, 'value', NULL, ?)")) {
        for (int i = 0; i < rows; i++) {
          String key = "mine-" + i + "|" + PERIOD + "|mining";
          String value = String.valueOf(random.nextInt(10_000_000));
          row.setString(1, COMPANY);
          row.setString(2, key);
          row.setString(3, PERIOD);
          row.setLong(4, i + 2);
          row.setString(5, "{\"mine\":\"mine-" + i + "\",\"value\":\"" + value + "\"}");
          row.addBatch();
          audit.setString(1, key);
          audit.setString(2, PERIOD);
          audit.setString(3, value);
          audit.addBatch();
          if (i % 1000 == 999) {
            row.executeBatch();
            audit.executeBatch();
          }
        }
        row.executeBatch();
        audit.executeBatch();
      }
      c.commit();
      try (Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      }
    }
  }

  /** The newest schema version applied successfully to the file (no store may have it open). */
  /** The store's newest schema version: the number of the last migration in db/migration. */
  static final int LATEST = 3;

  static int schemaVersion(Path dir, String name) throws SQLException {
    try (Connection c = DriverManager.getConnection(plainUrl(dir, name), "sa", ""); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT MAX(CAST(\"version\" AS INT)), COUNT(*) FILTER (WHERE NOT \"success\")"
            + " FROM \"flyway_schema_history\"")) {
      rs.next();
      if (rs.getInt(2) != 0) {
        throw new AssertionError("a failed migration in the schema history of " + name);
      }
      return rs.getInt(1);
    }
  }

  /** The tables of the file, upper case, sorted (no store may have it open). */
  static java.util.List<String> tables(Path dir, String name) throws SQLException {
    java.util.List<String> out = new java.util.ArrayList<>();
    try (Connection c = DriverManager.getConnection(plainUrl(dir, name), "sa", ""); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT UPPER(TABLE_NAME) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
            + " ORDER BY 1")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}

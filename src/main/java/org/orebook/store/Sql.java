package org.orebook.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The store's statements on one connection: every parameter bound (never written into the SQL),
 * rows mapped one by one, and the JSON in which a row's fields and a file's header are kept.
 */
final class Sql {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {};

  /** A SQL NULL of type VARCHAR, for bind lists (List.of refuses null). */
  static final Object NULL = new Object();

  private Sql() {}

  /** Reads one result row. */
  @FunctionalInterface
  interface Mapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /** {@code s}, or {@link #NULL} when it is null. */
  static Object opt(String s) {
    return s == null ? NULL : s;
  }

  static Timestamp now() {
    return Timestamp.from(Instant.now());
  }

  static <T> List<T> query(Connection c, String sql, List<Object> args, Mapper<T> mapper) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(mapper.map(rs));
        }
        return out;
      }
    }
  }

  static boolean exists(Connection c, String sql, Object... args) throws SQLException {
    return !query(c, sql, List.of(args), rs -> Boolean.TRUE).isEmpty();
  }

  static void update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, List.of(args));
      ps.executeUpdate();
    }
  }

  static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
    for (int i = 0; i < args.size(); i++) {
      Object a = args.get(i);
      if (a == NULL) {
        ps.setNull(i + 1, java.sql.Types.VARCHAR);
      } else if (a instanceof Timestamp t) {
        ps.setTimestamp(i + 1, t);
      } else if (a instanceof Long l) {
        ps.setLong(i + 1, l);
      } else if (a instanceof Integer n) {
        ps.setInt(i + 1, n);
      } else {
        ps.setString(i + 1, a.toString());
      }
    }
  }

  /** A row's fields (or a header) as the JSON kept in its column. */
  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A row's fields from their JSON column, in column order. */
  static Map<String, String> fields(String json) throws SQLException {
    try {
      return JSON.readValue(json, FIELDS);
    } catch (JsonProcessingException e) {
      throw new SQLException("unreadable stored row", e);
    }
  }

  /** A file's header from its JSON column. */
  static List<String> header(String json, String file) throws SQLException {
    try {
      return List.of(JSON.readValue(json, String[].class));
    } catch (JsonProcessingException e) {
      throw new SQLException("unreadable header of " + file, e);
    }
  }
}

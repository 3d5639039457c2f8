package org.orebook.bench;

import org.orebook.ledger.CostCategory;
import org.orebook.ledger.LedgerTotals;
import org.orebook.ledger.LedgerInput;
import org.orebook.ledger.FiscalYears;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.orebook.scan.Chunks;

/**
 * The benchmark's reference: the same aggregation as {@link LedgerAggregator}, done by DuckDB
 * (embedded, in memory) over the same CSV files. The amount is read as {@code DECIMAL(18,2)}, so
 * DuckDB's sums are exact too; the period is attributed in SQL from the posting date (year and
 * quarter), the category by joining the chart of accounts:
 *
 * <pre>
 * WITH s AS (
 *   SELECT unit, year(date) AS y, quarter(date) AS q, account, sum(amount) AS total
 *   FROM read_csv(ledger, header = true, columns = {...})
 *   WHERE year(date) BETWEEN first AND last
 *   GROUP BY ALL)
 * SELECT s.unit, s.y, s.q, c.category, sum(s.total)
 * FROM s JOIN read_csv(chart, header = true, all_varchar = true) c ON s.account = c.account
 * GROUP BY ALL
 * </pre>
 *
 * <p>The sums by account come first and are joined to the chart afterwards: a join of the raw rows
 * to the chart (10 million rows probed against 40 accounts) is the same result and measured slower
 * here, so the benchmark gives DuckDB the faster form.
 */
public final class DuckDbAggregation implements AutoCloseable {
  private final Connection connection;

  /** An in-memory DuckDB using {@code threads} threads. */
  public DuckDbAggregation(int threads) throws SQLException {
    this.connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = connection.createStatement()) {
      s.execute("SET threads TO " + threads);
      s.execute("SELECT 1");
    }
  }

  /** The SQL for a ledger whose header is {@code columns}. */
  public static String sql(Path ledger, List<String> columns, Path chart, FiscalYears years) {
    String types = columns.stream().map(c -> "'" + c.replace("'", "''") + "': '" + switch (c) {
      case "date" -> "DATE";
      case "amount" -> "DECIMAL(18,2)";
      default -> "VARCHAR";
    } + "'").collect(Collectors.joining(", ", "{", "}"));
    return "WITH s AS (\n"
        + "  SELECT unit, year(date) AS y, quarter(date) AS q, account, sum(amount) AS total\n"
        + "  FROM read_csv(" + literal(ledger) + ", header = true, delim = ',', quote = '\"', columns = " + types + ")\n"
        + "  WHERE year(date) BETWEEN " + years.first() + " AND " + years.last() + "\n"
        + "  GROUP BY ALL)\n"
        + "SELECT s.unit, s.y, s.q, c.category, sum(s.total) AS total\n"
        + "FROM s JOIN read_csv(" + literal(chart) + ", header = true, all_varchar = true) c ON s.account = c.account\n"
        + "GROUP BY ALL";
  }

  private static String literal(Path p) {
    return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
  }

  /**
   * Runs the aggregation; returns the sums keyed as {@link #key}. Only non-empty groups come
   * back.
   */
  public Map<String, BigDecimal> aggregate(LedgerInput in) throws SQLException, IOException {
    List<String> columns = Chunks.header(in.ledger()).columns();
    Path chart = in.folder().resolve(LedgerInput.CHART);
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    try (Statement s = connection.createStatement();
         ResultSet r = s.executeQuery(sql(in.ledger(), columns, chart, in.years()))) {
      while (r.next()) {
        out.put(key(r.getString(1), r.getInt(2), r.getInt(3), r.getString(4)), r.getBigDecimal(5));
      }
    }
    return out;
  }

  /** "mine-01|2025|4|mining". */
  public static String key(String unit, int year, int quarter, String category) {
    return unit + "|" + year + "|" + quarter + "|" + category;
  }

  /**
   * The differences between Orebook's totals and DuckDB's ("mine-01|2025|4|mining: orebook 12.34,
   * duckdb 12.35"); empty when every sum is equal (a group DuckDB does not return is zero).
   */
  public static List<String> differences(LedgerTotals totals, Map<String, BigDecimal> duck) {
    Map<String, BigDecimal> remaining = new LinkedHashMap<>(duck);
    List<String> diffs = new java.util.ArrayList<>();
    FiscalYears years = totals.years();
    for (int u = 0; u < totals.units().size(); u++) {
      for (int q = 0; q < years.quarters(); q++) {
        for (CostCategory c : CostCategory.values()) {
          String k = key(totals.units().get(u), years.first() + q / 4, q % 4 + 1, c.code());
          BigDecimal ours = totals.amount(u, q, c);
          BigDecimal theirs = remaining.remove(k);
          if (theirs == null ? ours.signum() != 0 : ours.compareTo(theirs) != 0) {
            diffs.add(k + ": orebook " + ours.toPlainString() + ", duckdb " + (theirs == null ? "none" : theirs.toPlainString()));
          }
        }
      }
    }
    remaining.forEach((k, v) -> diffs.add(k + ": orebook none, duckdb " + v.toPlainString()));
    return diffs;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}

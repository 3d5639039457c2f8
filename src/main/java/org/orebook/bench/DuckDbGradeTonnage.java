package org.orebook.bench;

import org.orebook.blockmodel.GradeTonnageTable;
import org.orebook.blockmodel.GradeTonnageSpec;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The benchmark's reference: the same cumulative grade-tonnage table computed by DuckDB (embedded,
 * in memory) over the same CSV, in exact {@code DECIMAL} arithmetic: every number column is read as
 * {@code DECIMAL(18,6)}, each block is given the bin of the highest cut-off it reaches by a
 * {@code CASE}, the bins are summed by category and in total ({@code GROUPING SETS}), and a window
 * sum from the highest bin down makes them cumulative:
 *
 * <pre>
 * WITH b AS (SELECT rock, tonnes, au, ..., CASE WHEN au &gt;= 2 THEN 3 WHEN au &gt;= 1 THEN 2 WHEN au &gt;= 0.5 THEN 1 ELSE 0 END AS bin
 *            FROM read_csv(model, header = true, columns = {...})),
 *      g AS (SELECT rock, bin, count(*) AS n, sum(t) AS t, sum(CAST(t AS DECIMAL(38,6)) * au) AS s0, ...
 *            FROM b WHERE bin &gt; 0 GROUP BY GROUPING SETS ((rock, bin), (bin)))
 * SELECT rock, bin, sum(n) OVER w, sum(t) OVER w, sum(s0) OVER w, ...
 * FROM g WINDOW w AS (PARTITION BY rock ORDER BY bin DESC ROWS UNBOUNDED PRECEDING)
 * </pre>
 *
 * Only the plain cut-off on a tonnage column is written in SQL (what the benchmark runs).
 */
public final class DuckDbGradeTonnage implements AutoCloseable {
  private final Connection connection;

  /** An in-memory DuckDB using {@code threads} threads. */
  public DuckDbGradeTonnage(int threads) throws SQLException {
    this.connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = connection.createStatement()) {
      s.execute("SET threads TO " + threads);
      s.execute("SELECT 1");
    }
  }

  /** The SQL for a model whose header is {@code columns}. */
  public static String sql(Path model, List<String> columns, GradeTonnageSpec spec) {
    if (spec.byVolume() || spec.equivalent() != null) {
      throw new IllegalArgumentException("the DuckDB reference covers a tonnage column and a plain cut-off grade");
    }
    List<String> numbers = new ArrayList<>();
    numbers.add(spec.tonnageColumn());
    spec.grades().forEach(g -> numbers.add(g.column()));
    String types = columns.stream().map(c -> literal(c) + ": '" + (numbers.contains(c) ? "DECIMAL(18,6)" : "VARCHAR") + "'")
        .collect(Collectors.joining(", ", "{", "}"));
    String cat = spec.categoryColumn() == null ? "''" : id(spec.categoryColumn());
    String t = id(spec.tonnageColumn());
    String cut = id(spec.cutoffGrade().column());
    StringBuilder bin = new StringBuilder("CASE");
    for (int i = spec.cutoffs().size() - 1; i >= 0; i--) {
      bin.append(" WHEN ").append(cut).append(" >= ").append(spec.cutoffs().get(i).toPlainString()).append(" THEN ").append(i + 1);
    }
    bin.append(" ELSE 0 END");
    StringBuilder sums = new StringBuilder();
    StringBuilder windows = new StringBuilder();
    for (int m = 0; m < spec.grades().size(); m++) {
      sums.append(", sum(CAST(t AS DECIMAL(38,6)) * ").append(id(spec.grades().get(m).column())).append(") AS s").append(m);
      windows.append(", sum(s").append(m).append(") OVER w");
    }
    return "WITH b AS (\n"
        + "  SELECT " + cat + " AS category, " + t + " AS t, " + spec.grades().stream().map(g -> id(g.column()))
            .collect(Collectors.joining(", ")) + ", " + bin + " AS bin\n"
        + "  FROM read_csv(" + literal(model.toAbsolutePath().toString()) + ", header = true, delim = ',', quote = '\"', columns = "
            + types + ")),\n"
        + "g AS (\n"
        + "  SELECT category, bin, count(*) AS n, sum(t) AS t" + sums + "\n"
        + "  FROM b WHERE bin > 0 GROUP BY GROUPING SETS ((category, bin), (bin)))\n"
        + "SELECT category, bin, sum(n) OVER w, sum(t) OVER w" + windows + "\n"
        + "FROM g WINDOW w AS (PARTITION BY category ORDER BY bin DESC ROWS UNBOUNDED PRECEDING)";
  }

  private static String id(String column) {
    return "\"" + column.replace("\"", "\"\"") + "\"";
  }

  private static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /** One cumulative row: blocks, tonnage and tonnage x grade per metal, exact. */
  public record Sums(long blocks, BigDecimal tonnage, List<BigDecimal> tonnageGrade) {}

  /** Runs the query; returns rows keyed by {@link #key} (category null for all categories). */
  public Map<String, Sums> run(Path model, List<String> columns, GradeTonnageSpec spec) throws SQLException {
    Map<String, Sums> out = new LinkedHashMap<>();
    int metals = spec.grades().size();
    try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql(model, columns, spec))) {
      while (r.next()) {
        List<BigDecimal> tg = new ArrayList<>();
        for (int m = 0; m < metals; m++) {
          tg.add(r.getBigDecimal(5 + m));
        }
        out.put(key(r.getString(1), spec.cutoffs().get(r.getInt(2) - 1)), new Sums(r.getLong(3), r.getBigDecimal(4), tg));
      }
    }
    return out;
  }

  /** "oxide|0.5"; "*|0.5" for all categories. */
  public static String key(String category, BigDecimal cutoff) {
    return (category == null ? "*" : category) + "|" + cutoff.stripTrailingZeros().toPlainString();
  }

  /**
   * The differences between Orebook's table and DuckDB's rows ("oxide|0.5 tonnage: orebook 12,
   * duckdb 13"); empty when every figure is equal as a number. A row DuckDB does not return (no
   * block reaches the cut-off) is zero.
   */
  public static List<String> differences(GradeTonnageTable table, Map<String, Sums> duck) {
    List<String> diffs = new ArrayList<>();
    Map<String, Sums> remaining = new LinkedHashMap<>(duck);
    boolean byCategory = table.spec().categoryColumn() != null;
    for (GradeTonnageTable.Row row : table.rows()) {
      Sums d = remaining.remove(key(row.category(), row.cutoff()));
      if (!byCategory && row.category() == null) {
        remaining.remove(key("", row.cutoff()));
      }
      String k = key(row.category(), row.cutoff());
      if (d == null) {
        if (row.blocks() != 0) {
          diffs.add(k + ": orebook " + row.blocks() + " blocks, duckdb none");
        }
        continue;
      }
      if (d.blocks() != row.blocks()) {
        diffs.add(k + " blocks: orebook " + row.blocks() + ", duckdb " + d.blocks());
      }
      if (d.tonnage().compareTo(row.tonnage()) != 0) {
        diffs.add(k + " tonnage: orebook " + row.tonnage().toPlainString() + ", duckdb " + d.tonnage().toPlainString());
      }
      for (int m = 0; m < d.tonnageGrade().size(); m++) {
        BigDecimal ours = row.tonnageGrade().get(table.keys().get(m));
        if (!Objects.equals(ours == null ? null : ours.compareTo(d.tonnageGrade().get(m)), 0)) {
          diffs.add(k + " tonnage x " + table.keys().get(m) + ": orebook " + ours + ", duckdb " + d.tonnageGrade().get(m));
        }
      }
    }
    remaining.keySet().forEach(k -> diffs.add(k + ": orebook none, duckdb a row"));
    return diffs;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}

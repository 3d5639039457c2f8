package org.orebook.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The companies held in the store and their datasets: a company's id, name and release period
 * (that of its newest dataset), and the datasets it holds, each named by the release period of the
 * folder it was loaded from, newest first.
 */
final class Companies {
  private final Database db;

  Companies(Database db) {
    this.db = db;
  }

  List<CompanyInfo> all() throws StoreException {
    return db.query("SELECT id, name, release_period FROM company ORDER BY id", List.of(),
        rs -> new CompanyInfo(rs.getString(1), rs.getString(2), rs.getString(3)));
  }

  Optional<CompanyInfo> find(String id) throws StoreException {
    return db.query("SELECT id, name, release_period FROM company WHERE id = ?", List.of(id),
        rs -> new CompanyInfo(rs.getString(1), rs.getString(2), rs.getString(3))).stream().findFirst();
  }

  /** The company, or {@link StoreException.Kind#NOT_FOUND}. */
  CompanyInfo require(String id) throws StoreException {
    return find(id).orElseThrow(() -> new StoreException(StoreException.Kind.NOT_FOUND, "no company '" + id + "' in the store"));
  }

  /** A company id from a name: lower case letters, digits and dashes ("Hecla" gives "hecla"). */
  static String slug(String name) {
    String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    return s.isEmpty() ? "company" : s;
  }

  /** The company's datasets, newest period first. */
  List<String> datasets(String companyId) throws StoreException {
    require(companyId);
    return db.inTransaction(false, c -> datasets(c, companyId));
  }

  /**
   * The dataset a release of {@code period} comes from: the dataset of that period when the
   * company has one, else its newest.
   */
  String datasetFor(String companyId, String period) throws StoreException {
    List<String> all = datasets(companyId);
    if (all.isEmpty()) {
      throw new StoreException(StoreException.Kind.NOT_FOUND, companyId + " holds no dataset");
    }
    return period != null && all.contains(period) ? period : all.get(0);
  }

  static List<String> datasets(Connection c, String companyId) throws SQLException {
    List<String> out = new ArrayList<>(Sql.query(c, "SELECT DISTINCT dataset FROM dataset_file WHERE company_id = ?",
        List.of(companyId), rs -> rs.getString(1)));
    out.sort(PeriodOrder.NEWEST_FIRST);
    return out;
  }

  /** Adds the company when the store does not hold it yet. */
  static void addIfAbsent(Connection c, String id, String name, String releasePeriod) throws SQLException {
    if (!Sql.exists(c, "SELECT 1 FROM company WHERE id = ?", id)) {
      Sql.update(c, "INSERT INTO company (id, name, release_period, created_at) VALUES (?, ?, ?, ?)",
          id, name, releasePeriod, Sql.now());
    }
  }

  /** After a load: the company's name as last loaded; its release period is its newest dataset's. */
  static void afterLoad(Connection c, String id, String name) throws SQLException {
    Sql.update(c, "UPDATE company SET name = ?, release_period = ? WHERE id = ?", name, datasets(c, id).get(0), id);
  }
}

package org.orebook.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.orebook.data.DataError;
import org.orebook.data.Dataset;
import org.orebook.data.DatasetException;
import org.orebook.data.DatasetFile;
import org.orebook.data.DatasetLoader;
import org.orebook.data.DatasetSource;
import org.orebook.quantity.Period;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database behind Orebook: companies, their dataset rows with every version, period approval,
 * the audit trail and user accounts. Embedded H2 by default, PostgreSQL by JDBC URL; the schema is
 * migrated by Flyway on open and the same SQL runs on both. Every statement binds its parameters.
 *
 * <p>Rows are never updated: a load or an edit appends versions. A period is a draft until an
 * approver approves it; after that a change is a restatement, which needs an approver and a
 * reason, and the figures as first approved stay reportable ({@link Version#ORIGINAL}).
 */
public final class Store implements AutoCloseable {
  static {
    // H2's automatic mixed mode (AUTO_SERVER, the default URL) lets a second process reach the
    // database through a TCP server inside the process that opened the file: on loopback only.
    if (System.getProperty("h2.bindAddress") == null) {
      System.setProperty("h2.bindAddress", "127.0.0.1");
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {};
  private static final Logger LOG = LoggerFactory.getLogger(Store.class);

  /**
   * How a store waits and pools: how long an operation waits for the store when another writer
   * holds it (or the database cannot be reached) before it gives up as {@link StoreException.Kind#BUSY};
   * the most connections kept; and who hears, once per operation, that it is waiting.
   */
  public record Settings(Duration waitLimit, int poolSize, Consumer<String> onWait) {
    public Settings {
      Objects.requireNonNull(waitLimit);
      Objects.requireNonNull(onWait);
      if (poolSize < 1) {
        throw new IllegalArgumentException("poolSize " + poolSize);
      }
    }

    /** 30 seconds, 8 connections, nobody told. */
    public static Settings defaults() {
      return new Settings(Duration.ofSeconds(30), 8, m -> { });
    }

    public Settings withWait(Duration w) {
      return new Settings(w, poolSize, onWait);
    }

    public Settings withPoolSize(int n) {
      return new Settings(waitLimit, n, onWait);
    }

    public Settings withOnWait(Consumer<String> c) {
      return new Settings(waitLimit, poolSize, c);
    }
  }

  private final String url;
  private final String user;
  private final String password;
  private final Settings settings;
  private final HikariDataSource pool;
  /** H2 only: one connection held while the store is open, so the database stays open in this process. */
  private volatile Connection keeper;

  private Store(String url, String user, String password, Settings settings, HikariDataSource pool) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.settings = settings;
    this.pool = pool;
  }

  /** The default database: {@code $OREBOOK_DB}, else an H2 file under {@code ~/.orebook}. */
  public static String defaultUrl() {
    String env = System.getenv("OREBOOK_DB");
    if (env != null && !env.isBlank()) {
      return env;
    }
    return userStoreUrl();
  }

  /** The user's own store, an H2 file under {@code ~/.orebook} (whatever {@code $OREBOOK_DB} says). */
  public static String userStoreUrl() {
    Path file = Path.of(System.getProperty("user.home"), ".orebook", "orebook");
    return "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE";
  }

  /**
   * Opens the database at {@code url} and migrates its schema. Credentials come from the URL, or
   * from {@code OREBOOK_DB_USER} and {@code OREBOOK_DB_PASSWORD}.
   */
  public static Store open(String url) throws StoreException {
    return open(url, Settings.defaults());
  }

  public static Store open(String url, Settings settings) throws StoreException {
    String u = System.getenv().getOrDefault("OREBOOK_DB_USER", url.startsWith("jdbc:h2:") ? "sa" : null);
    String p = System.getenv().getOrDefault("OREBOOK_DB_PASSWORD", url.startsWith("jdbc:h2:") ? "" : null);
    return open(url, u, p, settings);
  }

  public static Store open(String url, String user, String password) throws StoreException {
    return open(url, user, password, Settings.defaults());
  }

  /**
   * Opens the database with a pool of connections and migrates its schema (Flyway). When the
   * database cannot be opened yet (another process is opening or closing the H2 file, a server is
   * restarting), it tries again until {@link Settings#waitLimit()} has passed.
   */
  public static Store open(String url, String user, String password, Settings settings) throws StoreException {
    if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
      throw new StoreException(StoreException.Kind.INVALID,
          "unsupported database URL '" + url + "' (jdbc:h2:… or jdbc:postgresql:…)");
    }
    boolean h2 = url.startsWith("jdbc:h2:");
    if (h2) {
      try {
        NewH2File.createIfAbsent(url, user, password);
      } catch (java.sql.SQLException | java.io.IOException e) {
        throw new StoreException(StoreException.Kind.FAILED, "cannot create the store " + redacted(url) + ": "
            + e.getMessage());
      }
    }
    HikariConfig cfg = new HikariConfig();
    cfg.setPoolName("orebook-store");
    cfg.setJdbcUrl(url);
    if (user != null) {
      cfg.setUsername(user);
      cfg.setPassword(password);
    }
    cfg.setMaximumPoolSize(settings.poolSize());
    cfg.setMinimumIdle(Math.min(2, settings.poolSize()));
    cfg.setConnectionTimeout(5_000);
    cfg.setValidationTimeout(2_000);
    cfg.setInitializationFailTimeout(-1); // opening is retried below, within the wait
    // a writer waits at most a second for the lock at a time, then the whole transaction is retried
    cfg.setConnectionInitSql(h2 ? "SET LOCK_TIMEOUT 1000" : "SET lock_timeout = '1s'");
    Store s = new Store(url, user, password, settings, new HikariDataSource(cfg));
    try {
      // one direct connection first: a refusal for good (a wrong user or password, no such database) is said at
      // once in the driver's words, not after the pool's timeouts; for H2 it is kept while the store is open
      Connection first = null;
      try {
        first = s.connectDirect();
      } catch (SQLException e) {
        if (!transientFailure(e)) {
          throw new StoreException(StoreException.Kind.FAILED, "cannot open " + redacted(url) + ": " + firstLine(e), List.of(), e);
        }
      }
      if (first != null && !h2) {
        first.close();
        first = null;
      }
      s.migrate();
      if (h2) {
        s.keeper = first != null ? first : s.retrying("open", false, c -> s.connectDirect());
      }
    } catch (SQLException e) {
      s.close();
      throw new StoreException(StoreException.Kind.FAILED, "cannot open " + redacted(url) + ": " + firstLine(e), List.of(), e);
    } catch (StoreException | RuntimeException e) {
      s.close();
      throw e;
    }
    return s;
  }

  private Connection connectDirect() throws SQLException {
    return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
  }

  private void migrate() throws StoreException {
    retrying("open", false, c -> {
      try {
        Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        return null;
      } catch (FlywayException e) {
        // two processes migrating a new database at once: the loser sees the winner's tables
        throw new SQLException("cannot open or migrate " + redacted(url) + ": " + e.getMessage(),
            transientFailure(e) || String.valueOf(e.getMessage()).contains("already exists") ? "40001" : "XX000", e);
      }
    });
  }

  /** The URL without any password in it, for messages. */
  public static String redacted(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  public String url() {
    return redacted(url);
  }

  /** How long an operation waits for a busy store. */
  public Duration waitLimit() {
    return settings.waitLimit();
  }

  @Override
  public void close() {
    Connection k = keeper;
    keeper = null;
    if (k != null) {
      try {
        k.close();
      } catch (SQLException e) {
        // closing anyway
      }
    }
    pool.close();
  }

  /** True when the database answers a query (through the pool: no connection is opened for it). */
  public boolean reachable() {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
      return rs.next();
    } catch (SQLException e) {
      return false;
    }
  }

  // ---------------------------------------------------------------- companies

  public List<CompanyInfo> companies() throws StoreException {
    return query("SELECT id, name, release_period FROM company ORDER BY id", List.of(),
        rs -> new CompanyInfo(rs.getString(1), rs.getString(2), rs.getString(3)));
  }

  public Optional<CompanyInfo> company(String id) throws StoreException {
    return query("SELECT id, name, release_period FROM company WHERE id = ?", List.of(id),
        rs -> new CompanyInfo(rs.getString(1), rs.getString(2), rs.getString(3))).stream().findFirst();
  }

  private CompanyInfo requireCompany(String id) throws StoreException {
    return company(id).orElseThrow(() -> new StoreException(StoreException.Kind.NOT_FOUND, "no company '" + id + "' in the store"));
  }

  /** A company id from a name: lower case letters, digits and dashes ("Hecla" gives "hecla"). */
  public static String slug(String name) {
    String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    return s.isEmpty() ? "company" : s;
  }

  /**
   * The company's datasets, newest period first: each is named by the release period of the folder
   * it was loaded from ({@code company.csv} {@code period}), and holds that folder's rows.
   */
  public List<String> datasets(String companyId) throws StoreException {
    requireCompany(companyId);
    return inTransaction(false, c -> datasets(c, companyId));
  }

  /**
   * The dataset a release of {@code period} comes from: the dataset of that period when the
   * company has one, else its newest (whose release may show the period as a column or a quarter).
   */
  public String datasetFor(String companyId, String period) throws StoreException {
    List<String> all = datasets(companyId);
    if (all.isEmpty()) {
      throw new StoreException(StoreException.Kind.NOT_FOUND, companyId + " holds no dataset");
    }
    return period != null && all.contains(period) ? period : all.get(0);
  }

  private static List<String> datasets(Connection c, String companyId) throws SQLException {
    List<String> out = new ArrayList<>(query(c, "SELECT DISTINCT dataset FROM dataset_file WHERE company_id = ?",
        List.of(companyId), rs -> rs.getString(1)));
    out.sort(Store::comparePeriods);
    return out;
  }

  /** The id of the company's newest change (a load, edit, restatement or approval), 0 when none. */
  public long latestChange(String companyId) throws StoreException {
    return query("SELECT MAX(id) FROM change_set WHERE company_id = ?", List.of(companyId), rs -> rs.getLong(1))
        .stream().findFirst().orElse(0L);
  }

  // ---------------------------------------------------------------- load

  /**
   * Loads a dataset, all or nothing. The dataset is validated first (every error located, nothing
   * written); then, in one transaction, rows that are new, changed or gone get a new version and
   * the audit trail records each field. Rows of an approved period may change only as a
   * restatement: by an approver, with a reason.
   *
   * <p>The rows go to the company's dataset of the folder's release period: a load replaces that
   * dataset and leaves the company's datasets of other periods as they are. Writers take turns
   * (they wait for each other within {@link Settings#waitLimit()}, then give up as busy).
   *
   * @param companyId the id to store it under, or null for the slug of the company's short name
   */
  public LoadResult load(String companyId, DatasetSource source, Actor actor, String reason)
      throws DatasetException, StoreException {
    Dataset dataset = DatasetLoader.load(source);
    String id = companyId != null ? companyId : slug(shortName(dataset));
    String releasePeriod = dataset.company().releasePeriod().code();
    List<DataError> errors = new ArrayList<>();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    Map<RowId, StoredRow> incoming = new LinkedHashMap<>();
    for (DatasetFile f : DatasetFile.ALL) {
      Optional<DatasetSource.SourceFile> file = source.read(f.name(), errors);
      if (file.isEmpty()) {
        continue;
      }
      headers.put(f.name(), file.get().header());
      Map<String, Long> firstLine = new HashMap<>();
      for (DatasetSource.SourceRow r : file.get().rows()) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String h : file.get().header()) {
          String v = r.fields().get(h);
          fields.put(h, v == null ? "" : v.trim());
        }
        String key = keyOf(f, fields);
        Long before = firstLine.putIfAbsent(key, r.line());
        if (before != null) {
          errors.add(new DataError(f.name(), r.line(), String.join(",", f.key()),
              "same " + String.join(", ", f.key()) + " as line " + before + " (" + key + ")"));
          continue;
        }
        String period = f.hasPeriod() ? fields.get("period") : releasePeriod;
        incoming.put(new RowId(releasePeriod, f.name(), key), new StoredRow(f.name(), key, period, r.line(), fields));
      }
    }
    if (!errors.isEmpty()) {
      throw new DatasetException(errors);
    }
    return inTransaction(true, c -> {
      boolean exists = exists(c, "SELECT 1 FROM company WHERE id = ?", id);
      if (!exists) {
        update(c, "INSERT INTO company (id, name, release_period, created_at) VALUES (?, ?, ?, ?)",
            id, dataset.company().name(), releasePeriod, now());
      }
      Map<RowId, StoredRow> current = currentRows(c, id, releasePeriod, Version.CURRENT);
      List<Diff> diffs = new ArrayList<>();
      for (var e : incoming.entrySet()) {
        StoredRow old = current.get(e.getKey());
        if (old == null || !old.fields().equals(e.getValue().fields())) {
          diffs.add(new Diff(old, e.getValue()));
        }
      }
      for (var e : current.entrySet()) {
        if (!incoming.containsKey(e.getKey())) {
          diffs.add(new Diff(e.getValue(), null));
        }
      }
      Map<String, List<String>> oldHeaders = headers(c, id, releasePeriod);
      if (diffs.isEmpty() && oldHeaders.equals(headers)) {
        return new LoadResult(id, 0, 0, 0, 0, List.of(), releasePeriod);
      }
      Set<String> restated = approvedAmong(c, id, periodsOf(diffs));
      String kind = authorise(actor, reason, restated);
      long change = insertChange(c, id, actor, kind, null, reason, source.describe());
      for (Diff d : diffs) {
        writeVersion(c, id, releasePeriod, change, d);
      }
      update(c, "DELETE FROM dataset_file WHERE company_id = ? AND dataset = ?", id, releasePeriod);
      for (var h : headers.entrySet()) {
        update(c, "INSERT INTO dataset_file (company_id, dataset, file, header) VALUES (?, ?, ?, ?)", id, releasePeriod,
            h.getKey(), json(h.getValue()));
      }
      // the company's name as last loaded; its release period is its newest dataset's
      update(c, "UPDATE company SET name = ?, release_period = ? WHERE id = ?", dataset.company().name(),
          datasets(c, id).get(0), id);
      markRestated(c, id, restated);
      int added = (int) diffs.stream().filter(d -> d.before == null).count();
      int removed = (int) diffs.stream().filter(d -> d.after == null).count();
      return new LoadResult(id, change, added, diffs.size() - added - removed, removed, List.copyOf(restated), releasePeriod);
    });
  }

  private static String shortName(Dataset d) {
    String s = d.company().shortName();
    return s == null || s.isBlank() ? d.company().name() : s;
  }

  // ---------------------------------------------------------------- edit and approve

  /** Changes one field of one row of the company's newest dataset; see {@link #edit(String, String, String, String, String, String, Actor, String)}. */
  public long edit(String companyId, String file, String rowKey, String field, String value, Actor actor, String reason)
      throws DatasetException, StoreException {
    return edit(companyId, null, file, rowKey, field, value, actor, reason);
  }

  /**
   * Changes one field of one stored row of a dataset (the newest when {@code dataset} is null).
   * The whole dataset with the change is validated before anything is written. On a draft period a
   * preparer or approver may edit; on an approved period the edit is a restatement and needs an
   * approver and a reason.
   */
  public long edit(String companyId, String dataset, String file, String rowKey, String field, String value, Actor actor,
      String reason) throws DatasetException, StoreException {
    CompanyInfo company = requireCompany(companyId);
    String ds = dataset == null ? company.releasePeriod() : dataset;
    return inTransaction(true, c -> {
      Map<RowId, StoredRow> current = currentRows(c, companyId, ds, Version.CURRENT);
      StoredRow old = current.get(new RowId(ds, file, rowKey));
      if (old == null) {
        throw new StoreException(StoreException.Kind.NOT_FOUND, "no row '" + rowKey + "' in " + file + " of " + companyId
            + " (dataset " + ds + ")");
      }
      if (!old.fields().containsKey(field)) {
        throw new StoreException(StoreException.Kind.INVALID, file + " has no field '" + field + "'");
      }
      DatasetFile f = DatasetFile.named(file).orElseThrow();
      if (f.key().contains(field)) {
        throw new StoreException(StoreException.Kind.INVALID, "'" + field + "' identifies the row; it cannot be edited");
      }
      Map<String, String> fields = new LinkedHashMap<>(old.fields());
      fields.put(field, value == null ? "" : value.trim());
      StoredRow changed = new StoredRow(file, rowKey, old.period(), old.line(), fields);
      current.put(new RowId(ds, file, rowKey), changed);
      try {
        DatasetLoader.load(new StoreSource("store: " + companyId, headers(c, companyId, ds), List.copyOf(current.values())));
      } catch (DatasetException e) {
        throw new StoreException(StoreException.Kind.INVALID, e.getMessage(), e.errors(), e);
      }
      Set<String> restated = approvedAmong(c, companyId, Set.of(old.period()));
      String kind = authorise(actor, reason, restated);
      long change = insertChange(c, companyId, actor, kind.equals("load") ? "edit" : kind, null, reason, "edit");
      writeVersion(c, companyId, ds, change, new Diff(old, changed));
      markRestated(c, companyId, restated);
      return change;
    });
  }

  /**
   * Approves a draft period (in every dataset of the company that has figures of it). Only an
   * approver may, and not one who made any of the period's changes: the four-eyes rule.
   */
  public long approve(String companyId, String period, Actor actor) throws StoreException {
    requireCompany(companyId);
    if (!actor.role().canApprove()) {
      throw new StoreException(StoreException.Kind.FORBIDDEN, actor.name() + " is a " + actor.role().code()
          + "; only an approver may approve a period");
    }
    return inTransaction(true, c -> {
      Map<RowId, StoredRow> current = currentRows(c, companyId, null, Version.CURRENT);
      if (current.values().stream().noneMatch(r -> r.period().equals(period))) {
        throw new StoreException(StoreException.Kind.NOT_FOUND, companyId + " has no figures for period '" + period + "'");
      }
      if (exists(c, "SELECT 1 FROM period_state WHERE company_id = ? AND period = ?", companyId, period)) {
        throw new StoreException(StoreException.Kind.CONFLICT, period + " of " + companyId + " is already approved");
      }
      if (exists(c, "SELECT 1 FROM audit_entry a JOIN change_set s ON a.change_id = s.id "
          + "WHERE s.company_id = ? AND a.period = ? AND s.actor = ?", companyId, period, actor.name())) {
        throw new StoreException(StoreException.Kind.FORBIDDEN, actor.name() + " made changes to " + period
            + " and cannot approve their own changes; another approver must");
      }
      long change = insertChange(c, companyId, actor, "approve", period, null, "approval");
      update(c, "INSERT INTO audit_entry (change_id, file, row_key, period, field, before_value, after_value) "
          + "VALUES (?, NULL, NULL, ?, 'status', 'draft', 'approved')", change, period);
      update(c, "INSERT INTO period_state (company_id, period, status, approved_change) VALUES (?, ?, 'approved', ?)",
          companyId, period, change);
      return change;
    });
  }

  /** The periods of a company in which {@code actorName} changed anything (the four-eyes rule keeps them from approving those). */
  public Set<String> periodsChangedBy(String companyId, String actorName) throws StoreException {
    return new TreeSet<>(query("SELECT DISTINCT a.period FROM audit_entry a JOIN change_set s ON a.change_id = s.id "
        + "WHERE s.company_id = ? AND s.actor = ? AND a.period IS NOT NULL", List.of(companyId, actorName), rs -> rs.getString(1)));
  }

  private static String authorise(Actor actor, String reason, Set<String> restated) throws StoreException {
    if (!actor.role().canEditDrafts()) {
      throw new StoreException(StoreException.Kind.FORBIDDEN, actor.name() + " is a viewer and cannot change figures");
    }
    if (restated.isEmpty()) {
      return "load";
    }
    String periods = String.join(", ", restated);
    if (!actor.role().canApprove()) {
      throw new StoreException(StoreException.Kind.FORBIDDEN, "period " + periods + " is approved: a change to it is a "
          + "restatement, which only an approver may make (" + actor.name() + " is a " + actor.role().code() + ")");
    }
    if (reason == null || reason.isBlank()) {
      throw new StoreException(StoreException.Kind.INVALID, "period " + periods + " is approved: a restatement needs a reason");
    }
    return "restate";
  }

  // ---------------------------------------------------------------- reading

  /** The company's newest dataset as stored, for the engine: current figures, or as first approved. */
  public DatasetSource source(String companyId, Version version) throws StoreException {
    return source(companyId, null, version);
  }

  /** One dataset of the company as stored (the newest when {@code dataset} is null). */
  public DatasetSource source(String companyId, String dataset, Version version) throws StoreException {
    CompanyInfo company = requireCompany(companyId);
    String ds = dataset == null ? company.releasePeriod() : dataset;
    return inTransaction(false, c -> {
      Map<String, List<String>> headers = headers(c, companyId, ds);
      if (headers.isEmpty()) {
        throw new StoreException(StoreException.Kind.NOT_FOUND, companyId + " has no dataset '" + ds + "' (it has "
            + String.join(", ", datasets(c, companyId)) + ")");
      }
      return new StoreSource("store: " + companyId + " " + ds + (version == Version.ORIGINAL ? " (as originally reported)" : ""),
          headers, List.copyOf(currentRows(c, companyId, ds, version).values()));
    });
  }

  /** The current rows of one file (or of every file when {@code file} is null) of the newest dataset, in file order. */
  public List<StoredRow> rows(String companyId, String file) throws StoreException {
    return rows(companyId, null, file);
  }

  /** The current rows of one file (every file when null) of a dataset (the newest when null), in file order. */
  public List<StoredRow> rows(String companyId, String dataset, String file) throws StoreException {
    CompanyInfo company = requireCompany(companyId);
    String ds = dataset == null ? company.releasePeriod() : dataset;
    return inTransaction(false, c -> currentRows(c, companyId, ds, file, Version.CURRENT).values().stream()
        .sorted(Comparator.comparing((StoredRow r) -> DatasetFile.ALL.indexOf(DatasetFile.named(r.file()).orElseThrow()))
            .thenComparingLong(StoredRow::line))
        .toList());
  }

  /** Every period with figures (in any dataset) or an approval, newest first, with its state. */
  public List<PeriodState> periods(String companyId) throws StoreException {
    requireCompany(companyId);
    return inTransaction(false, c -> {
      Map<String, PeriodState> states = new HashMap<>();
      for (PeriodState p : query(c, "SELECT p.period, p.status, s.actor, s.changed_at FROM period_state p "
          + "JOIN change_set s ON p.approved_change = s.id WHERE p.company_id = ?", List.of(companyId),
          rs -> new PeriodState(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))) {
        states.put(p.period(), p);
      }
      Set<String> periods = new TreeSet<>(Store::comparePeriods);
      periods.addAll(states.keySet());
      currentRows(c, companyId, null, Version.CURRENT).values().forEach(r -> periods.add(r.period()));
      List<PeriodState> out = new ArrayList<>();
      for (String p : periods) {
        out.add(states.getOrDefault(p, new PeriodState(p, "draft", null, null)));
      }
      return out;
    });
  }

  /** Newest periods first: by end date when both are periods the engine reads, else by their codes. */
  private static int comparePeriods(String a, String b) {
    Optional<Period> pa = Period.parse(a);
    Optional<Period> pb = Period.parse(b);
    if (pa.isPresent() && pb.isPresent()) {
      int byEnd = pb.get().compareTo(pa.get());
      if (byEnd != 0) {
        return byEnd;
      }
    }
    return b.compareTo(a);
  }

  /** The audit trail, newest change first; all companies when {@code companyId} is null. */
  public List<AuditEntry> audit(String companyId, int limit) throws StoreException {
    return audit(companyId, 0, limit);
  }

  /** One page of the audit trail: {@code limit} lines after the first {@code offset}, newest change first. */
  public List<AuditEntry> audit(String companyId, int offset, int limit) throws StoreException {
    String sql = "SELECT s.id, s.company_id, s.actor, s.changed_at, s.kind, s.reason, a.file, a.row_key, a.period, "
        + "a.field, a.before_value, a.after_value, a.dataset FROM change_set s JOIN audit_entry a ON a.change_id = s.id "
        + (companyId == null ? "" : "WHERE s.company_id = ? ") + "ORDER BY s.id DESC, a.id OFFSET " + Math.max(0, offset)
        + " ROWS FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY";
    return query(sql, companyId == null ? List.of() : List.of(companyId), rs -> new AuditEntry(rs.getLong(1), rs.getString(2),
        rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
        rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13)));
  }

  /** How many lines the audit trail has (of one company, or of all when {@code companyId} is null). */
  public long auditSize(String companyId) throws StoreException {
    String sql = "SELECT COUNT(*) FROM change_set s JOIN audit_entry a ON a.change_id = s.id"
        + (companyId == null ? "" : " WHERE s.company_id = ?");
    return query(sql, companyId == null ? List.of() : List.of(companyId), rs -> rs.getLong(1)).get(0);
  }

  // ---------------------------------------------------------------- users

  /** Creates an account; the password is kept only as an Argon2id hash. */
  public User addUser(String name, Role role, char[] password) throws StoreException {
    if (name == null || !name.matches("[A-Za-z0-9._@-]{1,100}")) {
      throw new StoreException(StoreException.Kind.INVALID, "a user name is 1 to 100 letters, digits, '.', '_', '@' or '-'");
    }
    if (password == null || password.length < 10) {
      throw new StoreException(StoreException.Kind.INVALID, "a password needs at least 10 characters");
    }
    String hash = Passwords.hash(password);
    return inTransaction(true, c -> {
      if (exists(c, "SELECT 1 FROM app_user WHERE name = ?", name)) {
        throw new StoreException(StoreException.Kind.CONFLICT, "user '" + name + "' already exists");
      }
      update(c, "INSERT INTO app_user (name, user_role, password_hash, created_at) VALUES (?, ?, ?, ?)",
          name, role.code(), hash, now());
      return new User(name, role);
    });
  }

  /**
   * The account when the password is right; empty otherwise. An unknown name costs the same one
   * Argon2id verification as a known one (against a hash made once at start), so the answer's time
   * does not tell which names exist.
   */
  public Optional<User> authenticate(String name, char[] password) throws StoreException {
    List<String[]> found = query("SELECT user_role, password_hash FROM app_user WHERE name = ?", List.of(name == null ? "" : name),
        rs -> new String[] {rs.getString(1), rs.getString(2)});
    if (found.isEmpty()) {
      Passwords.verify(password, Passwords.DUMMY_HASH);
      return Optional.empty();
    }
    return Passwords.verify(password, found.get(0)[1])
        ? Optional.of(new User(name, Role.parse(found.get(0)[0]).orElseThrow())) : Optional.empty();
  }

  public Optional<User> user(String name) throws StoreException {
    return query("SELECT name, user_role FROM app_user WHERE name = ?", List.of(name),
        rs -> new User(rs.getString(1), Role.parse(rs.getString(2)).orElseThrow())).stream().findFirst();
  }

  public List<User> users() throws StoreException {
    return query("SELECT name, user_role FROM app_user ORDER BY name", List.of(),
        rs -> new User(rs.getString(1), Role.parse(rs.getString(2)).orElseThrow()));
  }

  // ---------------------------------------------------------------- internals

  /** A stored row's identity: its dataset, file and key. */
  private record RowId(String dataset, String file, String key) {}

  private record Diff(StoredRow before, StoredRow after) {}

  private static String keyOf(DatasetFile f, Map<String, String> fields) {
    List<String> parts = new ArrayList<>();
    for (String k : f.key()) {
      parts.add(fields.getOrDefault(k, ""));
    }
    return String.join("|", parts);
  }

  private static Set<String> periodsOf(List<Diff> diffs) {
    Set<String> out = new LinkedHashSet<>();
    for (Diff d : diffs) {
      if (d.before != null) {
        out.add(d.before.period());
      }
      if (d.after != null) {
        out.add(d.after.period());
      }
    }
    return out;
  }

  private Set<String> approvedAmong(Connection c, String companyId, Set<String> periods) throws SQLException {
    Set<String> approved = new TreeSet<>(Store::comparePeriods);
    for (String p : periods) {
      if (exists(c, "SELECT 1 FROM period_state WHERE company_id = ? AND period = ?", companyId, p)) {
        approved.add(p);
      }
    }
    return approved;
  }

  private static void markRestated(Connection c, String companyId, Set<String> periods) throws SQLException {
    for (String p : periods) {
      update(c, "UPDATE period_state SET status = 'restated' WHERE company_id = ? AND period = ?", companyId, p);
    }
  }

  private static long insertChange(Connection c, String companyId, Actor actor, String kind, String period, String reason,
      String source) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO change_set (company_id, actor, changed_at, kind, period, reason, source) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
      bind(ps, List.of(companyId, actor.name(), now(), kind, opt(period), opt(reason), opt(source)));
      ps.executeUpdate();
      try (ResultSet rs = ps.getGeneratedKeys()) {
        rs.next();
        return rs.getLong("id");
      }
    }
  }

  private static void writeVersion(Connection c, String companyId, String dataset, long change, Diff d) throws SQLException {
    StoredRow row = d.after != null ? d.after : d.before;
    update(c, "INSERT INTO row_version (company_id, dataset, file, row_key, period, line, fields, change_id) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        companyId, dataset, row.file(), row.key(), row.period(), row.line(), d.after == null ? NULL : json(d.after.fields()), change);
    String audit = "INSERT INTO audit_entry (change_id, dataset, file, row_key, period, field, before_value, after_value) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    if (d.before == null || d.after == null) {
      update(c, audit, change, dataset, row.file(), row.key(), row.period(), d.before == null ? "(row added)" : "(row removed)",
          d.before == null ? NULL : json(d.before.fields()), d.after == null ? NULL : json(d.after.fields()));
      return;
    }
    Set<String> names = new LinkedHashSet<>(d.before.fields().keySet());
    names.addAll(d.after.fields().keySet());
    for (String n : names) {
      String b = d.before.fields().get(n);
      String a = d.after.fields().get(n);
      if (!Objects.equals(a, b)) {
        update(c, audit, change, dataset, row.file(), row.key(), row.period(), n, b == null ? NULL : b, a == null ? NULL : a);
      }
    }
  }

  /**
   * The rows in force of one dataset (of every dataset when {@code dataset} is null): the newest
   * version of each key or, for {@link Version#ORIGINAL}, the newest version written up to the
   * first approval of the row's period.
   */
  private Map<RowId, StoredRow> currentRows(Connection c, String companyId, String dataset, Version version) throws SQLException {
    return currentRows(c, companyId, dataset, null, version);
  }

  /** As {@link #currentRows(Connection, String, String, Version)}, of one file only when {@code file} is not null. */
  private Map<RowId, StoredRow> currentRows(Connection c, String companyId, String dataset, String file, Version version)
      throws SQLException {
    Map<String, Long> cutoff = new HashMap<>();
    if (version == Version.ORIGINAL) {
      for (Object[] r : query(c, "SELECT period, approved_change FROM period_state WHERE company_id = ?", List.of(companyId),
          rs -> new Object[] {rs.getString(1), rs.getLong(2)})) {
        cutoff.put((String) r[0], (Long) r[1]);
      }
    }
    record V(String dataset, String file, String key, String period, long line, String fields, long change) {}
    List<Object> args = new ArrayList<>(List.of(companyId));
    if (dataset != null) {
      args.add(dataset);
    }
    if (file != null) {
      args.add(file);
    }
    List<V> versions = query(c, "SELECT dataset, file, row_key, period, line, fields, change_id FROM row_version WHERE company_id = ? "
        + (dataset == null ? "" : "AND dataset = ? ") + (file == null ? "" : "AND file = ? ") + "ORDER BY change_id, id", args,
        rs -> new V(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6),
            rs.getLong(7)));
    Map<RowId, V> latest = new LinkedHashMap<>();
    Map<RowId, String> periodOfKey = new HashMap<>();
    for (V v : versions) {
      periodOfKey.put(new RowId(v.dataset, v.file, v.key), v.period);
    }
    for (V v : versions) {
      RowId id = new RowId(v.dataset, v.file, v.key);
      Long limit = cutoff.get(periodOfKey.get(id));
      if (limit == null || v.change <= limit) {
        latest.put(id, v);
      }
    }
    Map<RowId, StoredRow> out = new LinkedHashMap<>();
    for (var e : latest.entrySet()) {
      V v = e.getValue();
      if (v.fields != null) {
        out.put(e.getKey(), new StoredRow(v.file, v.key, v.period, v.line, fields(v.fields)));
      }
    }
    return out;
  }

  private Map<String, List<String>> headers(Connection c, String companyId, String dataset) throws SQLException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String[] r : query(c, "SELECT file, header FROM dataset_file WHERE company_id = ? AND dataset = ?",
        List.of(companyId, dataset), rs -> new String[] {rs.getString(1), rs.getString(2)})) {
      try {
        out.put(r[0], List.of(JSON.readValue(r[1], String[].class)));
      } catch (JsonProcessingException e) {
        throw new SQLException("unreadable header of " + r[0], e);
      }
    }
    return out;
  }

  private static Map<String, String> fields(String json) throws SQLException {
    try {
      return JSON.readValue(json, FIELDS);
    } catch (JsonProcessingException e) {
      throw new SQLException("unreadable stored row", e);
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Timestamp now() {
    return Timestamp.from(Instant.now());
  }

  /** A SQL NULL of type VARCHAR, for bind lists (List.of refuses null). */
  private static final Object NULL = new Object();

  private static Object opt(String s) {
    return s == null ? NULL : s;
  }

  @FunctionalInterface
  private interface Mapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection c) throws SQLException, StoreException, DatasetException;
  }

  /**
   * Runs {@code work} in one transaction. A writer first takes the store's lock row, so writers
   * take turns while readers go on. A failure that passes (the lock held by another writer, a
   * deadlock or serialisation conflict, the database being opened or closed by another process, a
   * connection lost) rolls back and tries again, pausing a little longer each time, until the
   * store's wait has passed: then the store is {@link StoreException.Kind#BUSY}.
   */
  private <T> T inTransaction(boolean write, Work<T> work) throws StoreException {
    return retrying(write ? "write" : "read", write, c -> {
      c.setAutoCommit(false);
      try {
        if (write) {
          update(c, "UPDATE store_lock SET holder = ?, since = ? WHERE id = 1", ProcessHandle.current().pid() + "@"
              + Thread.currentThread().getName(), now());
        }
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | StoreException | DatasetException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException r) {
          e.addSuppressed(r);
        }
        throw e;
      }
    });
  }

  /** Runs {@code work} on a pooled connection, again while it fails in a way that passes (see {@link #inTransaction}). */
  private <T> T retrying(String what, boolean write, Work<T> work) throws StoreException {
    long start = System.nanoTime();
    long deadline = start + settings.waitLimit().toNanos();
    long pauseMs = 20;
    boolean told = false;
    while (true) {
      try {
        try (Connection c = pool.getConnection()) {
          return work.run(c);
        }
      } catch (StoreException e) {
        throw e;
      } catch (DatasetException e) {
        throw new StoreException(StoreException.Kind.INVALID, e.getMessage(), e.errors(), e);
      } catch (SQLException e) {
        if (!transientFailure(e)) {
          LOG.warn("database error on {}: {}", redacted(url), e.toString());
          throw new StoreException(StoreException.Kind.FAILED, "database error, nothing was written: " + e.getMessage(),
              List.of(), e);
        }
        long now = System.nanoTime();
        if (now + pauseMs * 1_000_000L > deadline) {
          long waited = Duration.ofNanos(now - start).toSeconds();
          throw new StoreException(StoreException.Kind.BUSY, (write
              ? "the store is busy: another load or change held it for " + waited + " s"
              : "the store could not be reached for " + waited + " s") + "; nothing was written. Try again"
              + (write ? " when the other change is done" : "") + " (" + firstLine(e) + ")", List.of(), e);
        }
        if (!told && Duration.ofNanos(now - start).toMillis() >= 1_000) {
          told = true;
          settings.onWait().accept((write ? "the store is busy with another change" : "the store is not answering yet")
              + "; waiting up to " + settings.waitLimit().toSeconds() + " s");
        }
        try {
          Thread.sleep(pauseMs + ThreadLocalRandom.current().nextLong(pauseMs));
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new StoreException(StoreException.Kind.BUSY, "interrupted while waiting for the store", List.of(), e);
        }
        pauseMs = Math.min(500, pauseMs * 2);
      }
    }
  }

  private static String firstLine(Throwable e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /**
   * True for a failure that passes by itself: a lock wait timed out, a deadlock or serialisation
   * conflict, a connection lost or not available, the database being opened or closed by another
   * process (H2's lock file). Judged on SQL states and H2's error codes, through the causes.
   */
  static boolean transientFailure(Throwable e) {
    // judged by the innermost SQL failure: a pool's "no connection available" wraps why the
    // database could not be reached, which may be for good (a wrong password) or for a moment
    SQLException innermost = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        innermost = s;
      }
    }
    if (innermost == null) {
      return false;
    }
    String state = innermost.getSQLState() == null ? "" : innermost.getSQLState();
    if (state.startsWith("08") || state.equals("40001") || state.equals("40P01") || state.equals("55P03")
        || state.equals("57P01") || state.equals("57P03") || state.equals("53300")) {
      return true;
    }
    switch (innermost.getErrorCode()) {
      // H2: LOCK_TIMEOUT_1, DEADLOCK_1, CONCURRENT_UPDATE_1, DATABASE_ALREADY_OPEN_1, CONNECTION_BROKEN_1,
      // DATABASE_IS_CLOSED, DATABASE_CALLED_AT_SHUTDOWN
      case 50200, 40001, 90131, 90020, 90067, 90098, 90121 -> {
        return true;
      }
      case 8000 -> { // ERROR_OPENING_DATABASE_1: "Lock file recently modified" and the like
        return String.valueOf(innermost.getMessage()).toLowerCase(Locale.ROOT).contains("lock");
      }
      case 90028 -> { // IO_EXCEPTION_1: the process holding the H2 file ended while this one talked to it
        String m = String.valueOf(innermost.getMessage());
        return m.contains("EOFException") || m.contains("SocketException") || m.contains("Connection reset")
            || m.contains("Broken pipe");
      }
      default -> {
        return innermost instanceof SQLTransientException || innermost instanceof SQLRecoverableException;
      }
    }
  }

  private <T> List<T> query(String sql, List<Object> args, Mapper<T> mapper) throws StoreException {
    return inTransaction(false, c -> query(c, sql, args, mapper));
  }

  private static <T> List<T> query(Connection c, String sql, List<Object> args, Mapper<T> mapper) throws SQLException {
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

  private static boolean exists(Connection c, String sql, Object... args) throws SQLException {
    return !query(c, sql, List.of(args), rs -> Boolean.TRUE).isEmpty();
  }

  private static void update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, List.of(args));
      ps.executeUpdate();
    }
  }

  private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
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
}

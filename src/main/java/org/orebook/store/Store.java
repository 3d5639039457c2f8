package org.orebook.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.orebook.data.DatasetException;
import org.orebook.data.DatasetSource;

/**
 * The database behind Orebook: companies, their dataset rows with every version, period approval,
 * the audit trail and user accounts. Embedded H2 by default, PostgreSQL by JDBC URL; the schema is
 * migrated by Flyway on open and the same SQL runs on both. Every statement binds its parameters.
 *
 * <p>Rows are never updated: a load or an edit appends versions. A period is a draft until an
 * approver approves it; after that a change is a restatement, which needs an approver and a
 * reason, and the figures as first approved stay reportable ({@link Version#ORIGINAL}).
 *
 * <p>This class is the store's one public face; the work is done by its parts: {@link Database}
 * (opening, pool, migrations, transactions and waiting), {@link Companies}, {@link DatasetVersions}
 * (load, edit, read; over {@link RowVersions}), {@link ApprovalPolicy}, {@link AuditLog} and
 * {@link Accounts}.
 */
public final class Store implements AutoCloseable {
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

  private final Database db;
  private final Companies companies;
  private final DatasetVersions datasets;
  private final ApprovalPolicy approval;
  private final AuditLog audit;
  private final Accounts accounts;

  private Store(Database db) {
    this.db = db;
    this.companies = new Companies(db);
    this.datasets = new DatasetVersions(db, companies);
    this.approval = new ApprovalPolicy(db, companies);
    this.audit = new AuditLog(db);
    this.accounts = new Accounts(db);
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
    return new Store(Database.open(url, user, password, settings));
  }

  /** The URL without any password in it, for messages. */
  public static String redacted(String url) {
    return Database.redacted(url);
  }

  public String url() {
    return db.url();
  }

  /** How long an operation waits for a busy store. */
  public Duration waitLimit() {
    return db.waitLimit();
  }

  @Override
  public void close() {
    db.close();
  }

  /** True when the database answers a query (through the pool: no connection is opened for it). */
  public boolean reachable() {
    return db.reachable();
  }

  // ---------------------------------------------------------------- companies and datasets

  public List<CompanyInfo> companies() throws StoreException {
    return companies.all();
  }

  public Optional<CompanyInfo> company(String id) throws StoreException {
    return companies.find(id);
  }

  /** A company id from a name: lower case letters, digits and dashes ("Hecla" gives "hecla"). */
  public static String slug(String name) {
    return Companies.slug(name);
  }

  /**
   * The company's datasets, newest period first: each is named by the release period of the folder
   * it was loaded from ({@code company.csv} {@code period}), and holds that folder's rows.
   */
  public List<String> datasets(String companyId) throws StoreException {
    return companies.datasets(companyId);
  }

  /**
   * The dataset a release of {@code period} comes from: the dataset of that period when the
   * company has one, else its newest (whose release may show the period as a column or a quarter).
   */
  public String datasetFor(String companyId, String period) throws StoreException {
    return companies.datasetFor(companyId, period);
  }

  /** The id of the company's newest change (a load, edit, restatement or approval), 0 when none. */
  public long latestChange(String companyId) throws StoreException {
    return audit.latestChange(companyId);
  }

  // ---------------------------------------------------------------- load and edit

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
    return datasets.load(companyId, source, actor, reason);
  }

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
    return datasets.edit(companyId, dataset, file, rowKey, field, value, actor, reason);
  }

  // ---------------------------------------------------------------- approval

  /**
   * Approves a draft period (in every dataset of the company that has figures of it). Only an
   * approver may, and not one who made any of the period's changes: the four-eyes rule.
   */
  public long approve(String companyId, String period, Actor actor) throws StoreException {
    return approval.approve(companyId, period, actor);
  }

  /** Every period with figures (in any dataset) or an approval, newest first, with its state. */
  public List<PeriodState> periods(String companyId) throws StoreException {
    return approval.periods(companyId);
  }

  /** The periods of a company in which {@code actorName} changed anything (the four-eyes rule keeps them from approving those). */
  public Set<String> periodsChangedBy(String companyId, String actorName) throws StoreException {
    return audit.periodsChangedBy(companyId, actorName);
  }

  // ---------------------------------------------------------------- reading

  /** The company's newest dataset as stored, for the engine: current figures, or as first approved. */
  public DatasetSource source(String companyId, Version version) throws StoreException {
    return source(companyId, null, version);
  }

  /** One dataset of the company as stored (the newest when {@code dataset} is null). */
  public DatasetSource source(String companyId, String dataset, Version version) throws StoreException {
    return datasets.source(companyId, dataset, version);
  }

  /** The current rows of one file (or of every file when {@code file} is null) of the newest dataset, in file order. */
  public List<StoredRow> rows(String companyId, String file) throws StoreException {
    return rows(companyId, null, file);
  }

  /** The current rows of one file (every file when null) of a dataset (the newest when null), in file order. */
  public List<StoredRow> rows(String companyId, String dataset, String file) throws StoreException {
    return datasets.rows(companyId, dataset, file);
  }

  // ---------------------------------------------------------------- audit

  /** The audit trail, newest change first; all companies when {@code companyId} is null. */
  public List<AuditEntry> audit(String companyId, int limit) throws StoreException {
    return audit(companyId, 0, limit);
  }

  /** One page of the audit trail: {@code limit} lines after the first {@code offset}, newest change first. */
  public List<AuditEntry> audit(String companyId, int offset, int limit) throws StoreException {
    return audit.entries(companyId, offset, limit);
  }

  /** How many lines the audit trail has (of one company, or of all when {@code companyId} is null). */
  public long auditSize(String companyId) throws StoreException {
    return audit.size(companyId);
  }

  // ---------------------------------------------------------------- accounts

  /** Creates an account; the password is kept only as an Argon2id hash. */
  public User addUser(String name, Role role, char[] password) throws StoreException {
    return accounts.add(name, role, password);
  }

  /**
   * The account when the password is right; empty otherwise. An unknown name costs the same one
   * Argon2id verification as a known one (against a hash made once at start), so the answer's time
   * does not tell which names exist.
   */
  public Optional<User> authenticate(String name, char[] password) throws StoreException {
    return accounts.authenticate(name, password);
  }

  public Optional<User> user(String name) throws StoreException {
    return accounts.find(name);
  }

  public List<User> users() throws StoreException {
    return accounts.all();
  }
}

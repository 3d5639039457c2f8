package org.orebook.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.orebook.data.DatasetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database under the store: opening it (H2 or PostgreSQL, a new H2 file made whole), the
 * pool of connections, the Flyway migrations (an H2 file behind them upgraded whole: {@link H2FileUpgrade}), and how work on it is run: in one transaction,
 * writers taking turns on the {@code store_lock} row, a failure that passes tried again within
 * {@link Store.Settings#waitLimit()}, then {@link StoreException.Kind#BUSY}. It knows no table
 * but the lock row; the parts of the store bring their own SQL.
 */
final class Database implements AutoCloseable {
  static {
    // H2's automatic mixed mode (AUTO_SERVER, the default URL) lets a second process reach the
    // database through a TCP server inside the process that opened the file: on loopback only.
    if (System.getProperty("h2.bindAddress") == null) {
      System.setProperty("h2.bindAddress", "127.0.0.1");
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(Store.class);

  /** Work on one connection, which may fail in the database, in the store's rules or in the data. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException, StoreException, DatasetException;
  }

  private final String url;
  private final String user;
  private final String password;
  private final Store.Settings settings;
  private final HikariDataSource pool;
  /** H2 only: one connection held while the store is open, so the database stays open in this process. */
  private volatile Connection keeper;

  private Database(String url, String user, String password, Store.Settings settings, HikariDataSource pool) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.settings = settings;
    this.pool = pool;
  }

  /**
   * Opens the database with a pool of connections and migrates its schema (Flyway). When the
   * database cannot be opened yet (another process is opening or closing the H2 file, a server is
   * restarting), it tries again until {@link Store.Settings#waitLimit()} has passed.
   */
  static Database open(String url, String user, String password, Store.Settings settings) throws StoreException {
    Database db = openAndMigrate(url, user, password, settings, true);
    if (db == null) { // an H2 file behind this Orebook's schema: upgraded whole by a copy, then opened
      H2FileUpgrade.upgradeIfBehind(url, user, password, settings);
      db = openAndMigrate(url, user, password, settings, false);
    }
    return db;
  }

  /**
   * Opens and migrates the database; when {@code upgradeAside} and it is an H2 file with migrations pending,
   * closes it again and returns null instead (the caller upgrades it with {@link H2FileUpgrade}).
   */
  private static Database openAndMigrate(String url, String user, String password, Store.Settings settings,
      boolean upgradeAside) throws StoreException {
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
    Database db = new Database(url, user, password, settings, new HikariDataSource(cfg));
    // one direct connection first: a refusal for good (a wrong user or password, no such database) is said at
    // once in the driver's words, not after the pool's timeouts; for H2 it is kept while the store is open
    Connection first = null;
    try {
      try {
        first = db.connectDirect();
      } catch (SQLException e) {
        if (!transientFailure(e)) {
          throw new StoreException(StoreException.Kind.FAILED, "cannot open " + redacted(url) + ": " + firstLine(e), List.of(), e);
        }
      }
      if (first != null && !h2) {
        first.close();
        first = null;
      }
      boolean h2File = upgradeAside && NewH2File.fileOf(url).isPresent();
      if (h2File && db.behind()) {
        closeQuietly(first);
        db.close();
        return null;
      }
      if (!h2File) { // an H2 file found not behind has nothing to migrate
        db.migrate();
      }
      if (h2) {
        db.keeper = first != null ? first : db.retrying("open", false, c -> db.connectDirect());
      }
    } catch (SQLException e) {
      closeQuietly(first);
      db.close();
      throw new StoreException(StoreException.Kind.FAILED, "cannot open " + redacted(url) + ": " + firstLine(e), List.of(), e);
    } catch (StoreException | RuntimeException e) {
      closeQuietly(first);
      db.close();
      throw e;
    }
    return db;
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing a connection the open failed with: nothing more to do
      }
    }
  }

  private Flyway flyway() {
    return Flyway.configure().dataSource(pool).locations("classpath:db/migration").load();
  }

  private Connection connectDirect() throws SQLException {
    return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
  }

  private void migrate() throws StoreException {
    retrying("open", false, c -> {
      try {
        flyway().migrate();
        return null;
      } catch (FlywayException e) {
        // two processes migrating a new database at once: the loser sees the winner's tables
        throw new SQLException("cannot open or migrate " + redacted(url) + ": " + e.getMessage(),
            transientFailure(e) || String.valueOf(e.getMessage()).contains("already exists") ? "40001" : "XX000", e);
      }
    });
  }

  /** True when the database lacks migrations this Orebook has. */
  private boolean behind() throws StoreException {
    return retrying("open", false, c -> {
      try {
        return flyway().info().pending().length > 0;
      } catch (FlywayException e) {
        throw new SQLException("cannot open " + redacted(url) + ": " + e.getMessage(), transientFailure(e) ? "40001" : "XX000", e);
      }
    });
  }

  /** The URL without any password in it, for messages. */
  static String redacted(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  /** The URL, redacted. */
  String url() {
    return redacted(url);
  }

  Duration waitLimit() {
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
  boolean reachable() {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
      return rs.next();
    } catch (SQLException e) {
      return false;
    }
  }

  /** One query in a read transaction. */
  <T> List<T> query(String sql, List<Object> args, Sql.Mapper<T> mapper) throws StoreException {
    return inTransaction(false, c -> Sql.query(c, sql, args, mapper));
  }

  /**
   * Runs {@code work} in one transaction. A writer first takes the store's lock row, so writers
   * take turns while readers go on. A failure that passes (the lock held by another writer, a
   * deadlock or serialisation conflict, the database being opened or closed by another process, a
   * connection lost) rolls back and tries again, pausing a little longer each time, until the
   * store's wait has passed: then the store is {@link StoreException.Kind#BUSY}. Invalid data
   * ({@link DatasetException}) is {@link StoreException.Kind#INVALID}; any other database failure
   * {@link StoreException.Kind#FAILED}, logged.
   */
  <T> T inTransaction(boolean write, Work<T> work) throws StoreException {
    return retrying(write ? "write" : "read", write, c -> {
      c.setAutoCommit(false);
      try {
        if (write) {
          Sql.update(c, "UPDATE store_lock SET holder = ?, since = ? WHERE id = 1", ProcessHandle.current().pid() + "@"
              + Thread.currentThread().getName(), Sql.now());
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
    Backoff backoff = new Backoff(settings);
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
        if (backoff.expired()) {
          long waited = backoff.waitedSeconds();
          throw new StoreException(StoreException.Kind.BUSY, (write
              ? "the store is busy: another load or change held it for " + waited + " s"
              : "the store could not be reached for " + waited + " s") + "; nothing was written. Try again"
              + (write ? " when the other change is done" : "") + " (" + firstLine(e) + ")", List.of(), e);
        }
        backoff.pause(write ? "the store is busy with another change" : "the store is not answering yet",
            "interrupted while waiting for the store", e);
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
}

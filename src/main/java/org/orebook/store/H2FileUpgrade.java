package org.orebook.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * An existing H2 store file whose tables are older than this Orebook is upgraded whole or not at
 * all. H2 does not roll back a schema change, so migrating the file in place and being killed
 * would leave half-made tables that every later command refuses. Instead, while this process holds
 * the file alone, it copies it with H2's online {@code BACKUP}, migrates the copy under a temporary
 * name of its own ({@code NAME.upgrading-PID.mv.db}) and renames the copy over the file only when
 * complete (an atomic rename, replacing the old file). Killed at any moment, the store is the old
 * file (upgraded again by the next command) or the upgraded one; the next command removes the
 * temporary files ({@link NewH2File#removeLeftovers}).
 *
 * <p>Holding the file alone is proved, not assumed: the file is opened without H2's automatic
 * server (so H2 refuses while another process has it open, and no other process can reach it
 * through this one), switched to {@code SET EXCLUSIVE 1} (no new connection, from this process
 * either) and then must have no session but this one. A file another process has open is never
 * replaced underneath it: the upgrade waits for it to close, within the store's wait, then the
 * store is {@link StoreException.Kind#BUSY}.
 */
final class H2FileUpgrade {
  private static final String MV = ".mv.db";
  /** Upgrades in one JVM take turns: the temporary names are per process. */
  private static final Object TURNS = new Object();

  private H2FileUpgrade() {}

  /** The URL's own options (a cipher, a mode) without H2's automatic server: the file is this process's alone. */
  static String withoutServer(String options) {
    return options.replaceAll("(?i);(AUTO_SERVER|AUTO_SERVER_PORT|AUTO_RECONNECT)=[^;]*", "");
  }

  /** Why the file could not be upgraded for now: another process (or another store of this one) has it open. */
  private static final class InUse extends Exception {
    InUse(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Upgrades the H2 file {@code url} names, when its schema history shows migrations this Orebook
   * has and it has not, by a migrated copy renamed into place. Does nothing for a URL that is not
   * an H2 file or a file that is up to date. Waits while another process has the file open, up to
   * the settings' wait, then throws {@link StoreException.Kind#BUSY}.
   */
  static void upgradeIfBehind(String url, String user, String password, Store.Settings settings) throws StoreException {
    Optional<Path> file = NewH2File.fileOf(url);
    if (file.isEmpty()) {
      return;
    }
    Backoff backoff = new Backoff(settings);
    while (true) {
      try {
        synchronized (TURNS) {
          upgradeOnce(url, user, password, file.get());
        }
        return;
      } catch (InUse e) {
        if (backoff.expired()) {
          throw new StoreException(StoreException.Kind.BUSY, "the store " + file.get() + " needs its tables upgraded for this"
              + " version of Orebook, and another process has had it open for " + backoff.waitedSeconds()
              + " s (an older Orebook, or `orebook serve`?); nothing was changed. Stop it and try again (" + e.getMessage()
              + ")", List.of(), e);
        }
        backoff.pause("the store needs its tables upgraded and another process has it open",
            "interrupted while waiting to upgrade the store", e);
      } catch (SQLException | IOException | FlywayException e) {
        throw new StoreException(StoreException.Kind.FAILED, "cannot upgrade the store " + file.get()
            + " (it is left as it was): " + e.getMessage(), List.of(), e);
      }
    }
  }

  private static void upgradeOnce(String url, String user, String password, Path target)
      throws InUse, SQLException, IOException {
    Path dir = target.getParent();
    String base = target.getFileName().toString();
    base = base.substring(0, base.length() - MV.length());
    String options = withoutServer(url.contains(";") ? url.substring(url.indexOf(';')) : "");
    String alone = "jdbc:h2:file:" + dir.resolve(base) + options + ";IFEXISTS=TRUE";
    Connection held;
    try {
      held = connect(alone, user, password);
    } catch (SQLException e) {
      if (Database.transientFailure(e)) { // 90020: another process has the file open
        throw new InUse(e.getMessage().split("\n")[0], e);
      }
      throw e;
    }
    try (held) {
      if (!behind(alone, user, password)) {
        return;
      }
      try (Statement s = held.createStatement()) {
        s.execute("SET EXCLUSIVE 1"); // from here no other connection is let in until this one closes
        int sessions;
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
          rs.next();
          sessions = rs.getInt(1);
        }
        if (sessions != 1) {
          s.execute("SET EXCLUSIVE 0");
          throw new InUse(sessions + " sessions have the store open", null);
        }
      }
      String temp = base + ".upgrading-" + ProcessHandle.current().pid();
      Path zip = dir.resolve(temp + ".zip");
      Path copy = dir.resolve(temp + MV);
      try {
        Files.deleteIfExists(zip);
        Files.deleteIfExists(copy);
        try (Statement s = held.createStatement()) {
          // H2's online backup: a consistent copy of the open file
          s.execute("BACKUP TO '" + zip.toString().replace("'", "''") + "'");
        }
        unzipStore(zip, copy);
        Files.delete(zip);
        String copyUrl = "jdbc:h2:file:" + dir.resolve(temp) + options + ";IFEXISTS=TRUE";
        try (Connection c = connect(copyUrl, user, password)) {
          Flyway.configure().dataSource(copyUrl, user, password).locations("classpath:db/migration").load().migrate();
          try (Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
          }
        }
        // still holding the old file: nobody can have written to it since the backup; a rename replaces the name
        // atomically (the old file lives on, unnamed, until this connection closes it)
        Files.move(copy, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(zip);
        Files.deleteIfExists(copy);
        Files.deleteIfExists(dir.resolve(temp + ".trace.db"));
      }
    }
  }

  /** True when the database at {@code url} lacks migrations this Orebook has. */
  private static boolean behind(String url, String user, String password) {
    return Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().info()
        .pending().length > 0;
  }

  /** The one database file of an H2 backup, written to {@code to}. */
  private static void unzipStore(Path zip, Path to) throws IOException {
    try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
      for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
        if (e.getName().endsWith(MV)) {
          Files.copy(z, to);
          return;
        }
      }
    }
    throw new IOException("H2's backup " + zip + " holds no database file");
  }

  private static Connection connect(String url, String user, String password) throws SQLException {
    return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
  }
}

package org.orebook.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * A new H2 store file is made whole or not at all. H2 does not roll back the creation of tables, so a
 * process killed while it migrates a new file would leave a half-made schema that every later
 * command refuses. Instead the file is created and migrated under a temporary name of the creating
 * process ({@code orebook.creating-<pid>.mv.db}) in the same folder and renamed into place only when
 * complete (by a hard link, which appears atomically and only when the name is free); a later run
 * removes what a killed creation left. An existing file behind this Orebook's schema is upgraded
 * the same way, by a migrated copy ({@link H2FileUpgrade}).
 */
final class NewH2File {
  /** {@code jdbc:h2:[file:]PATH[;options]}, for a file database (not mem:, tcp:, ssl: or other stores). */
  private static final Pattern FILE_URL = Pattern.compile("jdbc:h2:(?:file:)?(?!mem:|tcp:|ssl:|zip:|nio|split:|async:)([^;]+)(;.*)?");
  private static final String MV = ".mv.db";

  private NewH2File() {}

  /** The database file a URL names, when it is an H2 file database. */
  static Optional<Path> fileOf(String url) {
    Matcher m = FILE_URL.matcher(url);
    if (!m.matches()) {
      return Optional.empty();
    }
    String path = m.group(1);
    if (path.startsWith("~")) {
      path = System.getProperty("user.home") + path.substring(1);
    }
    return Optional.of(Path.of(path + MV).toAbsolutePath().normalize());
  }

  /**
   * When {@code url} names an H2 file that does not exist yet, creates it complete: migrated under a
   * temporary name, then renamed into place (another process creating it at the same time wins or
   * loses the rename, never shares a half-made file). Removes the leftovers of killed creations.
   */
  static void createIfAbsent(String url, String user, String password) throws SQLException, IOException {
    Optional<Path> file = fileOf(url);
    if (file.isEmpty()) {
      return;
    }
    Path target = file.get();
    Path dir = target.getParent();
    String base = target.getFileName().toString();
    base = base.substring(0, base.length() - MV.length());
    removeLeftovers(dir, base);
    if (Files.exists(target)) {
      return;
    }
    Files.createDirectories(dir);
    String temp = base + ".creating-" + ProcessHandle.current().pid();
    Path tempFile = dir.resolve(temp + MV);
    Files.deleteIfExists(tempFile);
    // the URL's own options (a cipher, a mode) but no server: the file is this process's until it is renamed
    String options = Optional.ofNullable(FILE_URL.matcher(url).replaceFirst("$2")).orElse("")
        .replaceAll("(?i);(AUTO_SERVER|AUTO_SERVER_PORT|AUTO_RECONNECT)=[^;]*", "");
    String tempUrl = "jdbc:h2:file:" + dir.resolve(temp) + options;
    try {
      try (Connection c = user == null ? DriverManager.getConnection(tempUrl) : DriverManager.getConnection(tempUrl, user,
          password)) {
        Flyway.configure().dataSource(tempUrl, user, password).locations("classpath:db/migration").load().migrate();
        try (Statement s = c.createStatement()) {
          s.execute("SHUTDOWN");
        }
      }
      // a hard link appears atomically and only if the name is free (a rename would replace a file another
      // process has already created and written to)
      try {
        Files.createLink(target, tempFile);
      } catch (FileAlreadyExistsException anotherWon) {
        // another process created it first: theirs is the store
      } catch (UnsupportedOperationException | IOException noLinks) {
        if (!Files.exists(target)) {
          Files.move(tempFile, target);
        }
      } finally {
        Files.deleteIfExists(tempFile);
      }
    } catch (FlywayException e) {
      Files.deleteIfExists(tempFile);
      throw new SQLException("cannot create " + target + ": " + e.getMessage(), e);
    } finally {
      Files.deleteIfExists(dir.resolve(temp + ".trace.db"));
    }
  }

  /** Deletes the temporary files of creations and upgrades ({@link H2FileUpgrade}) whose process no longer runs. */
  static void removeLeftovers(Path dir, String base) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    Pattern mine = Pattern.compile(Pattern.quote(base) + "\\.(?:creating|upgrading)-(\\d+)\\.(?:mv\\.db|trace\\.db|zip)");
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, base + ".{creating,upgrading}-*")) {
      for (Path f : files) {
        Matcher m = mine.matcher(f.getFileName().toString());
        if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).map(ProcessHandle::isAlive).orElse(false) == false) {
          Files.deleteIfExists(f);
        }
      }
    }
  }
}

package org.orebook.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.orebook.store.Actor;
import org.orebook.store.Role;
import org.orebook.store.Store;
import org.orebook.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options shared by the commands that use the store: which database, and who is acting. */
final class StoreOptions {
  @Option(names = "--db", paramLabel = "URL",
      description = "JDBC URL of the store (jdbc:h2:… or jdbc:postgresql://…); default: $OREBOOK_DB, else an H2 file in ~/.orebook")
  String db;

  @Option(names = "--as", paramLabel = "USER",
      description = "act as this account (its role applies); the password is read from --password-file, $OREBOOK_PASSWORD or the console")
  String as;

  @Option(names = "--password-file", paramLabel = "FILE", description = "file whose first line is the password of --as")
  Path passwordFile;

  @Option(names = "--wait", paramLabel = "SECONDS",
      description = "how long to wait for the store while another load or change holds it (default: ${DEFAULT-VALUE});"
          + " then the command gives up, writes nothing and exits " + Main.BUSY)
  int waitSeconds = 120;

  @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
  CommandLine.Model.CommandSpec mixee;

  Store open() throws StoreException {
    return open(db == null ? Store.defaultUrl() : db);
  }

  /** Opens the store at {@code url} with this command's wait; a wait longer than a second is said on stderr. */
  Store open(String url) throws StoreException {
    PrintWriter err = mixee == null ? null : mixee.commandLine().getErr();
    Store.Settings settings = Store.Settings.defaults().withWait(Duration.ofSeconds(Math.max(0, waitSeconds)))
        .withPoolSize(4).withOnWait(m -> {
          if (err != null) {
            err.println("orebook: " + m + " (--wait)");
            err.flush();
          }
        });
    return Store.open(url, settings);
  }

  /**
   * The account named by {@code --as}, authenticated; without {@code --as}, the operating-system
   * user as a preparer (imports and edits drafts, approves nothing).
   */
  Actor actor(Store store, PrintWriter err) throws StoreException {
    if (as == null) {
      return new Actor("cli:" + System.getProperty("user.name", "unknown"), Role.PREPARER);
    }
    char[] password = password(err).orElseThrow(() -> new StoreException(StoreException.Kind.INVALID,
        "--as " + as + " needs a password: --password-file, $OREBOOK_PASSWORD or a console"));
    return store.authenticate(as, password).map(u -> u.actor()).orElseThrow(() ->
        new StoreException(StoreException.Kind.FORBIDDEN, "wrong user name or password for '" + as + "'"));
  }

  Optional<char[]> password(PrintWriter err) throws StoreException {
    if (passwordFile != null) {
      try {
        String first = Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("");
        return Optional.of(first.toCharArray());
      } catch (IOException e) {
        throw new StoreException(StoreException.Kind.INVALID, "cannot read --password-file " + passwordFile + ": " + e.getMessage());
      }
    }
    String env = System.getenv("OREBOOK_PASSWORD");
    if (env != null && !env.isEmpty()) {
      return Optional.of(env.toCharArray());
    }
    if (System.console() != null) {
      err.flush();
      return Optional.ofNullable(System.console().readPassword("password: "));
    }
    return Optional.empty();
  }

  /** Exit code for a refusal: the user's to fix (2), the store busy (75: try again), or the database failing (1). */
  static int exitCode(StoreException e) {
    return switch (e.kind()) {
      case FAILED -> 1;
      case BUSY -> Main.BUSY;
      default -> Main.BAD_INPUT;
    };
  }

  static void report(PrintWriter err, StoreException e) {
    err.println("orebook: " + e.getMessage());
  }
}

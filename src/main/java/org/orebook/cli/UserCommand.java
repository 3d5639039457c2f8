package org.orebook.cli;

import java.util.concurrent.Callable;
import org.orebook.store.Role;
import org.orebook.store.Store;
import org.orebook.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code orebook user add NAME --role ROLE}: accounts for the web app and for {@code --as}. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage accounts.",
    subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class})
final class UserCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Create an account. The password (at least 10 characters) is read from --password-file, "
          + "$OREBOOK_PASSWORD or the console, and stored only as an Argon2id hash.")
  static final class Add implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    StoreOptions store = new StoreOptions();

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer, preparer or approver")
    String role;

    @Override
    public Integer call() {
      var err = spec.commandLine().getErr();
      Role r = Role.parse(role).orElse(null);
      if (r == null) {
        err.println("orebook: --role '" + role + "' is not one of viewer, preparer, approver");
        return Main.BAD_INPUT;
      }
      try (Store s = store.open()) {
        char[] password = store.password(err).orElseThrow(() -> new StoreException(StoreException.Kind.INVALID,
            "no password given: use --password-file, $OREBOOK_PASSWORD or run in a console"));
        s.addUser(name, r, password);
        spec.commandLine().getOut().println("created " + r.code() + " '" + name + "' in " + s.url());
        return 0;
      } catch (StoreException e) {
        StoreOptions.report(err, e);
        return StoreOptions.exitCode(e);
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List accounts and roles.")
  static final class ListUsers implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    StoreOptions store = new StoreOptions();

    @Override
    public Integer call() {
      try (Store s = store.open()) {
        s.users().forEach(u -> spec.commandLine().getOut().println(u.name() + "\t" + u.role().code()));
        return 0;
      } catch (StoreException e) {
        StoreOptions.report(spec.commandLine().getErr(), e);
        return StoreOptions.exitCode(e);
      }
    }
  }
}

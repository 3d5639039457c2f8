package org.orebook.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.orebook.data.DatasetException;
import org.orebook.data.DatasetSource;
import org.orebook.store.LoadResult;
import org.orebook.store.Store;
import org.orebook.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code orebook load DIR}: stores a dataset folder, all or nothing, with an audit trail. */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = "Load a dataset folder into the store, all or nothing. A change to an approved period is a "
        + "restatement: it needs --as an approver and --reason.")
final class LoadCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin
  StoreOptions store = new StoreOptions();

  @Parameters(index = "0", paramLabel = "DIR", description = "dataset folder (docs/input-format.md)")
  Path dir;

  @Option(names = "--company", paramLabel = "ID", description = "store under this company id (default: from the short name)")
  String company;

  @Option(names = "--reason", paramLabel = "TEXT", description = "why: required when the load restates an approved period")
  String reason;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    if (!Files.isDirectory(dir)) {
      err.println("orebook: " + dir + " is not a dataset folder");
      return Main.BAD_INPUT;
    }
    try (Store s = store.open()) {
      LoadResult r = load(s, DatasetSource.folder(dir), company, store.actor(s, err), reason);
      out.println(describe(r, dir.toString(), s));
      return 0;
    } catch (DatasetException e) {
      err.println("orebook: " + e.getMessage());
      err.println("orebook: nothing was loaded; the store is as it was.");
      return Main.BAD_INPUT;
    } catch (StoreException e) {
      StoreOptions.report(err, e);
      err.println("orebook: nothing was loaded; the store is as it was.");
      return StoreOptions.exitCode(e);
    }
  }

  static LoadResult load(Store s, DatasetSource source, String company, org.orebook.store.Actor actor, String reason)
      throws DatasetException, StoreException {
    return s.load(company, source, actor, reason);
  }

  static String describe(LoadResult r, String from, Store s) {
    if (r.unchanged()) {
      return "loaded " + from + " into " + s.url() + " as company '" + r.companyId() + "', dataset " + r.dataset() + ": unchanged";
    }
    return "loaded " + from + " into " + s.url() + " as company '" + r.companyId() + "', dataset " + r.dataset()
        + " (change " + r.changeId() + "): "
        + r.added() + " rows added, " + r.changed() + " changed, " + r.removed() + " removed"
        + (r.restatedPeriods().isEmpty() ? "" : "; restated " + String.join(", ", r.restatedPeriods()));
  }
}

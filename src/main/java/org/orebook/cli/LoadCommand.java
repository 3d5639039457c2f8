package org.orebook.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.orebook.data.DatasetException;
import org.orebook.data.DatasetSource;
import org.orebook.release.Producible;
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

  /**
   * Stores a dataset once it is known to produce its release ({@link Producible#require}: every row
   * valid, the engine and the layout succeed), so that nothing the release would refuse is stored.
   */
  static LoadResult load(Store s, DatasetSource source, String company, org.orebook.store.Actor actor, String reason)
      throws DatasetException, StoreException {
    if (company != null && (company.isBlank() || company.length() > MAX_COMPANY_ID)) {
      throw new StoreException(StoreException.Kind.INVALID, "--company '" + clip(company) + "': a company id has 1 to "
          + MAX_COMPANY_ID + " characters");
    }
    if (reason != null && reason.length() > MAX_REASON) {
      throw new StoreException(StoreException.Kind.INVALID, "--reason has " + reason.length() + " characters; at most "
          + MAX_REASON);
    }
    Producible.require(source);
    return s.load(company, source, actor, reason);
  }

  /** Longest company id the store keeps. */
  static final int MAX_COMPANY_ID = 100;
  /** Longest reason the store keeps. */
  static final int MAX_REASON = 2_000;

  private static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
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

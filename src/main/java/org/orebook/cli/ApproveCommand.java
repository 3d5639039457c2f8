package org.orebook.cli;

import java.util.concurrent.Callable;
import org.orebook.store.Store;
import org.orebook.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code orebook approve COMPANY PERIOD --as USER}: approves a draft period. */
@Command(name = "approve", mixinStandardHelpOptions = true,
    description = "Approve a draft period of a company. Needs --as an approver who made none of its changes.")
final class ApproveCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin
  StoreOptions store = new StoreOptions();

  @Parameters(index = "0", paramLabel = "COMPANY")
  String company;

  @Parameters(index = "1", paramLabel = "PERIOD", description = "FY2003 or 'Q4 2003'")
  String period;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    try (Store s = store.open()) {
      long change = s.approve(company, period, store.actor(s, err));
      spec.commandLine().getOut().println("approved " + period + " of " + company + " (change " + change + ")");
      return 0;
    } catch (StoreException e) {
      StoreOptions.report(err, e);
      return StoreOptions.exitCode(e);
    }
  }
}

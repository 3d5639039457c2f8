package org.orebook.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.orebook.data.DatasetException;
import org.orebook.ledger.LedgerInput;
import org.orebook.ledger.LedgerRun;
import org.orebook.quantity.Period;
import org.orebook.release.Releases;
import org.orebook.scan.BadRow;
import org.orebook.scan.BadRows;
import org.orebook.scan.BadRowsException;
import org.orebook.scan.ScanSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code orebook ledger DIR --out DATASET}: aggregates a general-ledger extract and a production
 * log into the per unit and period inputs of a dataset, then produces the release. Output is
 * atomic; with bad rows nothing is written unless {@code --skip-bad-rows}.
 */
@Command(name = "ledger", mixinStandardHelpOptions = true,
    description = "Aggregate a general ledger and a production log (with the dataset's structure files in DIR) into "
        + "a dataset folder, and produce its release there (docs/input-format.md).")
final class LedgerCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR",
      description = "folder with company.csv, segments.csv, units.csv (and other structure files), chart_of_accounts.csv, "
          + "ledger.csv, production_log.csv and optionally fiscal_years.csv")
  Path dir;

  @Option(names = "--out", paramLabel = "DATASET", required = true,
      description = "dataset folder to write (replaced as a whole): structure files, production.csv, costs.csv, the release")
  Path out;

  @Option(names = "--ledger", paramLabel = "FILE", description = "the ledger extract (default: DIR/ledger.csv)")
  Path ledger;

  @Option(names = "--log", paramLabel = "FILE", description = "the production log (default: DIR/production_log.csv)")
  Path log;

  @Option(names = "--chart", paramLabel = "FILE", description = "the chart of accounts (default: DIR/chart_of_accounts.csv)")
  Path chart;

  @Option(names = "--skip-bad-rows", description = "leave bad rows out, list them in DATASET/rejects.csv, and go on")
  boolean skipBadRows;

  @Option(names = "--threads", paramLabel = "N", description = "scanning threads (default: the available processors)")
  Integer threads;

  @Option(names = "--period", paramLabel = "PERIOD", description = "release period (default: the dataset's)")
  String period;

  @Option(names = "--format", paramLabel = "FORMAT", split = ",",
      description = "release formats written into DATASET: text, json, csv, html, xlsx (default: text)")
  List<String> formats = List.of("text");

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter o = spec.commandLine().getOut();
    Period p = null;
    if (period != null && (p = Period.parse(period).orElse(null)) == null) {
      err.println("orebook: --period '" + period + "' is not a period (write a quarter 'Q3 2025', nine months '9M 2025' or a year FY2025)");
      return Main.BAD_INPUT;
    }
    for (String f : formats) {
      if (!Releases.FORMATS.contains(f)) {
        err.println("orebook: --format '" + f + "' is not one of " + String.join(", ", Releases.FORMATS));
        return Main.BAD_INPUT;
      }
    }
    ScanSettings scan = ScanSettings.defaults();
    if (threads != null) {
      if (threads < 1) {
        err.println("orebook: --threads must be at least 1");
        return Main.BAD_INPUT;
      }
      scan = scan.withThreads(threads);
    }
    LedgerRun.Outcome outcome;
    try {
      LedgerInput in = LedgerInput.open(dir, ledger != null ? ledger : dir.resolve(LedgerInput.LEDGER),
          log != null ? log : dir.resolve(LedgerInput.LOG), chart != null ? chart : dir.resolve(LedgerInput.CHART));
      outcome = LedgerRun.run(in, out, new LedgerRun.Options(scan, skipBadRows, p, formats));
    } catch (BadRowsException e) {
      report(err, e.badRows());
      err.println("orebook: nothing was written (--skip-bad-rows leaves them out, lists them in "
          + out.resolve(LedgerRun.REJECTS) + ", and goes on)");
      return Main.BAD_INPUT;
    } catch (DatasetException e) {
      err.println("orebook: " + e.getMessage());
      err.println("orebook: nothing was written.");
      return Main.BAD_INPUT;
    }
    o.printf("read %,d ledger lines (%,d rows) and %,d production log lines (%,d shifts) in %.2f s%n",
        outcome.ledger().lines(), outcome.ledger().rows(), outcome.production().lines(), outcome.production().rows(),
        outcome.aggregateSeconds());
    if (!outcome.badRows().isEmpty()) {
      report(err, outcome.badRows());
      err.println("orebook: left them out; every bad row is in " + out.resolve(LedgerRun.REJECTS));
    }
    o.printf("wrote %s: production.csv, costs.csv and %s (release computed in %.2f s)%n", out,
        String.join(", ", formats.stream().map(LedgerRun::fileName).toList()), outcome.releaseSeconds());
    o.flush();
    return 0;
  }

  /** Bad rows printed; every one of them is in the reject file with --skip-bad-rows. */
  static final int SHOWN = 50;

  /** The counts by file and kind, then the first bad rows with file, line and field. */
  static void report(PrintWriter err, BadRows bad) {
    StringBuilder counts = new StringBuilder();
    for (Map.Entry<String, Long> e : bad.kinds().entrySet()) {
      counts.append(counts.isEmpty() ? "" : "; ").append(e.getKey()).append(" ").append(e.getValue());
    }
    err.println("orebook: " + bad.count() + " bad row(s) (" + counts + "):");
    List<BadRow> first = bad.first().subList(0, (int) Math.min(bad.first().size(), SHOWN));
    for (BadRow r : first) {
      err.println("  " + r);
    }
    if (bad.count() > first.size()) {
      err.println("  ... and " + (bad.count() - first.size()) + " more");
    }
  }
}

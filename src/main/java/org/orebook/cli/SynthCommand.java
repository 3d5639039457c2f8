package org.orebook.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.orebook.ledger.LedgerInput;
import org.orebook.bench.LedgerSynth;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code orebook synth}: generates a made-up miner's general ledger, production log and structure
 * files, with the per-period totals the generator computed in {@code expected/}
 * (docs/input-format.md, "General ledger and production log").
 */
@Command(name = "synth", mixinStandardHelpOptions = true,
    description = "Generate a deterministic ledger-path input folder (ledger.csv, production_log.csv, chart of "
        + "accounts, structure files) with the generator's own totals as a dataset in OUT/expected.")
final class SynthCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--units", paramLabel = "N", description = "operating units (default: ${DEFAULT-VALUE})")
  int units = 12;

  @Option(names = "--years", paramLabel = "Y", description = "years covered, ending with --last-year (default: ${DEFAULT-VALUE})")
  int years = 2;

  @Option(names = "--last-year", paramLabel = "YEAR", description = "the release year (default: ${DEFAULT-VALUE})")
  int lastYear = 2025;

  @Option(names = "--ledger-lines", paramLabel = "M", description = "ledger lines, exactly (default: ${DEFAULT-VALUE})")
  long ledgerLines = 100_000;

  @Option(names = "--seed", paramLabel = "S", description = "random seed: the same seed gives the same files (default: ${DEFAULT-VALUE})")
  long seed = 1;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "folder to write (must be empty or absent, unless --force)")
  Path out;

  @Option(names = "--force", description = "replace the contents of a folder that is not empty")
  boolean force;

  @Override
  public Integer call() throws IOException {
    var err = spec.commandLine().getErr();
    LedgerSynth.Spec s;
    try {
      s = new LedgerSynth.Spec(units, years, ledgerLines, seed, lastYear);
    } catch (IllegalArgumentException e) {
      err.println("orebook: " + e.getMessage());
      return Main.BAD_INPUT;
    }
    if (Files.exists(out)) {
      if (!Files.isDirectory(out)) {
        err.println("orebook: --out " + out + " is a file");
        return Main.BAD_INPUT;
      }
      try (Stream<Path> entries = Files.list(out)) {
        if (entries.findAny().isPresent()) {
          if (!force) {
            err.println("orebook: --out " + out + " is not empty (use --force to replace its contents)");
            return Main.BAD_INPUT;
          }
          try (Stream<Path> all = Files.walk(out)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
              if (!p.equals(out)) {
                Files.delete(p);
              }
            }
          }
        }
      }
    }
    long t0 = System.nanoTime();
    LedgerSynth.generate(s, out);
    double seconds = (System.nanoTime() - t0) / 1e9;
    var o = spec.commandLine().getOut();
    o.printf("wrote %s in %.1f s: %,d ledger lines (%s), production log (%s), %d units, FY%d-FY%d; expected totals in %s%n",
        out, seconds, ledgerLines, size(out.resolve(LedgerInput.LEDGER)), size(out.resolve(LedgerInput.LOG)), units,
        lastYear - years + 1, lastYear, out.resolve(LedgerSynth.EXPECTED));
    o.flush();
    return 0;
  }

  static String size(Path file) throws IOException {
    return String.format("%.1f MB", Files.size(file) / 1e6);
  }
}

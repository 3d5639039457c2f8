package org.orebook.ledger;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.orebook.data.DataError;
import org.orebook.data.DatasetException;
import org.orebook.quantity.Period;
import org.orebook.release.AtomicOutput;
import org.orebook.release.Release;
import org.orebook.release.Releases;
import org.orebook.scan.BadRows;
import org.orebook.scan.BadRowsException;
import org.orebook.scan.ScanSettings;

/**
 * The ledger path end to end: ledger and production log → per unit and period totals → a dataset
 * folder → the engine → the release, written atomically. Everything is written into a temporary
 * folder beside the output and moved into place only when the release is computed; with bad rows
 * and without {@code skipBadRows}, nothing is written at all.
 */
public final class LedgerRun {
  /** The name of the reject file in the output folder (with {@code skipBadRows}). */
  public static final String REJECTS = "rejects.csv";

  /** How to run: scanning, whether to go on past bad rows, the release's period (null: the dataset's) and formats. */
  public record Options(ScanSettings scan, boolean skipBadRows, Period period, List<String> formats) {
    public Options {
      formats = List.copyOf(formats);
    }

    public static Options defaults() {
      return new Options(ScanSettings.defaults(), false, null, List.of("text"));
    }
  }

  /** What a run did, and how long each step took (seconds). */
  public record Outcome(Path out, LedgerTotals ledger, ProductionTotals production, BadRows badRows, Release release,
      double aggregateSeconds, double writeSeconds, double releaseSeconds) {}

  private LedgerRun() {}

  private static Path tempFolder(Path parent, Path out) throws IOException {
    return AtomicOutput.tempFolder(out);
  }

  public static Outcome run(LedgerInput in, Path out, Options options) throws IOException, DatasetException, BadRowsException {
    Path parent = out.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new FileAlreadyExistsException(out + " is a file, not a folder");
    }
    AtomicOutput.recoverFolder(out);
    long t0 = System.nanoTime();
    Path tmp = options.skipBadRows() ? tempFolder(parent, out) : null;
    try {
      Path spill = tmp == null ? null : Files.createDirectory(tmp.resolve(".spill"));
      BadRows bad = new BadRows();
      LedgerTotals ledger;
      ProductionTotals production;
      try {
        ledger = LedgerAggregator.aggregate(in, options.scan(), bad, spill);
      } catch (ArithmeticException e) {
        throw tooLarge(in.ledger(), "amount");
      }
      try {
        production = ProductionLogAggregator.aggregate(in, options.scan(), bad, spill);
      } catch (ArithmeticException e) {
        throw tooLarge(in.log(), ProductionLogScanner.TONS_COLUMN);
      }
      if (!bad.isEmpty() && !options.skipBadRows()) {
        throw new BadRowsException(bad, "the ledger and the production log");
      }
      long t1 = System.nanoTime();
      if (tmp == null) {
        tmp = tempFolder(parent, out);
      }
      try {
        DatasetWriter.write(tmp, in, ledger, production);
      } catch (ArithmeticException e) {
        throw new DatasetException(List.of(new DataError(in.ledger().getFileName() + ", " + in.log().getFileName(), 0, "",
            "a year's sum of one unit passes the largest sum Orebook adds exactly (92,233,720,368,547,758.07 dollars,"
                + " 9,223,372,036,854.775807 tons or ounces)")));
      }
      if (options.skipBadRows()) {
        bad.writeCsv(tmp.resolve(REJECTS));
        bad.discard();
        Files.deleteIfExists(spill);
      }
      long t2 = System.nanoTime();
      Release release = Releases.produce(tmp, options.period());
      for (String f : options.formats()) {
        Files.write(tmp.resolve(fileName(f)), Releases.renderBytes(release, f));
      }
      long t3 = System.nanoTime();
      replace(tmp, out);
      tmp = null;
      return new Outcome(out, ledger, production, bad, release, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9);
    } finally {
      if (tmp != null) {
        deleteTree(tmp);
      }
    }
  }

  /** A sum over chunks of the file that overflowed (each chunk's own sums are checked row by row, with lines). */
  private static DatasetException tooLarge(Path file, String field) {
    return new DatasetException(List.of(new DataError(file.getFileName().toString(), 0, field, "the rows of one unit and"
        + " quarter add up to more than the largest sum Orebook adds exactly (92,233,720,368,547,758.07 dollars,"
        + " 9,223,372,036,854.775807 tons or ounces)")));
  }

  /** release.txt, release.json, ... */
  public static String fileName(String format) {
    return "release." + (format.equals("text") ? "txt" : format);
  }

  /**
   * Moves {@code tmp} to {@code out} by renames: the old output, if any, is moved aside first and
   * then deleted ({@link AtomicOutput#replaceFolder}; a run killed between the renames has the old
   * folder put back by the next).
   */
  private static void replace(Path tmp, Path out) throws IOException {
    AtomicOutput.replaceFolder(tmp, out);
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}

package org.orebook.ledger;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.orebook.data.DatasetException;
import org.orebook.quantity.Period;
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
    Path tmp = Files.createTempDirectory(parent, "." + out.getFileName() + ".tmp-");
    try {
      Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: keep the default permissions
    }
    return tmp;
  }

  public static Outcome run(LedgerInput in, Path out, Options options) throws IOException, DatasetException, BadRowsException {
    Path parent = out.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new FileAlreadyExistsException(out + " is a file, not a folder");
    }
    long t0 = System.nanoTime();
    Path tmp = options.skipBadRows() ? tempFolder(parent, out) : null;
    try {
      Path spill = tmp == null ? null : Files.createDirectory(tmp.resolve(".spill"));
      BadRows bad = new BadRows();
      LedgerTotals ledger = LedgerAggregator.aggregate(in, options.scan(), bad, spill);
      ProductionTotals production = ProductionLogAggregator.aggregate(in, options.scan(), bad, spill);
      if (!bad.isEmpty() && !options.skipBadRows()) {
        throw new BadRowsException(bad, "the ledger and the production log");
      }
      long t1 = System.nanoTime();
      if (tmp == null) {
        tmp = tempFolder(parent, out);
      }
      DatasetWriter.write(tmp, in, ledger, production);
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

  /** release.txt, release.json, ... */
  public static String fileName(String format) {
    return "release." + (format.equals("text") ? "txt" : format);
  }

  /** Moves {@code tmp} to {@code out} by renames: the old output, if any, is moved aside first and then deleted. */
  private static void replace(Path tmp, Path out) throws IOException {
    Path old = null;
    if (Files.exists(out)) {
      old = tmp.resolveSibling(tmp.getFileName() + ".old");
      Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
    }
    try {
      Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (old != null) {
        Files.move(old, out, StandardCopyOption.ATOMIC_MOVE);
      }
      throw e;
    }
    if (old != null) {
      deleteTree(old);
    }
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

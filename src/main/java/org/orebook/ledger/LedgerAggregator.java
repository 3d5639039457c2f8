package org.orebook.ledger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.orebook.data.DataError;
import org.orebook.data.DatasetException;
import org.orebook.scan.BadRows;
import org.orebook.scan.Chunks;
import org.orebook.scan.ScanSettings;

/**
 * Aggregates a ledger extract: the file is cut into chunks of whole lines, each chunk scanned by a
 * {@link LedgerScanner} on one of the worker threads, and the per-chunk sums merged (exact
 * {@code long} additions, overflow-checked). Memory: the read buffers and one small array of sums
 * per chunk (units x quarters x categories longs), whatever the number of lines.
 */
public final class LedgerAggregator {
  private LedgerAggregator() {}

  /**
   * Aggregates {@code in.ledger()}; bad rows go to {@code bad} (and, with a {@code spillDir}, every
   * one of them to a spill file there). A ledger without the required columns throws.
   */
  public static LedgerTotals aggregate(LedgerInput in, ScanSettings settings, BadRows bad, Path spillDir)
      throws IOException, DatasetException {
    Path file = in.ledger();
    String name = file.getFileName().toString();
    Chunks.Header header = Chunks.header(file);
    List<DataError> missing = new ArrayList<>();
    for (String c : LedgerScanner.COLUMNS) {
      if (!header.columns().contains(c)) {
        missing.add(new DataError(name, 1, c, "missing column (the header must name " + String.join(",", LedgerScanner.COLUMNS) + ")"));
      }
    }
    for (String c : LedgerScanner.COLUMNS) {
      if (header.columns().indexOf(c) != header.columns().lastIndexOf(c)) {
        missing.add(new DataError(name, 1, c, "column named twice"));
      }
    }
    if (!missing.isEmpty()) {
      throw new DatasetException(missing);
    }
    List<String> unitIds = in.units().stream().map(LedgerInput.UnitShare::id).toList();
    List<LedgerScanner> chunks = Chunks.scan(file, header, settings, i -> new LedgerScanner(name,
        spillDir == null ? null : spillDir.resolve("ledger-" + i + ".rejects"), header.columns(), unitIds,
        in.chart(), in.years()));
    long[] sum = new long[chunks.get(0).cents.length];
    long rows = 0;
    long lines = 0;
    for (LedgerScanner c : chunks) {
      for (int i = 0; i < sum.length; i++) {
        sum[i] = Math.addExact(sum[i], c.cents[i]);
      }
      rows += c.rows;
      lines += c.lines();
    }
    bad.add(chunks, 2);
    return new LedgerTotals(in.units().stream().map(LedgerInput.UnitShare::id).toList(), in.years(), sum, rows, lines);
  }
}

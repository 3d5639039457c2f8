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
 * Aggregates a production log the way {@link LedgerAggregator} aggregates a ledger: chunks of
 * whole lines on the worker threads, per-chunk sums merged exactly.
 */
public final class ProductionLogAggregator {
  private ProductionLogAggregator() {}

  public static ProductionTotals aggregate(LedgerInput in, ScanSettings settings, BadRows bad, Path spillDir)
      throws IOException, DatasetException {
    Path file = in.log();
    String name = file.getFileName().toString();
    Chunks.Header header = Chunks.header(file);
    List<DataError> errors = new ArrayList<>();
    for (String c : ProductionLogScanner.REQUIRED) {
      if (!header.columns().contains(c)) {
        errors.add(new DataError(name, 1, c, "missing column (the header must name date,shift,unit,tons_milled"
            + " and grade_XX, produced_XX columns for metals XX)"));
      }
    }
    if (ProductionLogScanner.roles(header.columns()).isEmpty()) {
      errors.add(new DataError(name, 1, "", "a grade_ or produced_ column names no metal (known: "
          + String.join(" ", java.util.Arrays.stream(org.orebook.model.Metal.values()).map(Enum::name).toList()) + ")"));
    }
    for (String c : header.columns()) {
      if ((ProductionLogScanner.REQUIRED.contains(c) || c.startsWith("grade_") || c.startsWith("produced_"))
          && header.columns().indexOf(c) != header.columns().lastIndexOf(c)) {
        errors.add(new DataError(name, 1, c, "column named twice"));
      }
    }
    if (!errors.isEmpty()) {
      throw new DatasetException(errors);
    }
    ByteKeys units = in.unitKeys();
    List<ProductionLogScanner> chunks = Chunks.scan(file, header, settings, i -> new ProductionLogScanner(name,
        spillDir == null ? null : spillDir.resolve("log-" + i + ".rejects"), header.columns(), units,
        in.units().size(), in.years()));
    bad.add(chunks, 2);
    return new ProductionTotals(in.units().stream().map(LedgerInput.UnitShare::id).toList(), in.years(), chunks);
  }
}

package org.orebook.ledger;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.orebook.data.DataError;
import org.orebook.data.DatasetFile;
import org.orebook.data.DatasetSource;

/**
 * Compares the per-period figures ({@code production.csv} and {@code costs.csv}) of two dataset
 * folders exactly: the same rows by key, and values equal as numbers ({@code 1.50} equals
 * {@code 1.5}). The benchmark uses it to check the ledger path against the generator's own totals.
 */
public final class DatasetComparison {
  /** How many figures were compared, and every difference found. */
  public record Result(int figures, List<String> differences) {
    public boolean same() {
      return differences.isEmpty();
    }
  }

  private DatasetComparison() {}

  public static Result compare(Path actual, Path expected) {
    int figures = 0;
    List<String> diffs = new ArrayList<>();
    for (DatasetFile f : List.of(DatasetFile.PRODUCTION, DatasetFile.COSTS)) {
      Map<String, String> a = figures(actual, f, diffs);
      Map<String, String> e = figures(expected, f, diffs);
      for (var entry : e.entrySet()) {
        String got = a.remove(entry.getKey());
        figures++;
        if (got == null) {
          diffs.add(f.name() + " " + entry.getKey() + ": missing, expected " + entry.getValue());
        } else if (new BigDecimal(got).compareTo(new BigDecimal(entry.getValue())) != 0) {
          diffs.add(f.name() + " " + entry.getKey() + ": " + got + ", expected " + entry.getValue());
        }
      }
      a.forEach((k, v) -> diffs.add(f.name() + " " + k + ": " + v + ", not expected"));
    }
    return new Result(figures, diffs);
  }

  private static Map<String, String> figures(Path dir, DatasetFile file, List<String> diffs) {
    List<DataError> errors = new ArrayList<>();
    Map<String, String> out = new LinkedHashMap<>();
    var read = DatasetSource.folder(dir).read(file.name(), errors);
    errors.forEach(e -> diffs.add(dir + ": " + e));
    if (read.isEmpty()) {
      diffs.add(dir + ": no " + file.name());
      return out;
    }
    for (DatasetSource.SourceRow r : read.get().rows()) {
      StringBuilder k = new StringBuilder();
      for (String c : file.key()) {
        k.append(k.isEmpty() ? "" : "|").append(r.fields().getOrDefault(c, ""));
      }
      out.put(k.toString(), r.fields().getOrDefault("value", "") + "");
    }
    return out;
  }
}

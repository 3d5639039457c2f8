package org.orebook.ledger;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.orebook.data.DataError;
import org.orebook.data.DatasetSource;

/**
 * The chart of accounts: which cost category of the standard each ledger account is posted to
 * ({@code chart_of_accounts.csv}: {@code account,category,name}). An account of the ledger that the
 * chart does not list is a bad row.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ChartOfAccounts {
  private final Map<String, CostCategory> accounts;
  private final ByteKeys keys;

  public ChartOfAccounts(Map<String, CostCategory> accounts) {
    this.accounts = Collections.unmodifiableMap(new LinkedHashMap<>(accounts));
    List<String> names = new ArrayList<>(accounts.keySet());
    this.keys = new ByteKeys(names, names.stream().mapToInt(a -> accounts.get(a).ordinal()).toArray());
  }

  /** Reads a chart file; problems are added to {@code errors} (file, line, field). */
  public static ChartOfAccounts read(Path file, List<DataError> errors) {
    String name = file.getFileName().toString();
    Path folder = file.toAbsolutePath().getParent();
    Optional<DatasetSource.SourceFile> read = DatasetSource.folder(folder).read(name, errors);
    Map<String, CostCategory> accounts = new LinkedHashMap<>();
    if (read.isEmpty()) {
      errors.add(new DataError(name, 0, "", "the chart of accounts is missing from " + folder));
      return new ChartOfAccounts(accounts);
    }
    for (String c : List.of("account", "category")) {
      if (!read.get().header().contains(c) && !read.get().header().isEmpty()) {
        errors.add(new DataError(name, 1, c, "missing column (the header must name account,category,name)"));
        return new ChartOfAccounts(accounts);
      }
    }
    Map<String, Long> lineOf = new java.util.HashMap<>();
    for (DatasetSource.SourceRow r : read.get().rows()) {
      String account = r.fields().getOrDefault("account", "").trim();
      String category = r.fields().getOrDefault("category", "").trim();
      if (account.isEmpty()) {
        errors.add(new DataError(name, r.line(), "account", "empty account"));
        continue;
      }
      Optional<CostCategory> c = CostCategory.ofCode(category);
      if (c.isEmpty()) {
        errors.add(new DataError(name, r.line(), "category", "unknown category '" + category + "' (expected one of "
            + String.join(", ", Arrays.stream(CostCategory.values()).map(CostCategory::code).toList()) + ")"));
        continue;
      }
      Long first = lineOf.putIfAbsent(account, r.line());
      if (first != null) {
        errors.add(new DataError(name, r.line(), "account", "duplicate account '" + account + "' (first on line " + first + ")"));
        continue;
      }
      accounts.put(account, c.get());
    }
    return new ChartOfAccounts(accounts);
  }

  public Map<String, CostCategory> accounts() {
    return accounts;
  }

  /** Account bytes → category ordinal, for the scanners. */
  ByteKeys keys() {
    return keys;
  }
}

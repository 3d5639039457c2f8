package org.orebook.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.orebook.data.DataError;
import org.orebook.data.Dataset;
import org.orebook.data.DatasetException;
import org.orebook.data.DatasetFile;
import org.orebook.data.DatasetLoader;
import org.orebook.data.DatasetSource;

/**
 * A company's datasets as versioned rows: a load or an edit validates the whole dataset, asks the
 * {@link ApprovalPolicy} whether the actor may make the change, and appends, in one transaction,
 * a version of each row new, changed or gone ({@link RowVersions}) with its lines in the
 * {@link AuditLog}; reading gives a dataset back, as current or as first approved, for the engine
 * ({@link #source}) or the rows of a file ({@link #rows}).
 */
final class DatasetVersions {
  /** A folder's rows keyed as the store keys them, and each file's header. */
  record Incoming(Map<String, List<String>> headers, Map<RowId, StoredRow> rows) {}

  private final Database db;
  private final Companies companies;

  DatasetVersions(Database db, Companies companies) {
    this.db = db;
    this.companies = companies;
  }

  /**
   * Loads a dataset, all or nothing (see {@link Store#load}): the company's dataset of the folder's
   * release period is replaced, its other datasets stay as they are.
   */
  LoadResult load(String companyId, DatasetSource source, Actor actor, String reason) throws DatasetException, StoreException {
    return load(companyId, source, actor, reason, java.util.UUID.randomUUID().toString());
  }

  /**
   * A load made for {@code request}, a token of this one load: the store's retry runs the transaction
   * again when the connection broke, which may be after the database committed it (the answer lost
   * on the way back); the change already made for the request is then the load's result, not made
   * twice (another load may have come in between).
   */
  LoadResult load(String companyId, DatasetSource source, Actor actor, String reason, String request)
      throws DatasetException, StoreException {
    Dataset dataset = DatasetLoader.load(source);
    String id = companyId != null ? companyId : Companies.slug(shortName(dataset));
    String releasePeriod = dataset.company().releasePeriod().code();
    Incoming incoming = incoming(source, releasePeriod);
    return db.inTransaction(true, c -> {
      Optional<LoadResult> made = madeFor(c, request, id, releasePeriod);
      if (made.isPresent()) {
        return made.get();
      }
      Companies.addIfAbsent(c, id, dataset.company().name(), releasePeriod);
      Map<RowId, StoredRow> current = RowVersions.inForce(c, id, releasePeriod, null, Map.of());
      List<RowChange> diffs = diff(current, incoming.rows());
      Map<String, List<String>> oldHeaders = RowVersions.headers(c, id, releasePeriod);
      if (diffs.isEmpty() && oldHeaders.equals(incoming.headers())) {
        return new LoadResult(id, 0, 0, 0, 0, List.of(), releasePeriod);
      }
      Set<String> restated = ApprovalPolicy.approvedAmong(c, id, RowChange.periodsOf(diffs));
      ApprovalPolicy.ChangeKind kind = ApprovalPolicy.mayChange(actor, reason, restated);
      long change = AuditLog.begin(c, id, actor, kind == ApprovalPolicy.ChangeKind.RESTATEMENT ? "restate" : "load", null, reason,
          source.describe(), request);
      for (RowChange d : diffs) {
        RowVersions.write(c, id, releasePeriod, change, d);
        AuditLog.recordRow(c, change, releasePeriod, d);
      }
      RowVersions.replaceHeaders(c, id, releasePeriod, incoming.headers());
      Companies.afterLoad(c, id, dataset.company().name());
      ApprovalPolicy.markRestated(c, id, restated);
      int added = (int) diffs.stream().filter(RowChange::added).count();
      int removed = (int) diffs.stream().filter(RowChange::removed).count();
      return new LoadResult(id, change, added, diffs.size() - added - removed, removed, List.copyOf(restated), releasePeriod);
    });
  }

  /** The result of the change already made for {@code request}, from its audit trail; empty when none was. */
  private static Optional<LoadResult> madeFor(java.sql.Connection c, String request, String companyId, String dataset)
      throws java.sql.SQLException {
    List<Long> ids = Sql.query(c, "SELECT id FROM change_set WHERE request = ?", List.of(request), rs -> rs.getLong(1));
    if (ids.isEmpty()) {
      return Optional.empty();
    }
    long change = ids.get(0);
    int added = 0;
    int removed = 0;
    Set<String> changed = new java.util.HashSet<>();
    Set<String> periods = new java.util.TreeSet<>();
    for (String[] e : Sql.query(c, "SELECT field, file, row_key, period FROM audit_entry WHERE change_id = ?", List.of(change),
        rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})) {
      if ("(row added)".equals(e[0])) {
        added++;
      } else if ("(row removed)".equals(e[0])) {
        removed++;
      } else {
        changed.add(e[1] + "\u0000" + e[2]);
      }
      if (e[3] != null) {
        periods.add(e[3]);
      }
    }
    boolean restatement = Sql.exists(c, "SELECT 1 FROM change_set WHERE id = ? AND kind = 'restate'", change);
    List<String> restated = restatement ? List.copyOf(ApprovalPolicy.approvedAmong(c, companyId, periods)) : List.of();
    return Optional.of(new LoadResult(companyId, change, added, changed.size(), removed, restated, dataset));
  }

  private static String shortName(Dataset d) {
    String s = d.company().shortName();
    return s == null || s.isBlank() ? d.company().name() : s;
  }

  /**
   * The rows of {@code source} as the store keys them: each row of each dataset file by its key
   * columns (trimmed fields; a field missing from a row is empty), governed by its {@code period}
   * or, in a file without one, by the dataset's release period. Two rows with the same key are an
   * error located at the second.
   */
  static Incoming incoming(DatasetSource source, String releasePeriod) throws DatasetException {
    List<DataError> errors = new ArrayList<>();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    Map<RowId, StoredRow> rows = new LinkedHashMap<>();
    for (DatasetFile f : DatasetFile.ALL) {
      Optional<DatasetSource.SourceFile> file = source.read(f.name(), errors);
      if (file.isEmpty()) {
        continue;
      }
      headers.put(f.name(), file.get().header());
      Map<String, Long> firstLine = new HashMap<>();
      for (DatasetSource.SourceRow r : file.get().rows()) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String h : file.get().header()) {
          String v = r.fields().get(h);
          fields.put(h, v == null ? "" : v.trim());
        }
        String key = keyOf(f, fields);
        Long before = firstLine.putIfAbsent(key, r.line());
        if (before != null) {
          errors.add(new DataError(f.name(), r.line(), String.join(",", f.key()),
              "same " + String.join(", ", f.key()) + " as line " + before + " (" + key + ")"));
          continue;
        }
        String period = f.hasPeriod() ? fields.get("period") : releasePeriod;
        rows.put(new RowId(releasePeriod, f.name(), key), new StoredRow(f.name(), key, period, r.line(), fields));
      }
    }
    if (!errors.isEmpty()) {
      throw new DatasetException(errors);
    }
    return new Incoming(headers, rows);
  }

  /** A row's key: its key columns' values joined by '|'. */
  static String keyOf(DatasetFile f, Map<String, String> fields) {
    List<String> parts = new ArrayList<>();
    for (String k : f.key()) {
      parts.add(fields.getOrDefault(k, ""));
    }
    return String.join("|", parts);
  }

  /**
   * What replacing the rows {@code current} by {@code incoming} writes: each incoming row that is
   * new or whose fields differ (in incoming order), then each current row that is gone.
   */
  static List<RowChange> diff(Map<RowId, StoredRow> current, Map<RowId, StoredRow> incoming) {
    List<RowChange> diffs = new ArrayList<>();
    for (var e : incoming.entrySet()) {
      StoredRow old = current.get(e.getKey());
      if (old == null || !old.fields().equals(e.getValue().fields())) {
        diffs.add(new RowChange(old, e.getValue()));
      }
    }
    for (var e : current.entrySet()) {
      if (!incoming.containsKey(e.getKey())) {
        diffs.add(new RowChange(e.getValue(), null));
      }
    }
    return diffs;
  }

  /**
   * Changes one field of one stored row of a dataset (the newest when {@code dataset} is null); see
   * {@link Store#edit(String, String, String, String, String, String, Actor, String)}.
   */
  long edit(String companyId, String dataset, String file, String rowKey, String field, String value, Actor actor,
      String reason) throws DatasetException, StoreException {
    CompanyInfo company = companies.require(companyId);
    String ds = dataset == null ? company.releasePeriod() : dataset;
    return db.inTransaction(true, c -> {
      Map<RowId, StoredRow> current = RowVersions.inForce(c, companyId, ds, null, Map.of());
      StoredRow old = current.get(new RowId(ds, file, rowKey));
      if (old == null) {
        throw new StoreException(StoreException.Kind.NOT_FOUND, "no row '" + rowKey + "' in " + file + " of " + companyId
            + " (dataset " + ds + ")");
      }
      if (!old.fields().containsKey(field)) {
        throw new StoreException(StoreException.Kind.INVALID, file + " has no field '" + field + "'");
      }
      DatasetFile f = DatasetFile.named(file).orElseThrow();
      if (f.key().contains(field)) {
        throw new StoreException(StoreException.Kind.INVALID, "'" + field + "' identifies the row; it cannot be edited");
      }
      Map<String, String> fields = new LinkedHashMap<>(old.fields());
      fields.put(field, value == null ? "" : value.trim());
      StoredRow changed = new StoredRow(file, rowKey, old.period(), old.line(), fields);
      current.put(new RowId(ds, file, rowKey), changed);
      try {
        DatasetLoader.load(new StoreSource("store: " + companyId, RowVersions.headers(c, companyId, ds),
            List.copyOf(current.values())));
      } catch (DatasetException e) {
        throw new StoreException(StoreException.Kind.INVALID, e.getMessage(), e.errors(), e);
      }
      Set<String> restated = ApprovalPolicy.approvedAmong(c, companyId, Set.of(old.period()));
      ApprovalPolicy.ChangeKind kind = ApprovalPolicy.mayChange(actor, reason, restated);
      long change = AuditLog.begin(c, companyId, actor, kind == ApprovalPolicy.ChangeKind.RESTATEMENT ? "restate" : "edit", null,
          reason, "edit");
      RowChange d = new RowChange(old, changed);
      RowVersions.write(c, companyId, ds, change, d);
      AuditLog.recordRow(c, change, ds, d);
      ApprovalPolicy.markRestated(c, companyId, restated);
      return change;
    });
  }

  /** One dataset of the company as stored (the newest when {@code dataset} is null), current or as first approved. */
  DatasetSource source(String companyId, String dataset, Version version) throws StoreException {
    CompanyInfo company = companies.require(companyId);
    String ds = dataset == null ? company.releasePeriod() : dataset;
    return db.inTransaction(false, c -> {
      Map<String, List<String>> headers = RowVersions.headers(c, companyId, ds);
      if (headers.isEmpty()) {
        throw new StoreException(StoreException.Kind.NOT_FOUND, companyId + " has no dataset '" + ds + "' (it has "
            + String.join(", ", Companies.datasets(c, companyId)) + ")");
      }
      return new StoreSource("store: " + companyId + " " + ds + (version == Version.ORIGINAL ? " (as originally reported)" : ""),
          headers, List.copyOf(RowVersions.inForce(c, companyId, ds, null, ApprovalPolicy.cutoff(c, companyId, version)).values()));
    });
  }

  /** The current rows of one file (every file when null) of a dataset (the newest when null), in file order. */
  List<StoredRow> rows(String companyId, String dataset, String file) throws StoreException {
    CompanyInfo company = companies.require(companyId);
    String ds = dataset == null ? company.releasePeriod() : dataset;
    return db.inTransaction(false, c -> RowVersions.inForce(c, companyId, ds, file, Map.of()).values().stream()
        .sorted(Comparator.comparing((StoredRow r) -> DatasetFile.ALL.indexOf(DatasetFile.named(r.file()).orElseThrow()))
            .thenComparingLong(StoredRow::line))
        .toList());
  }
}

package org.orebook.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.orebook.data.DataError;
import org.orebook.data.DatasetSource;

/** Dataset rows held in memory from the store, handed to the dataset loader in file order. */
final class StoreSource implements DatasetSource {
  private final String description;
  private final Map<String, List<String>> headers;
  private final List<StoredRow> rows;

  StoreSource(String description, Map<String, List<String>> headers, List<StoredRow> rows) {
    this.description = description;
    this.headers = headers;
    this.rows = rows;
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public Optional<SourceFile> read(String name, List<DataError> errors) {
    List<String> header = headers.get(name);
    if (header == null) {
      return Optional.empty();
    }
    List<SourceRow> out = new ArrayList<>();
    rows.stream().filter(r -> r.file().equals(name))
        .sorted(Comparator.comparingLong(StoredRow::line).thenComparing(StoredRow::key))
        .forEach(r -> out.add(new SourceRow(r.line(), r.fields())));
    return Optional.of(new SourceFile(name, header, out));
  }
}

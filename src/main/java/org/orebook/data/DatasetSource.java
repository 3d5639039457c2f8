package org.orebook.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the rows of a dataset come from: a folder of CSV files, or the store. Either way each row
 * keeps the file name and line it was first read from, so errors and provenance stay located.
 */
public interface DatasetSource {
  /** A row: the line it came from and its fields by column name. */
  record SourceRow(long line, Map<String, String> fields) {}

  /** The header and rows of one file, in file order. */
  record SourceFile(String name, List<String> header, List<SourceRow> rows) {}

  /** What this source is, for messages ("examples/hecla-2003", "store: hecla"). */
  String describe();

  /**
   * The rows of one file, or empty when the source has no such file. Problems reading it are
   * added to {@code errors}.
   */
  Optional<SourceFile> read(String name, List<DataError> errors);

  static DatasetSource folder(Path folder) {
    return new FolderSource(folder);
  }

  /** A dataset packaged in the jar, e.g. {@code examples/hecla-2003} (the bundled example). */
  static DatasetSource resources(String folder) {
    ClassLoader loader = DatasetSource.class.getClassLoader();
    return new FolderSource("bundled " + folder, name -> loader.getResourceAsStream(folder + "/" + name));
  }
}

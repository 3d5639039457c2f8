package org.orebook.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A dataset folder (or a folder of resources in the jar) read with Apache Commons CSV: header row,
 * {@code #} comments, blank lines skipped, each row kept with its line number so every error can
 * name file, line and field.
 */
final class FolderSource implements DatasetSource {
  /** Opens a file of the dataset by name, or returns null when there is none. */
  @FunctionalInterface
  interface Opener {
    java.io.InputStream open(String name) throws IOException;
  }

  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
      .setHeader().setSkipHeaderRecord(true).setCommentMarker('#').setIgnoreEmptyLines(true)
      .setIgnoreSurroundingSpaces(true).setAllowMissingColumnNames(false).get();

  private final String description;
  private final Opener opener;

  FolderSource(Path folder) {
    this(folder.toString(), name -> {
      Path file = folder.resolve(name);
      return Files.isRegularFile(file) ? Files.newInputStream(file) : null;
    });
  }

  FolderSource(String description, Opener opener) {
    this.description = description;
    this.opener = opener;
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public Optional<SourceFile> read(String name, List<DataError> errors) {
    java.io.InputStream stream;
    try {
      stream = opener.open(name);
    } catch (IOException e) {
      errors.add(new DataError(name, 0, "", "cannot read: " + e.getMessage()));
      return Optional.of(new SourceFile(name, List.of(), List.of()));
    }
    if (stream == null) {
      return Optional.empty();
    }
    List<SourceRow> rows = new ArrayList<>();
    try (Reader in = new java.io.InputStreamReader(stream, StandardCharsets.UTF_8);
         CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
      List<String> header = parser.getHeaderNames();
      for (CSVRecord r : parser) {
        long line = parser.getCurrentLineNumber();
        if (!r.isConsistent()) {
          errors.add(new DataError(name, line, "", "expected " + header.size() + " fields, found " + r.size()));
          continue;
        }
        rows.add(new SourceRow(line, r.toMap()));
      }
      return Optional.of(new SourceFile(name, List.copyOf(header), rows));
    } catch (IOException | RuntimeException e) {
      errors.add(new DataError(name, 0, "", "cannot read: " + e.getMessage()));
      return Optional.of(new SourceFile(name, List.of(), List.of()));
    }
  }
}

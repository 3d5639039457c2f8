package org.orebook.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * A dataset folder (or a folder of resources in the jar) read with Apache Commons CSV: header row,
 * {@code #} comments, blank lines skipped, each row kept with its line number so every error can
 * name file, line and field.
 *
 * <p>What spreadsheets write is accepted: a UTF-8 byte-order mark (Excel's "CSV UTF-8"), CRLF line
 * ends, quoted fields. What cannot be a dataset file is refused once per file, not once per row:
 * bytes that are not UTF-8 text, a header that names a column twice or leaves one unnamed, rows
 * with more or fewer fields than the header (the first such row and how many more), more than
 * {@link #MAX_ROWS} rows.
 */
final class FolderSource implements DatasetSource {
  /** Opens a file of the dataset by name, or returns null when there is none. */
  @FunctionalInterface
  interface Opener {
    java.io.InputStream open(String name) throws IOException;
  }

  /**
   * Most rows a dataset file holds: a dataset carries per-unit, per-period figures (a few thousand
   * rows); more is a transaction list, which {@code orebook ledger} aggregates.
   */
  static final int MAX_ROWS = 200_000;

  /** Longest description kept (it names the source of a load in the store's change log). */
  static final int MAX_DESCRIPTION = 1_000;

  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
      .setHeader().setSkipHeaderRecord(true).setCommentMarker('#').setIgnoreEmptyLines(true)
      .setIgnoreSurroundingSpaces(true).setAllowMissingColumnNames(true)
      .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).get();

  private final String description;
  private final Opener opener;

  FolderSource(Path folder) {
    this(folder.toString(), name -> {
      Path file = folder.resolve(name);
      return Files.isRegularFile(file) ? Files.newInputStream(file) : null;
    });
  }

  FolderSource(String description, Opener opener) {
    this.description = description.length() <= MAX_DESCRIPTION ? description
        : "..." + description.substring(description.length() - MAX_DESCRIPTION + 3);
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
    // strict UTF-8: a binary file or a file saved in another encoding is refused, not read as garbage
    var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (Reader in = withoutByteOrderMark(new BufferedReader(new InputStreamReader(stream, decoder)));
         CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
      List<String> header = parser.getHeaderNames();
      if (!headerOk(name, header, errors)) {
        return Optional.of(new SourceFile(name, List.of(), List.of()));
      }
      long wrongLine = 0;
      int wrongFields = 0;
      long wrongRows = 0;
      for (CSVRecord r : parser) {
        long line = parser.getCurrentLineNumber();
        if (!r.isConsistent()) {
          if (wrongRows++ == 0) {
            wrongLine = line;
            wrongFields = r.size();
          }
          continue;
        }
        if (rows.size() == MAX_ROWS) {
          errors.add(new DataError(name, line, "", "more than " + MAX_ROWS + " rows: a dataset file holds figures per unit and"
              + " period (aggregate a ledger with 'orebook ledger')"));
          return Optional.of(new SourceFile(name, List.of(), List.of()));
        }
        rows.add(new SourceRow(line, r.toMap()));
      }
      if (wrongRows > 0) {
        errors.add(new DataError(name, wrongLine, "", "expected " + header.size() + " fields (the header's columns: "
            + String.join(",", header) + "), found " + wrongFields
            + (wrongRows > 1 ? "; " + (wrongRows - 1) + " more row(s) have the wrong number of fields" : "")));
        return Optional.of(new SourceFile(name, List.of(), List.of()));
      }
      return Optional.of(new SourceFile(name, List.copyOf(header), rows));
    } catch (IOException | RuntimeException e) {
      errors.add(new DataError(name, 0, "", unreadable(e)));
      return Optional.of(new SourceFile(name, List.of(), List.of()));
    }
  }

  /** Skips a leading byte-order mark (U+FEFF), which Excel writes at the start of "CSV UTF-8". */
  private static Reader withoutByteOrderMark(BufferedReader in) throws IOException {
    in.mark(1);
    if (in.read() != '\ufeff') {
      in.reset();
    }
    return in;
  }

  private static boolean headerOk(String name, List<String> header, List<DataError> errors) {
    if (header.isEmpty()) {
      errors.add(new DataError(name, 1, "", "no header row (the first line names the columns)"));
      return false;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < header.size(); i++) {
      String h = header.get(i);
      if (h == null || h.isBlank()) {
        errors.add(new DataError(name, 1, "", "column " + (i + 1) + " of the header has no name"));
        return false;
      }
      if (!seen.add(h)) {
        errors.add(new DataError(name, 1, h, "the header names column '" + h + "' twice"));
        return false;
      }
    }
    return true;
  }

  /** Why a file could not be read, in words (Commons CSV's and the decoder's exceptions named by what they mean). */
  private static String unreadable(Exception e) {
    Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
    if (t instanceof CharacterCodingException) {
      return "not UTF-8 text (a binary file, or text saved in another encoding: save it as 'CSV UTF-8')";
    }
    String m = t.getMessage() == null ? "" : t.getMessage();
    if (m.contains("EOF reached before encapsulated token finished")) {
      return "a quoted field is not closed " + m.replaceAll(".*\\(startline (\\d+)\\).*", "(it opens on line $1)");
    }
    if (m.contains("invalid char between encapsulated token and delimiter")) {
      return "a quote inside a quoted field must be doubled " + m.replaceAll(".*\\(line (\\d+)\\).*", "(line $1)");
    }
    return "cannot read: " + m;
  }
}

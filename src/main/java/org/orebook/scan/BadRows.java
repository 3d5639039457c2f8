package org.orebook.scan;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bad rows of the raw files of one run: how many, how many of each kind, the first
 * {@value ChunkScanner#KEPT} per file with their line numbers (for the message), and, when the run
 * goes on past bad rows, every one of them in spill files that {@link #writeCsv} gathers into the
 * reject file in file and line order. Memory holds only the first rows, never all of them.
 */
public final class BadRows {
  private long count;
  private final Map<String, Long> kinds = new TreeMap<>();
  private final List<BadRow> first = new ArrayList<>();
  private final List<Spill> spills = new ArrayList<>();

  /** A chunk's spill file and the line number (in its file) of the chunk's first line minus one. */
  private record Spill(String fileName, Path file, long lineOffset) {}

  /** Adds the bad rows of one file's chunks (in file order) whose first row is on {@code firstLine}. */
  public void add(List<? extends ChunkScanner> chunks, long firstLine) throws IOException {
    long offset = firstLine - 1;
    for (ChunkScanner c : chunks) {
      count += c.badRows;
      c.kinds.forEach((k, v) -> kinds.merge(c.fileName + ": " + k, v, Long::sum));
      for (BadRow r : c.kept) {
        if (first.size() < ChunkScanner.KEPT * 2) {
          first.add(new BadRow(r.file(), r.line() + offset, r.field(), r.kind(), r.reason(), r.text()));
        }
      }
      Path spill = c.closeSpill();
      if (spill != null) {
        spills.add(new Spill(c.fileName, spill, offset));
      }
      offset += c.lines;
    }
  }

  public long count() {
    return count;
  }

  public boolean isEmpty() {
    return count == 0;
  }

  /** Counts by file and kind: "ledger.csv: unknown account" → 3. */
  public Map<String, Long> kinds() {
    return java.util.Collections.unmodifiableMap(kinds);
  }

  /** The first bad rows, with file line numbers. */
  public List<BadRow> first() {
    return List.copyOf(first);
  }

  /** Writes every bad row to {@code csv}: {@code file,line,field,reason,row}. */
  public void writeCsv(Path csv) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      out.write("file,line,field,reason,row\n");
      for (Spill s : spills) {
        try (BufferedReader in = Files.newBufferedReader(s.file(), StandardCharsets.UTF_8)) {
          String l;
          while ((l = in.readLine()) != null) {
            int tab = l.indexOf('\t');
            long line = Long.parseLong(l.substring(0, tab)) + s.lineOffset();
            out.write(quote(s.fileName()) + "," + line + "," + l.substring(tab + 1) + "\n");
          }
        }
      }
    }
  }

  /** Deletes the spill files. */
  public void discard() throws IOException {
    for (Spill s : spills) {
      Files.deleteIfExists(s.file());
    }
    spills.clear();
  }

  /** {@code field,reason,row} of a bad row, CSV-quoted (file and line go before it). */
  static String csvTail(BadRow r) {
    return quote(r.field()) + "," + quote(r.reason()) + "," + quote(r.text());
  }

  static String quote(String s) {
    if (s.isEmpty() || s.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r' || c == '\t')) {
      return s;
    }
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }
}

package org.orebook.scan;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one byte range of a raw file (a chunk: whole lines, see {@link Chunks}) through a reusable
 * buffer and hands the subclass blocks of complete lines, so that the per-line loop of a scanner
 * runs over a plain {@code byte[]} with no per-row allocation, and the memory used does not depend
 * on the size of the file. A line that does not end in a newline at the end of the file gets one.
 *
 * <p>A chunk counts its lines and keeps its bad rows with line numbers local to the chunk;
 * {@link BadRows} turns them into file line numbers once every chunk before it is counted. A
 * scanner is used by one thread.
 */
public abstract class ChunkScanner {
  /** Bad rows kept in memory per chunk for the report; all of them go to the spill file when there is one. */
  public static final int KEPT = 100;
  /** The text of a bad row is cut to this many characters in reports and the reject file. */
  public static final int MAX_TEXT = 2000;

  protected final String fileName;
  /** Lines of the chunk seen so far (rows, blank lines and comments). */
  protected long lines;
  long badRows;
  final List<BadRow> kept = new ArrayList<>();
  final java.util.Map<String, Long> kinds = new java.util.TreeMap<>();
  private final Path spill;
  private BufferedWriter spillOut;

  protected ChunkScanner(String fileName, Path spill) {
    this.fileName = fileName;
    this.spill = spill;
  }

  /** Processes every line of {@code b[pos, limit)}; each ends with a newline byte. Counts {@link #lines}. */
  protected abstract void scanBlock(byte[] b, int pos, int limit);

  /** Lines of the chunk (rows, blank lines and comments), once scanned. */
  public final long lines() {
    return lines;
  }

  /** Rows of the chunk rejected, once scanned. */
  public final long badRows() {
    return badRows;
  }

  /**
   * Scans {@code [start, end)} of the file, which starts and ends at line boundaries. A line longer
   * than the buffer is a bad row ("line too long", with its line number) and is skipped to its end.
   */
  final void scan(FileChannel channel, long start, long end, byte[] buf) throws IOException {
    int filled = 0;
    long at = start;
    boolean skipping = false;
    while (true) {
      int want = (int) Math.min(buf.length - 1 - Words.SLACK - filled, end - at);
      ByteBuffer bb = ByteBuffer.wrap(buf, filled, want);
      boolean eof = false;
      while (bb.hasRemaining()) {
        int n = channel.read(bb, at);
        if (n < 0) {
          eof = true;
          break;
        }
        at += n;
      }
      filled = bb.position();
      eof |= at >= end;
      if (skipping) { // the rest of an over-long line: up to its newline
        int nl = 0;
        while (nl < filled && buf[nl] != '\n') {
          nl++;
        }
        if (nl == filled) {
          filled = 0;
          if (eof) {
            return;
          }
          continue;
        }
        System.arraycopy(buf, nl + 1, buf, 0, filled - nl - 1);
        filled -= nl + 1;
        skipping = false;
        if (filled == 0 && eof) {
          return;
        }
        if (!eof) {
          continue; // fill the buffer again before looking for whole lines
        }
      }
      int limit;
      if (eof) {
        if (filled > 0 && buf[filled - 1] != '\n') {
          buf[filled++] = '\n';
        }
        limit = filled;
      } else {
        limit = filled;
        while (limit > 0 && buf[limit - 1] != '\n') {
          limit--;
        }
        if (limit == 0) {
          lines++;
          reject(lines, "", "line too long", "a line longer than " + (buf.length - 1 - Words.SLACK) + " bytes (a row of a"
              + " CSV file is a few hundred)", buf, 0, Math.min(filled, MAX_TEXT));
          filled = 0;
          skipping = true;
          continue;
        }
      }
      scanBlock(buf, 0, limit);
      if (eof) {
        return;
      }
      System.arraycopy(buf, limit, buf, 0, filled - limit);
      filled -= limit;
    }
  }

  /** Records a bad row at chunk-local line {@code line} whose text is {@code b[from, to)}. */
  protected final void reject(long line, String field, String kind, String reason, byte[] b, int from, int to) {
    badRows++;
    kinds.merge(kind, 1L, Long::sum);
    if (kept.size() >= KEPT && spill == null) {
      return;
    }
    int end = to;
    while (end > from && (b[end - 1] == '\r' || b[end - 1] == '\n')) {
      end--;
    }
    String text = new String(b, from, end - from, StandardCharsets.UTF_8).replace('\r', ' ');
    if (text.length() > MAX_TEXT) {
      text = text.substring(0, MAX_TEXT) + "...";
    }
    BadRow row = new BadRow(fileName, line, field, kind, reason, text);
    if (kept.size() < KEPT) {
      kept.add(row);
    }
    if (spill != null) {
      try {
        if (spillOut == null) {
          spillOut = Files.newBufferedWriter(spill, StandardCharsets.UTF_8);
        }
        // chunk-local line, a tab, then the rest of the reject file's row (BadRows adds the offset)
        spillOut.write(line + "\t" + BadRows.csvTail(row) + "\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Closes the spill file; returns it, or null when this chunk had no bad row to spill. */
  final Path closeSpill() throws IOException {
    if (spillOut == null) {
      return null;
    }
    spillOut.close();
    return spill;
  }

  /**
   * The general reading of the line at {@code b[pos]}, for everything a scanner's fast path does
   * not take: a blank line or a {@code #} comment is skipped; otherwise {@link #startRow}, then
   * each field, quoted or not, goes to {@link #acceptField} until one is refused (its error code,
   * not 0), and the rest of the line is read to count its fields. A row whose quoting is broken or
   * which has not as many fields as {@code header} is rejected here; a refused field's row goes to
   * {@link #refuseRow}, any other row to {@link #endRow}. Returns the position after the line.
   */
  protected final int readRow(byte[] b, int pos, long line, List<String> header) {
    byte c0 = b[pos];
    if (c0 == '\n' || c0 == '#' || (c0 == '\r' && b[pos + 1] == '\n')) {
      while (b[pos] != '\n') {
        pos++;
      }
      return pos + 1;
    }
    startRow();
    int err = 0;
    int errField = -1;
    String errValue = null;
    boolean quoting = false;
    int f = 0;
    int p = pos;
    while (true) {
      p = field(b, p);
      if (p < 0) {
        p = ~p;
        if (err == 0) {
          err = -1;
          errField = f;
          quoting = true;
        }
      } else if (err == 0 && f < header.size() && (err = acceptField(f, fieldBytes, fieldFrom, fieldTo)) != 0) {
        errField = f;
        errValue = new String(fieldBytes, fieldFrom, fieldTo - fieldFrom, StandardCharsets.UTF_8);
      }
      f++;
      if (b[p++] == '\n') {
        break;
      }
    }
    if (quoting) {
      reject(line, errField < header.size() ? header.get(errField) : "", "bad quoting",
          "a quoted field is not closed, or text follows its closing quote", b, pos, p);
    } else if (err == 0 && f != header.size()) {
      reject(line, "", "wrong number of fields", "expected " + header.size() + " fields, found " + f, b, pos, p);
    } else if (err != 0) {
      refuseRow(line, err, errField, errValue, b, pos, p);
    } else {
      endRow(line, b, pos, p);
    }
    return p;
  }

  /** Called by {@link #readRow} before the first field of a row; nothing by default. */
  protected void startRow() {
    // a scanner whose row state must be cleared overrides this
  }

  /** Takes field {@code f} of a row, {@code src[from, to)}; returns 0, or an error code of the scanner's. */
  protected abstract int acceptField(int f, byte[] src, int from, int to);

  /** Ends a good row read by {@link #readRow}; the line is {@code b[from, to)}. */
  protected abstract void endRow(long line, byte[] b, int from, int to);

  /**
   * Rejects a row read by {@link #readRow} whose field {@code errField}, text {@code errValue}, was
   * refused by {@link #acceptField} with {@code err}; the line is {@code b[from, to)}.
   */
  protected abstract void refuseRow(long line, int err, int errField, String errValue, byte[] b, int from, int to);

  /** The field last read by {@link #field}: {@code fieldBytes[fieldFrom, fieldTo)}. */
  protected byte[] fieldBytes;
  protected int fieldFrom;
  protected int fieldTo;

  /**
   * Reads the field starting at {@code b[p]}, a quoted one unquoted into {@link #scratch}, into
   * {@link #fieldBytes}, {@link #fieldFrom} and {@link #fieldTo} (without a line's {@code \r}), and
   * returns the position of the delimiter after it (a comma or the newline); when the quoting is
   * broken the field is empty and the result is {@code ~position} (negative).
   */
  protected final int field(byte[] b, int p) {
    if (b[p] == '"') {
      int q = unquote(b, p);
      if (q >= 0) {
        fieldBytes = scratch;
        fieldFrom = 0;
        fieldTo = scratchLength;
        return q;
      }
      p = -q;
      while (b[p] != ',' && b[p] != '\n') {
        p++;
      }
      fieldBytes = b;
      fieldFrom = p;
      fieldTo = p;
      return ~p;
    }
    int from = p;
    while (b[p] != ',' && b[p] != '\n') {
      p++;
    }
    int to = p;
    if (b[p] == '\n' && to > from && b[to - 1] == '\r') {
      to--;
    }
    fieldBytes = b;
    fieldFrom = from;
    fieldTo = to;
    return p;
  }

  /** The unquoted text of the last quoted field, {@code scratch[0, scratchLength)}. */
  protected byte[] scratch = new byte[256];
  protected int scratchLength;

  /**
   * Copies the quoted field starting at {@code b[p]} (a quote) into {@link #scratch}; returns the
   * position of the delimiter after the closing quote, or {@code -position} of the offending byte
   * when the quoting is broken (no closing quote on the line, or text after it).
   */
  protected final int unquote(byte[] b, int p) {
    int i = p + 1;
    int n = 0;
    while (true) {
      byte c = b[i];
      if (c == '\n') {
        return -i;
      }
      if (c == '"') {
        if (b[i + 1] == '"') {
          n = put(n, (byte) '"');
          i += 2;
          continue;
        }
        i++;
        break;
      }
      n = put(n, c);
      i++;
    }
    if (b[i] == '\r' && b[i + 1] == '\n') {
      i++;
    }
    if (b[i] != ',' && b[i] != '\n') {
      return -i;
    }
    scratchLength = n;
    return i;
  }

  private int put(int n, byte c) {
    if (n == scratch.length) {
      scratch = java.util.Arrays.copyOf(scratch, n * 2);
    }
    scratch[n] = c;
    return n + 1;
  }
}

package org.orebook.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Splits a raw file into chunks of whole lines and scans them on several threads: the header line
 * is read first, the rest is cut near equal byte offsets and each cut moved forward to the next
 * line start, and worker threads take chunks in turn (a chunk per task, so a slow chunk does not
 * hold the others back). Each worker has one read buffer, reused for every chunk it scans: memory
 * is threads x buffer, whatever the size of the file.
 */
public final class Chunks {
  /** The header of a raw file: its column names and the offset where the rows start. */
  public record Header(List<String> columns, long dataStart, long size) {}

  private Chunks() {}

  /** Reads the first line. An empty file has no header: IOException. */
  public static Header header(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      byte[] buf = new byte[(int) Math.min(size, 1 << 16)];
      ByteBuffer bb = ByteBuffer.wrap(buf);
      while (bb.hasRemaining() && ch.read(bb, bb.position()) >= 0) {
        // read the first 64 KiB (or the whole file)
      }
      int nl = 0;
      while (nl < buf.length && buf[nl] != '\n') {
        nl++;
      }
      if (nl == buf.length && size > buf.length) {
        throw new IOException(file.getFileName() + ": the header line is longer than 64 KiB");
      }
      String line = new String(buf, 0, nl, StandardCharsets.UTF_8).replace("\uFEFF", "").strip();
      if (line.isEmpty()) {
        throw new IOException(file.getFileName() + " is empty: expected a header line");
      }
      List<String> columns = Arrays.stream(line.split(",", -1)).map(String::strip)
          .map(c -> c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"") ? c.substring(1, c.length() - 1) : c).toList();
      return new Header(columns, Math.min(size, nl + 1L), size);
    }
  }

  /**
   * Scans {@code [header.dataStart, size)} with one scanner per chunk, made by {@code scanners}
   * with the chunk's index; returns the scanners in file order.
   */
  public static <S extends ChunkScanner> List<S> scan(Path file, Header header, ScanSettings settings, IntFunction<S> scanners)
      throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long[] cuts = cuts(ch, header.dataStart(), header.size(), settings);
      int n = cuts.length - 1;
      List<S> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(scanners.apply(i));
      }
      int workers = Math.min(settings.threads(), n);
      AtomicInteger next = new AtomicInteger();
      Runnable work = () -> {
        byte[] buf = new byte[settings.bufferBytes()];
        int i;
        while ((i = next.getAndIncrement()) < n) {
          try {
            out.get(i).scan(ch, cuts[i], cuts[i + 1], buf);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };
      if (workers <= 1) {
        run(work);
        return out;
      }
      List<Thread> threads = new ArrayList<>();
      List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
      for (int w = 0; w < workers; w++) {
        Thread t = Thread.ofPlatform().name("orebook-scan-" + w).unstarted(work);
        t.setUncaughtExceptionHandler((th, e) -> failures.add(e));
        threads.add(t);
        t.start();
      }
      for (Thread t : threads) {
        try {
          t.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while scanning " + file.getFileName(), e);
        }
      }
      if (!failures.isEmpty()) {
        rethrow(failures.get(0));
      }
      return out;
    }
  }

  private static void run(Runnable work) throws IOException {
    try {
      work.run();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static void rethrow(Throwable e) throws IOException {
    if (e instanceof UncheckedIOException u) {
      throw u.getCause();
    }
    if (e instanceof RuntimeException r) {
      throw r;
    }
    if (e instanceof Error err) {
      throw err;
    }
    throw new IOException(e);
  }

  /** Chunk boundaries: start, the line starts nearest after each even cut, end. */
  static long[] cuts(FileChannel ch, long start, long end, ScanSettings settings) throws IOException {
    long span = end - start;
    int n = (int) Math.max(1, Math.min(4096, (span + settings.chunkBytes() - 1) / settings.chunkBytes()));
    if (n > 1 && n < settings.threads()) {
      n = settings.threads();
    }
    long[] cuts = new long[n + 1];
    cuts[0] = start;
    int k = 1;
    byte[] probe = new byte[4096];
    for (int i = 1; i < n; i++) {
      long at = Math.max(start + span * i / n, cuts[k - 1]);
      long cut = nextLineStart(ch, at, end, probe);
      if (cut > cuts[k - 1] && cut < end) {
        cuts[k++] = cut;
      }
    }
    cuts[k++] = end;
    return Arrays.copyOf(cuts, k);
  }

  /** The first line start at or after {@code at} (the byte before it is a newline), or {@code end}. */
  private static long nextLineStart(FileChannel ch, long at, long end, byte[] probe) throws IOException {
    long pos = at - 1;
    while (pos < end) {
      ByteBuffer bb = ByteBuffer.wrap(probe, 0, (int) Math.min(probe.length, end - pos));
      int n = ch.read(bb, pos);
      if (n <= 0) {
        return end;
      }
      for (int i = 0; i < n; i++) {
        if (probe[i] == '\n') {
          return pos + i + 1;
        }
      }
      pos += n;
    }
    return end;
  }
}

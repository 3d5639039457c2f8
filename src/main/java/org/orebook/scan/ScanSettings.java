package org.orebook.scan;

/**
 * How the raw files are scanned: worker threads, the target size of a chunk (the unit of work a
 * thread takes), and the size of each thread's read buffer (the longest line it can hold).
 */
public record ScanSettings(int threads, long chunkBytes, int bufferBytes) {
  public ScanSettings {
    if (threads < 1 || chunkBytes < 1 || bufferBytes < 64) {
      throw new IllegalArgumentException("threads " + threads + ", chunk " + chunkBytes + ", buffer " + bufferBytes);
    }
  }

  /** Every available processor, 32 MiB chunks, 1 MiB buffers. */
  public static ScanSettings defaults() {
    return new ScanSettings(Runtime.getRuntime().availableProcessors(), 32L << 20, 1 << 20);
  }

  public ScanSettings withThreads(int n) {
    return new ScanSettings(n, chunkBytes, bufferBytes);
  }
}

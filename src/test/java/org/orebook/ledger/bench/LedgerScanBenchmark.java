package org.orebook.ledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.orebook.scan.BadRows;
import org.orebook.ledger.LedgerAggregator;
import org.orebook.ledger.LedgerInput;
import org.orebook.ledger.LedgerScanner;
import org.orebook.bench.LedgerSynth;
import org.orebook.scan.ScanSettings;

/**
 * The ledger scanner's hot loop: a generated ledger of {@code lines} rows scanned from memory on
 * one thread (no I/O: the cost per row of the byte loop itself), and the whole aggregation of the
 * same file from the page cache on 1 and 2 threads. Results are per operation (one whole ledger);
 * divide by {@code lines} for the cost of a row. See docs/benchmarks.md for how to run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LedgerScanBenchmark {
  @Param({"200000"})
  public int lines;

  Path dir;
  LedgerInput in;
  byte[] rows;
  int rowsStart;
  int rowsEnd;
  List<String> header;
  List<String> units;

  @Setup(Level.Trial)
  public void generate() throws Exception {
    dir = Files.createTempDirectory("orebook-jmh-");
    LedgerSynth.generate(new LedgerSynth.Spec(40, 2, lines, 1), dir);
    in = LedgerInput.open(dir);
    byte[] file = Files.readAllBytes(in.ledger());
    rows = new byte[file.length + LedgerScanner.SLACK];
    System.arraycopy(file, 0, rows, 0, file.length);
    int nl = 0;
    while (rows[nl] != '\n') {
      nl++;
    }
    rowsStart = nl + 1;
    rowsEnd = file.length;
    header = List.of(new String(file, 0, nl, java.nio.charset.StandardCharsets.US_ASCII).split(","));
    units = in.units().stream().map(LedgerInput.UnitShare::id).toList();
  }

  @TearDown(Level.Trial)
  public void delete() throws IOException {
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** The byte loop alone: every row of the ledger, from memory, one thread. */
  @Benchmark
  public long[] scanInMemory() {
    return LedgerScanner.scanBytes(rows, rowsStart, rowsEnd, header, units, in.chart(), in.years());
  }

  /** Reading the file (page cache) and scanning it on one thread. */
  @Benchmark
  public long aggregateFileOneThread() throws Exception {
    return LedgerAggregator.aggregate(in, new ScanSettings(1, 32L << 20, 1 << 20), new BadRows(), null).rows();
  }

  /** Reading and scanning on two threads, in 2 MiB chunks so both threads have work at this size. */
  @Benchmark
  public long aggregateFileTwoThreads() throws Exception {
    return LedgerAggregator.aggregate(in, new ScanSettings(2, 2L << 20, 1 << 20), new BadRows(), null).rows();
  }
}

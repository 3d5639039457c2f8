package org.orebook.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.orebook.blockmodel.BlockModelException;
import org.orebook.bench.BlockModelSynth;
import org.orebook.bench.DuckDbGradeTonnage;
import org.orebook.blockmodel.GradeTonnageFormats;
import org.orebook.blockmodel.GradeTonnageSpec;
import org.orebook.blockmodel.GradeTonnageTable;
import org.orebook.ledger.DatasetComparison;
import org.orebook.bench.DuckDbAggregation;
import org.orebook.ledger.LedgerInput;
import org.orebook.ledger.LedgerRun;
import org.orebook.bench.LedgerSynth;
import org.orebook.scan.BadRowsException;
import org.orebook.scan.Chunks;
import org.orebook.scan.HeapMonitor;
import org.orebook.scan.ScanSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code orebook bench ...}: benchmarks (docs/benchmarks.md). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks (docs/benchmarks.md).",
    subcommands = {BenchCommand.Ledger.class, BenchCommand.GradeTonnageBench.class, WebBench.class, BenchCommand.FuzzBench.class})
final class BenchCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * {@code orebook bench ledger --lines 1000000,10000000}: for each size, generates (or reuses)
   * a ledger-path input folder, then times, in the same process and alternately, the whole Orebook
   * pipeline (ledger and log aggregated, dataset written, engine, release rendered as text) and
   * DuckDB doing the ledger's aggregation alone; reports the median of the runs, the peak heap of
   * the Orebook runs ({@link HeapMonitor}), and checks that both give the same sums and that the
   * dataset equals the generator's own totals.
   */
  @Command(name = "ledger", mixinStandardHelpOptions = true,
      description = "Time the ledger path (ledger -> release) against DuckDB's aggregation of the same CSV files.")
  static final class Ledger implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--lines", paramLabel = "N[,N...]", split = ",", description = "ledger sizes (default: ${DEFAULT-VALUE})")
    List<Long> lines = List.of(1_000_000L, 10_000_000L);

    @Option(names = "--units", paramLabel = "N", description = "operating units (default: ${DEFAULT-VALUE})")
    int units = 40;

    @Option(names = "--years", paramLabel = "Y", description = "years covered (default: ${DEFAULT-VALUE})")
    int years = 2;

    @CommandLine.Mixin
    Runs common;

    @Option(names = "--work", paramLabel = "DIR", description = "where generated inputs are cached (default: ${DEFAULT-VALUE})")
    Path work = Path.of("target", "bench-ledger");

    @Override
    public Integer call() throws Exception {
      PrintWriter o = spec.commandLine().getOut();
      if (!common.start(spec, "ledger", "--lines", lines, String.format("%d units, %d years", units, years))) {
        return Main.BAD_INPUT;
      }
      int n = common.threads();
      ScanSettings scan = ScanSettings.defaults().withThreads(n);
      boolean ok = true;
      try (DuckDbAggregation duck = new DuckDbAggregation(n)) {
        for (long size : lines) {
          ok &= bench(o, size, scan, duck);
        }
      }
      return ok ? 0 : 1;
    }

    private boolean bench(PrintWriter o, long size, ScanSettings scan, DuckDbAggregation duck) throws Exception {
      Path data = work.resolve(String.format("ledger-v%d-l%d-u%d-y%d-s%d", LedgerSynth.VERSION, size, units, years, common.seed));
      Path done = data.resolve(".complete");
      o.printf("== %,d ledger lines%n", size);
      common.prepare(o, data, done, () -> {
        deleteTree(data);
        LedgerSynth.generate(new LedgerSynth.Spec(units, years, size, common.seed), data);
        return data;
      });
      LedgerInput in = LedgerInput.open(data);
      o.printf("  ledger.csv %s, production_log.csv %s; load average %.2f%n", SynthCommand.size(in.ledger()),
          SynthCommand.size(in.log()), loadAverage());
      o.flush();
      Path out = work.resolve("out-" + data.getFileName());
      double[] ours = new double[common.runs];
      double[] theirs = new double[common.runs];
      long peak = 0;
      LedgerRun.Outcome last = null;
      Map<String, BigDecimal> duckTotals = null;
      for (int r = 0; r < common.runs; r++) {
        Timed<LedgerRun.Outcome> run;
        try {
          run = timed(() -> LedgerRun.run(in, out, new LedgerRun.Options(scan, false, null, List.of("text"))));
        } catch (BadRowsException e) {
          o.println("  the generated ledger has bad rows: " + e.getMessage());
          return false;
        }
        last = run.value();
        ours[r] = run.seconds();
        peak = Math.max(peak, run.peakBytes());
        Timed<Map<String, BigDecimal>> duckRun = timed(() -> duck.aggregate(in));
        duckTotals = duckRun.value();
        theirs[r] = duckRun.seconds();
        o.printf("  run %d: orebook %.3f s (aggregate %.3f, dataset %.3f, engine and release %.3f), peak heap %d MB"
                + " | duckdb %.3f s%n", r + 1, ours[r], last.aggregateSeconds(), last.writeSeconds(), last.releaseSeconds(),
            run.peakBytes() >> 20, theirs[r]);
        o.flush();
      }
      List<String> duckDiffs = DuckDbAggregation.differences(last.ledger(), duckTotals);
      DatasetComparison.Result expected = DatasetComparison.compare(out, data.resolve(LedgerSynth.EXPECTED));
      deleteTree(out);
      int sums = last.ledger().units().size() * last.ledger().years().quarters() * org.orebook.ledger.CostCategory.count();
      o.printf("  check: orebook = duckdb on %,d unit/quarter/category sums: %s; dataset = generator's totals on %,d figures: %s%n",
          sums, duckDiffs.isEmpty() ? "yes" : "NO (" + duckDiffs.size() + " differ, e.g. " + duckDiffs.get(0) + ")",
          expected.figures(), expected.same() ? "yes, exactly" : "NO (" + expected.differences().size() + " differ, e.g. "
              + expected.differences().get(0) + ")");
      double t = median(ours);
      double d = median(theirs);
      long rows = last.ledger().rows();
      o.printf("  orebook: %,d lines to a finished release in %.3f s = %,.0f rows/s, peak heap %d MB;"
              + " duckdb aggregation %.3f s; ratio %.2f%s; load average %.2f%n",
          rows, t, rows / t, peak >> 20, d, t / d, t / d <= 1.0 ? " (<= 1.0)" : " (> 1.0)", loadAverage());
      o.printf("lines=%d orebook_s=%.3f duckdb_s=%.3f ratio=%.2f peak_heap_mb=%d%n", size, t, d, t / d, peak >> 20);
      o.flush();
      return duckDiffs.isEmpty() && expected.same();
    }

    static double median(double[] v) {
      double[] s = v.clone();
      Arrays.sort(s);
      return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static double loadAverage() {
      return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static String cpuModel() {
      try (Stream<String> l = Files.lines(Path.of("/proc/cpuinfo"))) {
        return l.filter(s -> s.startsWith("model name")).map(s -> s.substring(s.indexOf(':') + 1).strip()).findFirst()
            .orElse("unknown CPU");
      } catch (IOException | RuntimeException e) {
        return "unknown CPU";
      }
    }

    static void deleteTree(Path dir) throws IOException {
      if (!Files.exists(dir)) {
        return;
      }
      try (Stream<Path> s = Files.walk(dir)) {
        List<Path> all = new ArrayList<>(s.sorted(Comparator.reverseOrder()).toList());
        for (Path p : all) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /**
   * {@code orebook bench grade-tonnage --blocks 1000000,10000000}: for each size, generates (or
   * reuses) a synthetic block model ({@link BlockModelSynth}), then times, in the same process and
   * alternately, Orebook's command path (options to spec, the scan on every core, the JSON written
   * atomically) and DuckDB computing the same cumulative table in exact DECIMAL SQL; reports the
   * medians, blocks per second and the peak heap of the Orebook runs, and checks that both give
   * the same blocks, tonnage and tonnage x grade sums on every row.
   */
  @Command(name = "grade-tonnage", mixinStandardHelpOptions = true,
      description = "Time grade-tonnage on a synthetic block model against DuckDB's SQL over the same CSV.")
  static final class GradeTonnageBench implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--blocks", paramLabel = "N[,N...]", split = ",", description = "model sizes (default: ${DEFAULT-VALUE})")
    List<Long> blocks = List.of(10_000_000L);

    @Option(names = "--cutoffs", paramLabel = "C[,C...]", description = "cut-offs on gold, g/t (default: ${DEFAULT-VALUE})")
    String cutoffs = "0.3,0.5,1,2,5";

    @CommandLine.Mixin
    Runs common;

    @Option(names = "--work", paramLabel = "DIR", description = "where generated models are cached (default: ${DEFAULT-VALUE})")
    Path work = Path.of("target", "bench-grade-tonnage");

    @Override
    public Integer call() throws Exception {
      PrintWriter o = spec.commandLine().getOut();
      if (!common.start(spec, "grade-tonnage", "--blocks", blocks, "cut-offs " + cutoffs + " on au, by rock, au ag cu")) {
        return Main.BAD_INPUT;
      }
      int n = common.threads();
      boolean ok = true;
      Files.createDirectories(work);
      try (DuckDbGradeTonnage duck = new DuckDbGradeTonnage(n)) {
        for (long size : blocks) {
          ok &= bench(o, size, n, duck);
        }
      }
      return ok ? 0 : 1;
    }

    private boolean bench(PrintWriter o, long size, int threads, DuckDbGradeTonnage duck) throws Exception {
      Path model = work.resolve(String.format("blocks-b%d-s%d.csv", size, common.seed));
      Path done = work.resolve(model.getFileName() + ".complete");
      o.printf("== %,d blocks%n", size);
      common.prepare(o, model, done, () -> {
        BlockModelSynth.generate(size, common.seed, model);
        return model;
      });
      o.printf("  %s %s; load average %.2f%n", model.getFileName(), SynthCommand.size(model), Ledger.loadAverage());
      o.flush();
      String[] args = {model.toString(), "--tonnage", "tonnes", "--grade", "au=au:g/t", "--grade", "ag=ag:g/t", "--grade",
          "cu=cu:%", "--category", "rock", "--cutoffs", cutoffs, "--format", "json", "--threads", String.valueOf(threads),
          "--out", work.resolve("out-" + size + ".json").toString()};
      GradeTonnageCommand command = new GradeTonnageCommand();
      new CommandLine(command).parseArgs(args);
      double[] ours = new double[common.runs];
      double[] theirs = new double[common.runs];
      long peak = 0;
      GradeTonnageTable table = null;
      Map<String, DuckDbGradeTonnage.Sums> duckRows = null;
      GradeTonnageSpec gt;
      try {
        gt = command.spec();
      } catch (BlockModelException e) {
        o.println("  " + e.getMessage());
        return false;
      }
      for (int r = 0; r < common.runs; r++) {
        Timed<GradeTonnageTable> run;
        try {
          run = timed(() -> {
            GradeTonnageTable computed = command.compute(command.spec());
            GradeTonnageCommand.write(command.out, GradeTonnageFormats.render(computed, command.format));
            return computed;
          });
        } catch (BlockModelException | BadRowsException e) {
          o.println("  the generated model does not scan: " + e.getMessage());
          return false;
        }
        table = run.value();
        ours[r] = run.seconds();
        peak = Math.max(peak, run.peakBytes());
        Timed<Map<String, DuckDbGradeTonnage.Sums>> duckRun = timed(() -> duck.run(model, Chunks.header(model).columns(), gt));
        duckRows = duckRun.value();
        theirs[r] = duckRun.seconds();
        o.printf("  run %d: orebook %.3f s, peak heap %d MB | duckdb %.3f s%n", r + 1, ours[r], run.peakBytes() >> 20,
            theirs[r]);
        o.flush();
      }
      List<String> diffs = DuckDbGradeTonnage.differences(table, duckRows);
      o.printf("  check: orebook = duckdb on %d rows (blocks, tonnage, tonnage x grade of au, ag, cu): %s%n",
          table.rows().size(), diffs.isEmpty() ? "yes, exactly" : "NO (" + diffs.size() + " differ, e.g. " + diffs.get(0) + ")");
      double t = Ledger.median(ours);
      double d = Ledger.median(theirs);
      o.printf("  orebook: %,d blocks in %.3f s = %,.0f blocks/s, peak heap %d MB; duckdb %.3f s; ratio %.2f%s;"
              + " load average %.2f%n", table.blocks(), t, table.blocks() / t, peak >> 20, d, t / d,
          t / d <= 1.0 ? " (<= 1.0)" : " (> 1.0)", Ledger.loadAverage());
      o.printf("blocks=%d orebook_s=%.3f duckdb_s=%.3f ratio=%.2f blocks_per_s=%.0f peak_heap_mb=%d%n", size, t, d, t / d,
          table.blocks() / t, peak >> 20);
      o.flush();
      return diffs.isEmpty() && table.blocks() == size;
    }
  }

  /**
   * {@code orebook bench fuzz --cases 10000}: mutated releases through {@code check} and mutated
   * datasets through {@code load} and {@code release} ({@link Fuzz}); prints every crash and hang,
   * the slowest case per 100 KB of input, and exits 1 when any run crashed or hung.
   */
  @Command(name = "fuzz", mixinStandardHelpOptions = true,
      description = "Run mutated releases through check and mutated datasets through load and release; report crashes,"
          + " hangs and the slowest case (docs/benchmarks.md).")
  static final class FuzzBench implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--cases", paramLabel = "N", description = "mutated releases (default: ${DEFAULT-VALUE})")
    int cases = 10_000;

    @Option(names = "--datasets", paramLabel = "N", description = "mutated dataset folders (default: a tenth of --cases)")
    Integer datasets;

    @Option(names = "--seed", paramLabel = "S", description = "seed: the same seed gives the same cases (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "a run still going after this is a hang (default: ${DEFAULT-VALUE})")
    int timeout = 60;

    @Option(names = "--work", paramLabel = "DIR", description = "scratch folder (default: ${DEFAULT-VALUE})")
    Path work = Path.of("target", "bench-fuzz");

    @Option(names = "--only", paramLabel = "N", description = "regenerate release case N of --seed only: write it to"
        + " DIR/release-N.txt (kept) and check it once, after the run's warm-up")
    Integer only;

    @Override
    public Integer call() throws Exception {
      PrintWriter o = spec.commandLine().getOut();
      int sets = datasets != null ? datasets : Math.max(1, cases / 10);
      if (cases < 0 || sets < 0 || timeout < 1 || (only != null && only < 0)) {
        spec.commandLine().getErr().println("orebook: --cases, --datasets and --only must be at least 0, --timeout at least 1");
        return Main.BAD_INPUT;
      }
      if (only != null) {
        Path file = work.resolve("release-" + only + ".txt");
        Path scratch = work.resolve("run-" + ProcessHandle.current().pid());
        Fuzz.Outcome x = new Fuzz(new Fuzz.Options(seed, 0, 0, timeout * 1000L, scratch)).only(only, file);
        Ledger.deleteTree(scratch);
        o.printf("release %d of seed %d (%s): %s, %,d bytes, exit %d, %.3f s CPU, %.3f s wall, %.3f s CPU per 100 KB%s%n",
            x.index(), seed, x.mutation(), x.command(), x.bytes(), x.exit(), x.cpuSeconds(), x.seconds(), x.cpuPer100k(),
            x.bad() ? "; " + x.problem() : "");
        o.printf("kept in %s%n", file);
        o.flush();
        return x.bad() ? 1 : 0;
      }
      o.printf("orebook bench fuzz: %d cores (%s), %s %s, max heap %d MB; %,d releases through check, %,d datasets through"
              + " load and release, seed %d, hang after %d s%n", Runtime.getRuntime().availableProcessors(), Ledger.cpuModel(),
          System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"), HeapMonitor.maxHeapBytes() >> 20,
          cases, sets, seed, timeout);
      o.flush();
      // a scratch folder of this run's own inside --work: nothing else there is touched
      Path scratch = work.resolve("run-" + ProcessHandle.current().pid());
      Ledger.deleteTree(scratch);
      long t0 = System.nanoTime();
      Fuzz.Summary s = new Fuzz(new Fuzz.Options(seed, cases, sets, timeout * 1000L, scratch)).run(o);
      if (s.crashes().isEmpty() && s.hangs().isEmpty()) {
        Ledger.deleteTree(scratch);
      } else {
        o.println("the inputs of the bad cases are in " + scratch.resolve("kept"));
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      Fuzz.Outcome slow = s.slowest();
      Map<Integer, Long> exits = new java.util.TreeMap<>();
      s.outcomes().forEach(x -> exits.merge(x.exit(), 1L, Long::sum));
      o.printf("runs: %,d (%,d check, %,d load or release) in %.1f s; exit codes %s%n", s.outcomes().size(),
          s.count("release"), s.count("dataset"), seconds, exits);
      o.printf("crashes (stack traces, internal errors, undocumented exit codes, accepted but not produced): %d%n",
          s.crashes().size());
      o.printf("hangs (over %d s): %d%n", timeout, s.hangs().size());
      if (slow != null) {
        o.printf("slowest per 100 KB, CPU seconds of the JVM while the run went on (inputs under 100 KB count as 100 KB;"
            + " the %d slowest releases are run again at the end, the JVM warm, and the lower figure is the confirmed one):%n",
            Fuzz.CONFIRMED);
        for (String kind : List.of("release", "dataset")) {
          for (Fuzz.Outcome x : s.slowest(kind, 3)) {
            o.printf("  %.3f s CPU per 100 KB: %s %d (%s), %s, %,d bytes, %.3f s CPU, %.3f s wall%s%n", x.cpuPer100k(),
                x.kind(), x.index(), x.mutation(), x.command(), x.bytes(), x.cpuSeconds(), x.seconds(),
                s.againOf(x).map(a -> String.format("; run again at the end: %.3f s CPU per 100 KB", a.cpuPer100k())).orElse(""));
          }
        }
        Fuzz.Outcome wall = s.slowestWall();
        o.printf("slowest per 100 KB of wall time (the machine's load included): %.3f s: %s %d (%s), %s, %,d bytes%n",
            wall.secondsPer100k(), wall.kind(), wall.index(), wall.mutation(), wall.command(), wall.bytes());
      }
      o.printf("cases=%d datasets=%d crashes=%d hangs=%d slowest_cpu_s_per_100kb=%.3f slowest_confirmed_cpu_s_per_100kb=%.3f"
          + " slowest_wall_s_per_100kb=%.3f%n", cases, sets, s.crashes().size(), s.hangs().size(),
          slow == null ? 0 : slow.cpuPer100k(), s.slowestConfirmed(), slow == null ? 0 : s.slowestWall().secondsPer100k());
      o.flush();
      return s.crashes().isEmpty() && s.hangs().isEmpty() ? 0 : 1;
    }
  }

  /** The options every benchmark has: the generator's seed, the timed runs, the threads, regenerating. */
  static final class Runs {
    @Option(names = "--seed", paramLabel = "S", description = "generator seed (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--runs", paramLabel = "R", description = "timed runs of each side per size; the median is reported (default: ${DEFAULT-VALUE})")
    int runs = 3;

    @Option(names = "--threads", paramLabel = "N", description = "Orebook scanning threads and DuckDB threads (default: the available processors)")
    Integer threads;

    @Option(names = "--regenerate", description = "generate the inputs again even when cached")
    boolean regenerate;

    /**
     * Checks {@code --runs} and the sizes (false, having said why, when one is below 1), then prints
     * the first line: the machine, the JVM, the threads of both sides, what is generated, the runs.
     */
    boolean start(CommandLine.Model.CommandSpec spec, String bench, String sizeOption, List<Long> sizes, String what) {
      if (runs < 1 || sizes.isEmpty() || sizes.stream().anyMatch(n -> n < 1)) {
        spec.commandLine().getErr().println("orebook: --runs and every " + sizeOption + " size must be at least 1");
        return false;
      }
      int n = threads();
      PrintWriter o = spec.commandLine().getOut();
      o.printf("orebook bench %s: %d cores (%s), %s %s, max heap %d MB; Orebook %d threads, DuckDB %d threads;"
              + " %s, seed %d; median of %d runs%n", bench, Runtime.getRuntime().availableProcessors(), Ledger.cpuModel(),
          System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"), HeapMonitor.maxHeapBytes() >> 20,
          n, n, what, seed, runs);
      o.flush();
      return true;
    }

    /**
     * Generates {@code input} unless it is there from an earlier run ({@code done} exists) and
     * {@code --regenerate} was not given; says which.
     */
    void prepare(PrintWriter o, Path input, Path done, Work<Path> generate) throws Exception {
      if (regenerate || !Files.exists(done)) {
        Timed<Path> t = timed(generate);
        Files.writeString(done, "");
        o.printf("  generated %s in %.1f s%n", input, t.seconds());
      } else {
        o.printf("  reusing %s%n", input);
      }
    }

    /** The threads asked for, else every available processor. */
    int threads() {
      return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }
  }

  /** One timed run: what it returned, its wall time, and the peak heap while it ran ({@link HeapMonitor}). */
  record Timed<T>(T value, double seconds, long peakBytes) {}

  /** Work to time. */
  interface Work<T> {
    T run() throws Exception;
  }

  /** Runs {@code work} once, timed, with the heap watched (after a full collection). */
  static <T> Timed<T> timed(Work<T> work) throws Exception {
    HeapMonitor heap = HeapMonitor.start();
    long t0 = System.nanoTime();
    T value;
    try {
      value = work.run();
    } finally {
      heap.close();
    }
    return new Timed<>(value, (System.nanoTime() - t0) / 1e9, heap.peakBytes());
  }
}

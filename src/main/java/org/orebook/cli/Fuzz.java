package org.orebook.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.orebook.data.DatasetFile;
import org.orebook.release.Releases;

/**
 * Feeds the command line mutated inputs and watches how each run ends: mutated releases to
 * {@code check} (text and JSON), mutated dataset folders to {@code load} and, when the load is
 * accepted, to {@code release} from the store. Every run must end with a documented exit code (0,
 * 1, 2; 75 when the store is busy), a message on a refusal, no stack trace and no "internal
 * error"; whatever {@code load} accepts, {@code release} must produce. The mutations are what real
 * files hold: flipped bytes, truncation, huge numbers, Unicode digits and spaces, CRLF, tabs,
 * megabyte lines, binary, cyclic subtotals, odd headers. Seeded: the same seed gives the same cases.
 */
final class Fuzz {
  /** What to run. */
  record Options(long seed, int releases, int datasets, long timeoutMillis, Path work) {}

  /**
   * How one case ended: its wall time, and the CPU time the JVM spent meanwhile (every thread: the
   * run's work whatever else the machine is doing, which wall time on a shared machine is not).
   */
  record Outcome(String kind, int index, String mutation, int bytes, String command, int exit, double seconds,
      double cpuSeconds, String problem) {
    boolean bad() {
      return problem != null;
    }

    /** Wall seconds per 100 KB of input (at least the time of 100 KB: small inputs are not scaled up). */
    double secondsPer100k() {
      return seconds / Math.max(1.0, bytes / 100_000.0);
    }

    /** CPU seconds per 100 KB of input, likewise. */
    double cpuPer100k() {
      return cpuSeconds / Math.max(1.0, bytes / 100_000.0);
    }
  }

  /**
   * All the outcomes of a run, and the slowest cases run again at its end ({@code again}, by kind and
   * index): a case's first run is charged with compiling and collecting what it is the first to use,
   * so its figure is confirmed once the JVM has seen every path.
   */
  record Summary(List<Outcome> outcomes, Map<String, Outcome> again) {
    Summary(List<Outcome> outcomes) {
      this(outcomes, Map.of());
    }

    /** The case's CPU seconds per 100 KB as confirmed: the lower of its two runs (its one run if not rerun). */
    double confirmedCpuPer100k(Outcome o) {
      Outcome a = again.get(o.kind() + " " + o.index());
      return a == null ? o.cpuPer100k() : Math.min(o.cpuPer100k(), a.cpuPer100k());
    }

    /** The second run of a case, when it had one. */
    Optional<Outcome> againOf(Outcome o) {
      return Optional.ofNullable(again.get(o.kind() + " " + o.index()));
    }

    /** The most CPU time per 100 KB after confirmation. */
    double slowestConfirmed() {
      return outcomes.stream().mapToDouble(this::confirmedCpuPer100k).max().orElse(0);
    }

    List<Outcome> crashes() {
      return outcomes.stream().filter(o -> o.bad() && !o.problem().startsWith("hang")).toList();
    }

    List<Outcome> hangs() {
      return outcomes.stream().filter(o -> o.bad() && o.problem().startsWith("hang")).toList();
    }

    /** The case of most CPU time per 100 KB. */
    Outcome slowest() {
      return outcomes.stream().max(Comparator.comparingDouble(Outcome::cpuPer100k)).orElse(null);
    }

    /** The {@code n} cases of most CPU time per 100 KB of a kind (release or dataset), most first. */
    List<Outcome> slowest(String kind, int n) {
      return outcomes.stream().filter(o -> o.kind().equals(kind))
          .sorted(Comparator.comparingDouble(Outcome::cpuPer100k).reversed()).limit(n).toList();
    }

    /** The case of most wall time per 100 KB. */
    Outcome slowestWall() {
      return outcomes.stream().max(Comparator.comparingDouble(Outcome::secondsPer100k)).orElse(null);
    }

    long count(String kind) {
      return outcomes.stream().filter(o -> o.kind().equals(kind)).count();
    }
  }

  /** A stack trace line, or an exception's class name printed to the user. */
  private static final Pattern TRACE = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(|\\b(?:[A-Z]\\w*\\.)*[A-Z]\\w*(?:Exception|Error)\\b");

  private final Options options;
  private final List<byte[]> releaseSeeds = new ArrayList<>();
  private final List<Map<String, byte[]>> datasetSeeds = new ArrayList<>();
  private ExecutorService runner = newRunner();

  Fuzz(Options options) throws IOException {
    this.options = options;
    seeds();
  }

  private static ExecutorService newRunner() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz-case");
      t.setDaemon(true);
      return t;
    });
  }

  // ------------------------------------------------------------------ seeds

  private void seeds() throws IOException {
    Map<String, byte[]> bundled = bundled(ServeCommand.BUNDLED);
    datasetSeeds.add(bundled);
    Path examples = Path.of("examples");
    if (Files.isDirectory(examples)) {
      try (Stream<Path> s = Files.list(examples)) {
        for (Path d : s.sorted().toList()) {
          // an example the jar also bundles (the same files) is a seed already
          if (Files.isRegularFile(d.resolve("company.csv")) && !sameFiles(folder(d), bundled)) {
            datasetSeeds.add(folder(d));
          }
        }
      }
      Path published = examples.resolve("published");
      if (Files.isDirectory(published)) {
        try (Stream<Path> s = Files.list(published)) {
          for (Path f : s.sorted().filter(p -> p.toString().endsWith(".txt")).toList()) {
            releaseSeeds.add(Files.readAllBytes(f));
          }
        }
      }
    }
    Files.createDirectories(options.work());
    for (int i = 0; i < datasetSeeds.size(); i++) {
      Path dir = options.work().resolve("seed-" + i);
      write(dir, datasetSeeds.get(i));
      try {
        releaseSeeds.add(Releases.render(Releases.produce(dir, null), "text").getBytes(StandardCharsets.UTF_8));
      } catch (org.orebook.data.DatasetException e) {
        throw new IOException("a seed dataset does not produce its release: " + e.getMessage(), e);
      } finally {
        BenchCommand.Ledger.deleteTree(dir);
      }
    }
  }

  private static boolean sameFiles(Map<String, byte[]> a, Map<String, byte[]> b) {
    return a.keySet().equals(b.keySet()) && a.keySet().stream().allMatch(k -> java.util.Arrays.equals(a.get(k), b.get(k)));
  }

  private static Map<String, byte[]> bundled(String folder) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (DatasetFile f : DatasetFile.ALL) {
      try (InputStream in = Fuzz.class.getClassLoader().getResourceAsStream(folder + "/" + f.name())) {
        if (in != null) {
          files.put(f.name(), in.readAllBytes());
        }
      }
    }
    return files;
  }

  private static Map<String, byte[]> folder(Path dir) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (DatasetFile f : DatasetFile.ALL) {
      Path p = dir.resolve(f.name());
      if (Files.isRegularFile(p)) {
        files.put(f.name(), Files.readAllBytes(p));
      }
    }
    return files;
  }

  // ------------------------------------------------------------------ running

  /** Runs every case, printing a line for each bad one to {@code progress} (when not null). */
  Summary run(java.io.PrintWriter progress) throws IOException {
    List<Outcome> out = new ArrayList<>();
    Files.createDirectories(options.work());
    // an in-memory store for the run (kept until the JVM ends): the store is not what is fuzzed
    String db = "jdbc:h2:mem:orebook-fuzz-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    warmUp(db);
    for (int i = 0; i < options.releases(); i++) {
      Path f = options.work().resolve("release-" + i + ".txt");
      ReleaseCase c = releaseCase(i);
      Files.write(f, c.input().bytes());
      Outcome o = runCase("release", i, c.input().what(), c.input().bytes().length, c.args(f), Expect.ANY);
      out.add(o);
      report(progress, o);
      keep(o, f);
      if (progress != null && (i + 1) % 500 == 0) {
        progress.printf("  %,d of %,d releases%n", i + 1, options.releases());
        progress.flush();
      }
    }
    for (int i = 0; i < options.datasets(); i++) {
      Random r = new Random(options.seed() * 2_000_003L + i);
      Map<String, byte[]> seed = datasetSeeds.get(r.nextInt(datasetSeeds.size()));
      MutatedSet m = mutateDataset(seed, r);
      Path dir = options.work().resolve("dataset-" + i);
      int bytes = write(dir, m.files());
      // one company per seed: a load stores only what differs from the last accepted variant
      String company = "fuzz" + datasetSeeds.indexOf(seed);
      Outcome load = runCase("dataset", i, m.what(), bytes,
          new String[] {"load", dir.toString(), "--db", db, "--company", company}, Expect.REFUSE_OR_OK);
      out.add(load);
      report(progress, load);
      if (load.exit() == 0 && !load.bad()) {
        Outcome release = runCase("dataset", i, m.what() + " (release)", bytes,
            new String[] {"release", company, "--db", db, "--format", "text"}, Expect.OK);
        out.add(release);
        report(progress, release);
      }
      keep(out.get(out.size() - 1).bad() ? out.get(out.size() - 1) : load, dir);
      if (progress != null && (i + 1) % 100 == 0) {
        progress.printf("  %,d of %,d datasets%n", i + 1, options.datasets());
        progress.flush();
      }
    }
    Map<String, Outcome> again = new LinkedHashMap<>();
    for (Outcome o : new Summary(out).slowest("release", CONFIRMED)) {
      if (o.bad()) {
        continue;
      }
      Path f = options.work().resolve("again-" + o.index() + ".txt");
      ReleaseCase c = releaseCase(o.index());
      Files.write(f, c.input().bytes());
      again.put(o.kind() + " " + o.index(), runCase("release", o.index(), c.input().what(), c.input().bytes().length,
          c.args(f), Expect.ANY));
      Files.deleteIfExists(f);
    }
    runner.shutdownNow();
    return new Summary(out, again);
  }

  /** Release case {@code i} of the seed: the mutated release, and whether it is checked with {@code --format json}. */
  record ReleaseCase(Mutated input, boolean json) {
    String[] args(Path f) {
      return json ? new String[] {"check", f.toString(), "--format", "json"} : new String[] {"check", f.toString()};
    }
  }

  /** Regenerates release case {@code i} (of {@code options.seed()}): the same input whatever else the run does. */
  ReleaseCase releaseCase(int i) {
    Random r = new Random(options.seed() * 1_000_003L + i);
    byte[] seed = releaseSeeds.get(r.nextInt(releaseSeeds.size()));
    Mutated m = mutateRelease(seed, r);
    return new ReleaseCase(m, r.nextInt(3) == 0);
  }

  /**
   * Regenerates release case {@code i}, writes it to {@code file} (kept, to rerun by hand) and runs it
   * once through {@code check} as the full run does, after the same untimed warm-up.
   */
  Outcome only(int i, Path file) throws IOException {
    warmUpCheck();
    ReleaseCase c = releaseCase(i);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, c.input().bytes());
    Outcome o = runCase("release", i, c.input().what(), c.input().bytes().length, c.args(file), Expect.ANY);
    runner.shutdownNow();
    return o;
  }

  /** How many of the slowest releases are run again at the end to confirm their time. */
  static final int CONFIRMED = 10;

  /**
   * Runs each seed once, unmutated and untimed, so that the first cases are not charged with the
   * JVM's warm-up and the store's creation.
   */
  private void warmUp(String db) throws IOException {
    warmUpCheck();
    for (int i = 0; i < datasetSeeds.size(); i++) {
      Path dir = options.work().resolve("warm-up-" + i);
      write(dir, datasetSeeds.get(i));
      runCase("warm-up", i, "none", 0, new String[] {"load", dir.toString(), "--db", db, "--company", "warm-up" + i},
          Expect.REFUSE_OR_OK);
      BenchCommand.Ledger.deleteTree(dir);
    }
  }

  /** Checks each release seed once, unmutated and untimed. */
  private void warmUpCheck() throws IOException {
    Files.createDirectories(options.work());
    for (int i = 0; i < releaseSeeds.size(); i++) {
      Path f = options.work().resolve("warm-up-" + i + ".txt");
      Files.write(f, releaseSeeds.get(i));
      runCase("warm-up", i, "none", 0, new String[] {"check", f.toString()}, Expect.ANY);
      Files.deleteIfExists(f);
    }
  }

  /** Keeps the input of a bad case in {@code WORK/kept/} (to rerun it by hand), and removes the others. */
  private void keep(Outcome o, Path input) throws IOException {
    if (o.bad()) {
      Path kept = options.work().resolve("kept");
      Files.createDirectories(kept);
      Files.move(input, kept.resolve(input.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } else if (Files.isDirectory(input)) {
      BenchCommand.Ledger.deleteTree(input);
    } else {
      Files.deleteIfExists(input);
    }
  }

  /** Writes a dataset's files into a fresh folder; returns their size. */
  private static int write(Path dir, Map<String, byte[]> files) throws IOException {
    BenchCommand.Ledger.deleteTree(dir);
    Files.createDirectories(dir);
    int bytes = 0;
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      Files.write(dir.resolve(e.getKey()), e.getValue());
      bytes += e.getValue().length;
    }
    return bytes;
  }

  private static void report(java.io.PrintWriter progress, Outcome o) {
    if (progress != null && o.bad()) {
      progress.printf("  %s %d (%s): %s -> exit %d: %s%n", o.kind(), o.index(), o.mutation(), o.command(), o.exit(),
          o.problem());
      progress.flush();
    }
  }

  /** What a run may do: anything documented; refuse or succeed (a load); succeed (the release of what was loaded). */
  enum Expect { ANY, REFUSE_OR_OK, OK }

  private Outcome runCase(String kind, int index, String what, int bytes, String[] args, Expect expect) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    long t0 = System.nanoTime();
    long cpu0 = processCpuNanos();
    Future<Integer> f = runner.submit(() -> Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)));
    int exit;
    String problem;
    try {
      exit = f.get(options.timeoutMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      runner.shutdownNow();
      runner = newRunner(); // the stuck run keeps its (daemon) thread; the next case gets a new one
      return new Outcome(kind, index, what, bytes, args[0], -1, (System.nanoTime() - t0) / 1e9,
          (processCpuNanos() - cpu0) / 1e9, "hang: no result after " + options.timeoutMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(kind, index, what, bytes, args[0], -1, 0, 0, "interrupted");
    } catch (ExecutionException e) {
      return new Outcome(kind, index, what, bytes, args[0], -1, (System.nanoTime() - t0) / 1e9,
          (processCpuNanos() - cpu0) / 1e9, "escaped Main.execute: " + e.getCause());
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpu = (processCpuNanos() - cpu0) / 1e9;
    problem = problem(exit, err.toString(StandardCharsets.UTF_8), expect);
    return new Outcome(kind, index, what, bytes, args[0], exit, seconds, cpu, problem);
  }

  /** CPU time of the whole JVM so far (every thread), or 0 where the platform does not say. */
  private static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? Math.max(0, os.getProcessCpuTime()) : 0;
  }

  /**
   * What is wrong with how a run ended, or null: an exit code other than 0, 1, 2; an internal error
   * or a stack trace or exception name in what it said; a refusal without a message; a refused
   * release of what load accepted ({@code Expect.OK}); a load that failed rather than refused.
   */
  static String problem(int exit, String err, Expect expect) {
    if ((exit < 0 || exit > 2) && exit != Main.BUSY) {
      return "undocumented exit code " + exit;
    }
    if (err.contains("internal error")) {
      return firstLine(err.substring(err.indexOf("internal error")));
    }
    if (TRACE.matcher(err).find()) {
      return "exception in the message: " + firstLine(err.substring(Math.max(0, matchStart(err) - 80)));
    }
    if (exit == 2 && !err.startsWith("orebook: ")) {
      return "refused without a message";
    }
    if (expect == Expect.OK && exit != 0) {
      return "load accepted it, release did not produce it: " + firstLine(err);
    }
    if (expect == Expect.REFUSE_OR_OK && exit == 1) {
      return "load failed (exit 1): " + firstLine(err);
    }
    return null;
  }

  private static int matchStart(String s) {
    var m = TRACE.matcher(s);
    return m.find() ? m.start() : 0;
  }

  private static String firstLine(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    String l = nl < 0 ? t : t.substring(0, nl);
    return l.length() > 300 ? l.substring(0, 300) + "..." : l;
  }

  // ------------------------------------------------------------------ mutations of a release

  record Mutated(byte[] bytes, String what) {}

  private static final String[] HUGE = {
      "1" + "0".repeat(10_000), "1." + "3".repeat(10_000), "1E+999999999", "1e309", "9".repeat(400), "(" + "7".repeat(2_000) + ")",
      "$" + "1,234".repeat(3_000)};
  private static final String[] UNICODE_DIGITS = {"\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669",
      "\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19", "\u0966\u0967\u0968\u0969\u096a\u096b\u096c\u096d\u096e\u096f"};
  private static final String[] UNICODE_SPACES = {"\u00a0", "\u2003", "\u3000", "\u2009", "\u200b", "\u202f"};

  Mutated mutateRelease(byte[] seed, Random r) {
    String text = new String(seed, StandardCharsets.UTF_8);
    int n = 1 + (r.nextInt(4) == 0 ? 1 + r.nextInt(2) : 0);
    List<String> what = new ArrayList<>();
    byte[] bytes = null;
    for (int k = 0; k < n; k++) {
      int kind = r.nextInt(17);
      what.add(RELEASE_MUTATIONS[kind]);
      switch (kind) {
        case 0 -> bytes = flip(bytes != null ? bytes : text.getBytes(StandardCharsets.UTF_8), r);
        case 1 -> {
          byte[] b = bytes != null ? bytes : text.getBytes(StandardCharsets.UTF_8);
          bytes = java.util.Arrays.copyOf(b, r.nextInt(b.length + 1));
        }
        case 2 -> text = replaceNumber(text, HUGE[r.nextInt(HUGE.length)], r);
        case 3 -> text = mapLines(text, r, l -> digits(l, UNICODE_DIGITS[r.nextInt(UNICODE_DIGITS.length)]));
        case 4 -> text = mapLines(text, r, l -> l.replace(" ", UNICODE_SPACES[r.nextInt(UNICODE_SPACES.length)]));
        case 5 -> text = r.nextBoolean() ? text.replace("\n", "\r\n") : text.replace("\n", "\r");
        case 6 -> text = mapLines(text, r, l -> l.replace("        ", "\t").replace("  ", r.nextBoolean() ? "\t" : " \t"));
        case 7 -> text = insertLine(text, megaLine(r, 1 << 20), r);
        case 8 -> {
          byte[] b = new byte[1 + r.nextInt(200_000)];
          r.nextBytes(b);
          if (r.nextBoolean()) {
            for (int i = 0; i < b.length; i++) {
              b[i] = (byte) (b[i] == 0 ? 'x' : b[i]);
            }
          }
          bytes = b;
        }
        case 9 -> text = shiftBlock(text, r);
        case 10 -> text = duplicateBlock(text, r);
        case 11 -> text = deleteLines(text, r);
        case 12 -> text = insertLine(text, "The company produced " + "4".repeat(1_000 + r.nextInt(40_000))
            + " ounces of gold, up 5% from the prior year.", r);
        case 13 -> text = insertLine(text, "                    (dollars in thousands)\n" + "(".repeat(1_000 + r.nextInt(60_000)), r);
        case 14 -> text = insertLine(text, "    Sales" + " 1,234".repeat(1_000 + r.nextInt(60_000)), r);
        case 15 -> text = insertLine(text, ("Gold sales rose 12% to $5.2 million at $380 per ounce; ").repeat(1 + r.nextInt(4_000)), r);
        default -> text = swapColumns(text, r);
      }
      if (bytes != null && k + 1 < n) {
        text = new String(bytes, StandardCharsets.ISO_8859_1);
        bytes = null;
      }
    }
    return new Mutated(bytes != null ? bytes : text.getBytes(StandardCharsets.UTF_8), String.join("+", what));
  }

  private static final String[] RELEASE_MUTATIONS = {"byte flips", "truncation", "huge number", "unicode digits",
      "unicode spaces", "line ends", "tabs", "1 MB line", "binary", "shifted block", "duplicated block", "deleted lines",
      "long digit run", "run of '('", "many cells", "long sentence", "swapped cells"};

  private static byte[] flip(byte[] b, Random r) {
    byte[] c = b.clone();
    int flips = 1 + r.nextInt(20);
    for (int i = 0; i < flips && c.length > 0; i++) {
      c[r.nextInt(c.length)] = (byte) r.nextInt(256);
    }
    return c;
  }

  private static String replaceNumber(String text, String with, Random r) {
    var m = Pattern.compile("\\d[\\d,.]*").matcher(text);
    List<int[]> spans = new ArrayList<>();
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
    }
    if (spans.isEmpty()) {
      return text + "\n" + with + "\n";
    }
    int[] s = spans.get(r.nextInt(spans.size()));
    return text.substring(0, s[0]) + with + text.substring(s[1]);
  }

  private static String digits(String line, String digits) {
    StringBuilder sb = new StringBuilder(line.length());
    for (char c : line.toCharArray()) {
      sb.append(c >= '0' && c <= '9' ? digits.charAt(c - '0') : c);
    }
    return sb.toString();
  }

  private static String mapLines(String text, Random r, java.util.function.UnaryOperator<String> f) {
    String[] lines = text.split("\n", -1);
    int count = 1 + r.nextInt(Math.max(1, lines.length / 4));
    for (int i = 0; i < count; i++) {
      int at = r.nextInt(lines.length);
      lines[at] = f.apply(lines[at]);
    }
    return String.join("\n", lines);
  }

  private static String insertLine(String text, String line, Random r) {
    String[] lines = text.split("\n", -1);
    int at = r.nextInt(lines.length + 1);
    List<String> out = new ArrayList<>(List.of(lines));
    out.add(at, line);
    return String.join("\n", out);
  }

  private static String megaLine(Random r, int size) {
    String unit = switch (r.nextInt(6)) {
      case 0 -> "word ";
      case 1 -> "12 ";
      case 2 -> "(";
      case 3 -> "$ ";
      case 4 -> "1,234.5  ";
      default -> "Gold 5% ";
    };
    return unit.repeat(Math.max(1, size / unit.length()));
  }

  private static String shiftBlock(String text, Random r) {
    String[] lines = text.split("\n", -1);
    int from = r.nextInt(lines.length);
    int len = 1 + r.nextInt(12);
    int by = 1 + r.nextInt(20);
    boolean right = r.nextBoolean();
    for (int i = from; i < Math.min(lines.length, from + len); i++) {
      String l = lines[i];
      lines[i] = right ? " ".repeat(by) + l : l.substring(Math.min(l.length(), l.length() - l.stripLeading().length() >= by ? by : 0));
    }
    return String.join("\n", lines);
  }

  private static String duplicateBlock(String text, Random r) {
    String[] lines = text.split("\n", -1);
    int from = r.nextInt(lines.length);
    int len = 1 + r.nextInt(40);
    int times = 1 + r.nextInt(r.nextBoolean() ? 5 : 500);
    List<String> block = List.of(lines).subList(from, Math.min(lines.length, from + len));
    List<String> out = new ArrayList<>(List.of(lines));
    for (int t = 0; t < times; t++) {
      out.addAll(from, block);
    }
    return String.join("\n", out);
  }

  private static String deleteLines(String text, Random r) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int count = 1 + r.nextInt(Math.max(1, lines.size() / 10));
    for (int i = 0; i < count && lines.size() > 1; i++) {
      lines.remove(r.nextInt(lines.size()));
    }
    return String.join("\n", lines);
  }

  /** Swaps two cells of a line of figures (misaligned columns, a unit heading over the wrong column). */
  private static String swapColumns(String text, Random r) {
    String[] lines = text.split("\n", -1);
    for (int tries = 0; tries < 50; tries++) {
      int at = r.nextInt(lines.length);
      String[] w = lines[at].trim().split("\\s{2,}");
      if (w.length >= 3) {
        int a = 1 + r.nextInt(w.length - 1);
        int b = 1 + r.nextInt(w.length - 1);
        String t = w[a];
        w[a] = w[b];
        w[b] = t;
        lines[at] = "  " + String.join("   ", w);
        return String.join("\n", lines);
      }
    }
    return text;
  }

  // ------------------------------------------------------------------ mutations of a dataset

  record MutatedSet(Map<String, byte[]> files, String what) {}

  private static final String[] ODD_NUMBERS = {"1E+999999999", "1e309", "9".repeat(400), "-0", "0x10", "1_000",
      "\u0661\u0662\u0663", "\uff11\uff12\uff13", "12\u00a0345", "+5", ".5", "5.", "NaN", "Infinity", "1,234", "(5)", "1e-400",
      "0." + "0".repeat(5_000) + "1", "5 ", "\u200b5", "5%", "$5"};

  MutatedSet mutateDataset(Map<String, byte[]> seed, Random r) {
    Map<String, byte[]> files = new LinkedHashMap<>(seed);
    List<String> names = new ArrayList<>(files.keySet());
    int n = 1 + (r.nextInt(4) == 0 ? 1 : 0);
    List<String> what = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      String name = names.get(r.nextInt(names.size()));
      int kind = r.nextInt(20);
      if (!files.containsKey(name)) {
        // removed by the case's first mutation: the second one has no file to change
        what.add("(" + name + " already removed)");
        continue;
      }
      what.add(DATASET_MUTATIONS[kind] + " in " + name);
      String text = new String(files.get(name), StandardCharsets.UTF_8);
      switch (kind) {
        case 0 -> files.put(name, flip(files.get(name), r));
        case 1 -> files.put(name, java.util.Arrays.copyOf(files.get(name), r.nextInt(files.get(name).length + 1)));
        case 2 -> files.put(name, utf8(replaceField(text, r, ODD_NUMBERS[r.nextInt(ODD_NUMBERS.length)], true)));
        case 3 -> files.put(name, utf8(mapLines(text, r, l -> digits(l, UNICODE_DIGITS[r.nextInt(UNICODE_DIGITS.length)]))));
        case 4 -> files.put(name, utf8(mapLines(text, r, l -> l.replace(",", "," + UNICODE_SPACES[r.nextInt(UNICODE_SPACES.length)]))));
        case 5 -> files.put(name, utf8(text.replace("\n", "\r\n")));
        case 6 -> files.put(name, utf8(mapLines(text, r, l -> l.replace(",", r.nextBoolean() ? "\t" : ",\t"))));
        case 7 -> files.put(name, utf8(replaceField(text, r, "x".repeat(1 << 20), false)));
        case 8 -> {
          byte[] b = new byte[1 + r.nextInt(100_000)];
          r.nextBytes(b);
          files.put(name, b);
        }
        case 9 -> files.put("statement_lines.csv", utf8(cyclic(new String(files.getOrDefault("statement_lines.csv", new byte[0]),
            StandardCharsets.UTF_8), r)));
        case 10 -> files.put(name, utf8(header(text, l -> l + "," + l.split(",", -1)[0])));
        case 11 -> files.put(name, utf8(header(text, l -> l + ",extra")));
        case 12 -> files.put(name, utf8(header(text, l -> l.substring(0, Math.max(0, l.lastIndexOf(','))))));
        case 13 -> files.put(name, utf8("\ufeff" + text));
        case 14 -> files.remove(name);
        case 15 -> files.put(name, utf8(duplicateRows(text, r)));
        case 16 -> files.put(name, utf8(replaceField(text, r, "n".repeat(101 + r.nextInt(3_000)), false)));
        case 17 -> files.put(name, new byte[0]);
        case 18 -> files.put(name, utf8(replaceField(text, r, "\"a,\"\"b\"\"\nc\"", false)));
        default -> files.put(name, utf8(mapLines(text, r, l -> l + ",1")));
      }
    }
    return new MutatedSet(files, String.join("+", what));
  }

  private static final String[] DATASET_MUTATIONS = {"byte flips", "truncation", "odd number", "unicode digits",
      "unicode spaces", "CRLF", "tabs", "1 MB field", "binary", "cyclic subtotals", "duplicate header", "extra column",
      "missing column", "BOM", "file removed", "duplicated rows", "long field", "empty file", "quoted newline",
      "extra field"};

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Replaces one field of one data row (a numeric one when {@code number} and one is found). */
  private static String replaceField(String text, Random r, String with, boolean number) {
    String[] lines = text.split("\n", -1);
    if (lines.length < 2) {
      return text + "\n" + with;
    }
    for (int tries = 0; tries < 40; tries++) {
      int at = 1 + r.nextInt(lines.length - 1);
      String[] f = lines[at].split(",", -1);
      if (lines[at].startsWith("#") || f.length < 2) {
        continue;
      }
      int c = r.nextInt(f.length);
      if (number && !f[c].matches("-?\\d+(\\.\\d+)?")) {
        continue;
      }
      f[c] = with;
      lines[at] = String.join(",", f);
      return String.join("\n", lines);
    }
    return text;
  }

  private static String header(String text, java.util.function.UnaryOperator<String> f) {
    int nl = text.indexOf('\n');
    return nl < 0 ? f.apply(text) : f.apply(text.substring(0, nl)) + text.substring(nl);
  }

  private static String duplicateRows(String text, Random r) {
    String[] lines = text.split("\n", -1);
    if (lines.length < 2) {
      return text;
    }
    String row = lines[1 + r.nextInt(lines.length - 1)];
    int times = r.nextBoolean() ? 2 : 2_000 + r.nextInt(20_000);
    return text + (text.endsWith("\n") ? "" : "\n") + (row + "\n").repeat(times);
  }

  /** A subtotal that adds itself, or two subtotals that add each other. */
  private static String cyclic(String text, Random r) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    List<Integer> subtotals = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split(",", -1);
      if (f.length >= 7 && f[3].equals("subtotal")) {
        subtotals.add(i);
      }
    }
    if (subtotals.isEmpty()) {
      lines.add("income,cyc_a,Cycle A,subtotal,cyc_b,,\nincome,cyc_b,Cycle B,subtotal,cyc_a,,");
      return String.join("\n", lines);
    }
    int a = subtotals.get(r.nextInt(subtotals.size()));
    int b = subtotals.get(r.nextInt(subtotals.size()));
    String[] fa = lines.get(a).split(",", -1);
    String[] fb = lines.get(b).split(",", -1);
    fa[4] = fa[4] + " " + fb[1];
    fb[4] = fb[4] + " " + fa[1];
    lines.set(a, String.join(",", fa));
    if (a != b) {
      lines.set(b, String.join(",", fb));
    }
    return String.join("\n", lines);
  }
}

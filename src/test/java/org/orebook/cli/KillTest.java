package org.orebook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orebook.ledger.LedgerSynth;
import org.orebook.release.AtomicOutput;
import org.orebook.store.Store;
import org.orebook.store.StoredRow;

/**
 * {@code kill -9} at random moments of forked runs that write ({@link KillDriver}: the same command
 * over and over, alternating two inputs): {@code release --out}, {@code ledger --out} and
 * {@code load}. After each kill the output is as before or as after a run, file by file; once the
 * next run has recovered what the killed one left, it is one run's output whole and no temporary
 * file or folder is left. {@code -Dorebook.kills=N} kills each command N times (default 3).
 */
class KillTest {
  static final int KILLS = Integer.getInteger("orebook.kills", 3);
  static final Path MINI = Path.of(ReleaseCommandTest.MINI);

  @TempDir
  Path dir;

  final Random random = new Random(20_260_117L);

  /** The mini dataset with one cost changed: a second input whose outputs differ from the first's. */
  Path miniB() throws IOException {
    Path b = CommandLineRobustnessTest.copy(MINI, dir.resolve("mini-b"));
    Path costs = b.resolve("costs.csv");
    Files.writeString(costs, Files.readString(costs).replaceFirst("pit,FY2024,mining,20000,USD", "pit,FY2024,mining,21000,USD"));
    return b;
  }

  /** Starts the driver, kills it after a random time (JVM start included), and returns what it printed. */
  String runAndKill(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), KillDriver.class.getName()));
    cmd.addAll(List.of(args));
    Path log = dir.resolve("driver.log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Thread.sleep(600 + random.nextInt(3_500));
    assertThat(p.isAlive()).as("the driver is still running: " + Files.readString(log)).isTrue();
    p.destroyForcibly(); // SIGKILL
    p.waitFor();
    return Files.readString(log);
  }

  static Map<String, byte[]> textFiles(Path d) throws IOException {
    Map<String, byte[]> m = new TreeMap<>();
    if (!Files.isDirectory(d)) {
      return m;
    }
    try (Stream<Path> s = Files.list(d)) {
      for (Path p : s.toList()) {
        String n = p.getFileName().toString();
        if (Files.isRegularFile(p) && !n.endsWith(".xlsx") && !n.startsWith(".")) {
          m.put(n, Files.readAllBytes(p));
        }
      }
    }
    return m;
  }

  static List<String> hidden(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
    }
  }

  /** The references (a, b) {@code bytes} equals: none, one, or both when a file is the same in both. */
  static java.util.Set<String> which(byte[] bytes, byte[] a, byte[] b) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    if (java.util.Arrays.equals(bytes, a)) {
      out.add("a");
    }
    if (java.util.Arrays.equals(bytes, b)) {
      out.add("b");
    }
    return out;
  }

  /** The references every file of {@code files} equals (empty: the files are not one run's output). */
  static java.util.Set<String> version(Map<String, byte[]> files, Map<String, byte[]> a, Map<String, byte[]> b) {
    java.util.Set<String> both = new java.util.TreeSet<>(List.of("a", "b"));
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      both.retainAll(which(f.getValue(), a.get(f.getKey()), b.get(f.getKey())));
    }
    return both;
  }

  @Test
  void releaseOutIsBeforeOrAfterFileByFileAndWholeOnceRecovered() throws Exception {
    Path b = miniB();
    Path refA = dir.resolve("ref-a");
    Path refB = dir.resolve("ref-b");
    String refDb = "jdbc:h2:mem:kill-ref;DB_CLOSE_DELAY=-1";
    assertThat(CliRun.of("release", MINI.toString(), "--out", refA.toString(), "--db", refDb).code()).isZero();
    assertThat(CliRun.of("release", b.toString(), "--out", refB.toString(), "--db", refDb).code()).isZero();
    Map<String, byte[]> a = textFiles(refA);
    Map<String, byte[]> bb = textFiles(refB);
    assertThat(a.keySet()).containsExactly("release.csv", "release.html", "release.json", "release.txt");
    for (int k = 0; k < KILLS; k++) {
      Path out = dir.resolve("out-" + k);
      String log = runAndKill("release", MINI.toString(), b.toString(), out.toString(), "jdbc:h2:mem:kill;DB_CLOSE_DELAY=-1");
      for (Map.Entry<String, byte[]> f : textFiles(out).entrySet()) { // each file whole, from one run or the other
        assertThat(which(f.getValue(), a.get(f.getKey()), bb.get(f.getKey()))).as(f.getKey() + " after kill " + k + ": " + log)
            .isNotEmpty();
      }
      AtomicOutput.recoverFiles(out); // what the next run to the same folder does first
      Map<String, byte[]> after = textFiles(out);
      if (!after.isEmpty()) { // the files of one run
        assertThat(after.keySet()).isEqualTo(a.keySet());
        assertThat(version(after, a, bb)).as("after kill " + k + " and recovery").isNotEmpty();
        try (ZipFile xlsx = new ZipFile(out.resolve("release.xlsx").toFile())) {
          assertThat(xlsx.size()).isPositive();
        }
      }
      if (Files.exists(out)) {
        assertThat(hidden(out)).as("left in the folder").isEmpty();
      }
    }
  }

  @Test
  void ledgerOutIsBeforeOrAfterAndNothingIsLeftBesideIt() throws Exception {
    Path inA = dir.resolve("ledger-a");
    Path inB = dir.resolve("ledger-b");
    LedgerSynth.generate(new LedgerSynth.Spec(3, 2, 20_000, 1), inA);
    LedgerSynth.generate(new LedgerSynth.Spec(3, 2, 20_000, 2), inB);
    Path refA = dir.resolve("ref-a");
    Path refB = dir.resolve("ref-b");
    assertThat(CliRun.of("ledger", inA.toString(), "--out", refA.toString()).code()).isZero();
    assertThat(CliRun.of("ledger", inB.toString(), "--out", refB.toString()).code()).isZero();
    Map<String, byte[]> a = textFiles(refA);
    Map<String, byte[]> b = textFiles(refB);
    for (int k = 0; k < KILLS; k++) {
      Path parent = Files.createDirectories(dir.resolve("runs-" + k));
      Path out = parent.resolve("out");
      String log = runAndKill("ledger", inA.toString(), inB.toString(), out.toString());
      if (Files.exists(out)) {
        Map<String, byte[]> now = textFiles(out);
        assertThat(now.keySet()).as("after kill " + k + ": " + log).isEqualTo(a.keySet());
        assertThat(version(now, a, b)).as("after kill " + k + ": the files of one run").isNotEmpty();
      }
      AtomicOutput.recoverFolder(out); // what the next run to the same folder does first
      try (Stream<Path> s = Files.list(parent)) {
        assertThat(s.map(p -> p.getFileName().toString()).toList()).as("beside the output").isSubsetOf(List.of("out"));
      }
    }
  }

  @Test
  void aKilledLoadLeavesTheStoreAsBeforeOrAsAfter() throws Exception {
    Path b = miniB();
    List<StoredRow> rowsA = rowsAfterLoading(MINI, "ref-a");
    List<StoredRow> rowsB = rowsAfterLoading(b, "ref-b");
    assertThat(rowsA).isNotEqualTo(rowsB);
    for (int k = 0; k < KILLS; k++) {
      String db = "jdbc:h2:" + dir.resolve("store-" + k);
      // the store is created first: a kill during H2's first migration (DDL is not transactional in H2)
      // leaves a half-migrated file, which is the store's to recover, not the load's
      try (Store s = Store.open(db)) {
        assertThat(s.companies()).isEmpty();
      }
      String log = runAndKill("load", MINI.toString(), b.toString(), db);
      try (Store s = Store.open(db)) {
        if (s.company("k").isPresent()) {
          List<StoredRow> rows = s.rows("k", null);
          assertThat(rows.equals(rowsA) || rows.equals(rowsB)).as("rows after kill " + k + ": " + log).isTrue();
        }
      }
    }
  }

  List<StoredRow> rowsAfterLoading(Path data, String name) throws Exception {
    String db = "jdbc:h2:" + dir.resolve(name);
    assertThat(CliRun.of("load", data.toString(), "--db", db, "--company", "k").code()).isZero();
    try (Store s = Store.open(db)) {
      return s.rows("k", null);
    }
  }
}

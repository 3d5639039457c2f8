package org.orebook.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} at random moments of a forked process ({@link UpgradeDriver}) that opens an H2
 * store file of schema version 1 and so upgrades it. After each kill the file is version 1 whole (and
 * the next open upgrades it) or the latest version whole, never between; it opens and holds every row; and
 * once it has been opened again, no temporary file of the killed upgrade is left.
 * The kills fall between the driver saying "opening" and the time a whole open took in a
 * first run, unkilled. {@code -Dorebook.upgradeKills=N} kills N times (default 4).
 */
class H2FileUpgradeKillTest {
  static final int KILLS = Integer.getInteger("orebook.upgradeKills", 4);
  static final int ROWS = 3_000;

  @TempDir
  Path dir;

  final Random random = new Random(20_261_206L);

  Process start(Path store, String... mode) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), UpgradeDriver.class.getName()));
    cmd.addAll(List.of(mode));
    cmd.add(V1Store.url(store, "orebook"));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(store.resolve("driver.log").toFile()).start();
  }

  /** Waits for the driver to say {@code what}, failing if it ends first. */
  static void said(Process p, Path store, String what) throws Exception {
    long limit = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.readString(store.resolve("driver.log")).contains(what)) {
      assertThat(System.nanoTime()).as("the driver did not say " + what + ": " + Files.readString(store.resolve("driver.log")))
          .isLessThan(limit);
      assertThat(p.isAlive()).as("the driver ended: " + Files.readString(store.resolve("driver.log"))).isTrue();
      Thread.sleep(5);
    }
  }

  /** Waits for the driver to say it is opening the store (its JVM started), and returns when that was seen. */
  static long opening(Process p, Path store) throws Exception {
    said(p, store, "opening");
    return System.nanoTime();
  }

  Path copyOfTemplate(Path template, String name) throws Exception {
    Path d = Files.createDirectories(dir.resolve(name));
    Files.copy(template.resolve("orebook.mv.db"), d.resolve("orebook.mv.db"));
    return d;
  }

  @Test
  void aKilledUpgradeLeavesTheFileAsBeforeOrAsAfter() throws Exception {
    Path template = Files.createDirectories(dir.resolve("template"));
    V1Store.create(template, "orebook", ROWS, 17);
    // how long the open (and so the upgrade) takes here once the driver's JVM has started: the kills fall within it
    Path calibration = copyOfTemplate(template, "calibration");
    Process whole = start(calibration);
    long t0 = opening(whole, calibration);
    assertThat(whole.waitFor(60, TimeUnit.SECONDS)).isTrue();
    long runMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    assertThat(whole.exitValue()).as(Files.readString(calibration.resolve("driver.log"))).isZero();
    assertThat(V1Store.schemaVersion(calibration, "orebook")).isEqualTo(V1Store.LATEST);
    int before = 0;
    int after = 0;
    int midUpgrade = 0;
    for (int k = 0; k < KILLS; k++) {
      Path store = copyOfTemplate(template, "store-" + k);
      Process p = start(store);
      opening(p, store);
      long killAt = random.nextInt((int) Math.max(1, runMs));
      boolean ended = p.waitFor(killAt, TimeUnit.MILLISECONDS);
      p.destroyForcibly(); // SIGKILL
      p.waitFor();
      String log = Files.readString(store.resolve("driver.log"));
      String what = "kill " + k + " at " + killAt + " ms of " + runMs + " after opening" + (ended ? " (it had ended)" : "") + ": " + log;
      if (H2FileUpgradeTest.names(store).stream().anyMatch(n -> n.contains(".upgrading-"))) {
        midUpgrade++; // killed between the backup and the rename
      }
      int version = V1Store.schemaVersion(store, "orebook");
      List<String> tables = V1Store.tables(store, "orebook");
      if (version == 1) {
        before++;
        assertThat(tables).as(what).contains("COMPANY_FILE").doesNotContain("DATASET_FILE", "STORE_LOCK");
      } else {
        after++;
        assertThat(version).as(what).isEqualTo(V1Store.LATEST);
        assertThat(tables).as(what).contains("DATASET_FILE", "STORE_LOCK").doesNotContain("COMPANY_FILE");
      }
      // the next command: opens (upgrading a file left as before), holds every row, and has removed the killed run's files
      try (Store s = Store.open(V1Store.url(store, "orebook"))) {
        assertThat(s.rows(V1Store.COMPANY, V1Store.PERIOD, null)).as(what).hasSize(ROWS);
      }
      assertThat(V1Store.schemaVersion(store, "orebook")).isEqualTo(V1Store.LATEST);
      assertThat(H2FileUpgradeTest.names(store)).as(what).noneMatch(n -> n.contains(".upgrading-") || n.contains(".creating-"));
    }
    System.out.printf("H2FileUpgradeKillTest: %d kills (a whole open %d ms): %d left the file as before, %d as after;"
        + " %d were killed while they migrated the copy%n", KILLS, runMs, before, after, midUpgrade);
  }

  @Test
  void aFileAnotherProcessHasOpenIsNotReplacedUnderneathIt() throws Exception {
    Path store = Files.createDirectories(dir.resolve("held"));
    V1Store.create(store, "orebook", 50, 5);
    Process holder = start(store, "hold"); // an older Orebook with the file open
    try {
      said(holder, store, "holding");
      List<String> told = new ArrayList<>();
      Store.Settings quick = Store.Settings.defaults().withWait(java.time.Duration.ofSeconds(3)).withOnWait(told::add);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> Store.open(V1Store.url(store, "orebook"), quick))
          .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.BUSY))
          .hasMessageContaining("needs its tables upgraded").hasMessageContaining("nothing was changed");
      assertThat(told).singleElement().asString().contains("another process has it open");
      assertThat(holder.isAlive()).isTrue();
    } finally {
      holder.destroy();
      holder.waitFor();
    }
    assertThat(V1Store.schemaVersion(store, "orebook")).isEqualTo(1);
    assertThat(V1Store.tables(store, "orebook")).doesNotContain("DATASET_FILE", "STORE_LOCK");
    // once it has closed the file, the upgrade goes ahead
    try (Store s = Store.open(V1Store.url(store, "orebook"))) {
      assertThat(s.rows(V1Store.COMPANY, V1Store.PERIOD, null)).hasSize(50);
    }
    assertThat(V1Store.schemaVersion(store, "orebook")).isEqualTo(V1Store.LATEST);
  }
}

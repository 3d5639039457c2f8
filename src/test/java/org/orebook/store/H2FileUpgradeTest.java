package org.orebook.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orebook.data.DatasetSource;
import org.orebook.release.Releases;

/** An H2 store file of an older Orebook (schema version 1) is upgraded whole, by a migrated copy renamed into place. */
class H2FileUpgradeTest {
  static final Path EXAMPLE = Path.of("examples", "hecla-2003");
  static final Actor LOADER = new Actor("loader", Role.PREPARER);

  @TempDir
  Path dir;

  static List<String> names(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aVersionOneFileIsUpgradedAndThenLoadsAndReleasesTheExample() throws Exception {
    V1Store.create(dir, "orebook", 500, 1);
    assertThat(V1Store.schemaVersion(dir, "orebook")).isEqualTo(1);
    assertThat(V1Store.tables(dir, "orebook")).contains("COMPANY_FILE").doesNotContain("DATASET_FILE", "STORE_LOCK");
    try (Store s = Store.open(V1Store.url(dir, "orebook"))) {
      // the old rows, now in the dataset of their company's release period (what V2 does to them)
      List<StoredRow> old = s.rows(V1Store.COMPANY, V1Store.PERIOD, null);
      assertThat(old).hasSize(500);
      assertThat(old).extracting(StoredRow::key).contains("mine-0|FY2002|mining", "mine-499|FY2002|mining");
      s.load(null, DatasetSource.folder(EXAMPLE), LOADER, null);
      assertThat(s.companies()).extracting(CompanyInfo::id).containsExactlyInAnyOrder("hecla", V1Store.COMPANY);
      String fromFolder = Releases.render(Releases.produce(EXAMPLE, null), "text");
      String fromStore = Releases.render(Releases.produce(s.source("hecla", Version.CURRENT), null), "text");
      assertThat(fromStore).isEqualTo(fromFolder).contains("Hecla");
    }
    assertThat(V1Store.schemaVersion(dir, "orebook")).isEqualTo(V1Store.LATEST);
    assertThat(V1Store.tables(dir, "orebook")).contains("DATASET_FILE", "STORE_LOCK").doesNotContain("COMPANY_FILE");
    assertThat(names(dir)).noneMatch(n -> n.contains(".upgrading-") || n.contains(".creating-"));
    // and it opens again as it is
    try (Store s = Store.open(V1Store.url(dir, "orebook"))) {
      assertThat(s.rows(V1Store.COMPANY, V1Store.PERIOD, null)).hasSize(500);
    }
  }

  @Test
  void theLeftoversOfAKilledUpgradeAreRemovedByTheNextOpen() throws Exception {
    V1Store.create(dir, "orebook", 20, 3);
    long dead = Long.MAX_VALUE / 2; // no such process
    List<Path> litter = List.of(dir.resolve("orebook.upgrading-" + dead + ".mv.db"), dir.resolve("orebook.upgrading-" + dead + ".zip"),
        dir.resolve("orebook.upgrading-" + dead + ".trace.db"));
    Files.copy(dir.resolve("orebook.mv.db"), litter.get(0)); // a half-migrated copy
    Files.writeString(litter.get(1), "part of a backup");
    Files.writeString(litter.get(2), "trace");
    // a running upgrade's file (of a process that is alive: this JVM's parent): not touched
    Path live = dir.resolve("orebook.upgrading-" + ProcessHandle.current().parent().orElseThrow().pid() + ".trace.db");
    Files.writeString(live, "in progress");
    Path other = dir.resolve("other.upgrading-" + dead + ".zip"); // another store's: not this one's to remove
    Files.writeString(other, "another store");
    try (Store s = Store.open(V1Store.url(dir, "orebook"))) {
      assertThat(s.rows(V1Store.COMPANY, V1Store.PERIOD, null)).hasSize(20);
    }
    for (Path p : litter) {
      assertThat(p).doesNotExist();
    }
    assertThat(live).exists();
    assertThat(other).exists();
    assertThat(V1Store.schemaVersion(dir, "orebook")).isEqualTo(V1Store.LATEST);
  }

  @Test
  void aFileSomeoneElseHasOpenIsNotUpgradedUnderneathThem() throws Exception {
    V1Store.create(dir, "orebook", 20, 4);
    // another user of the file holds a session on it (here in this JVM, so H2 lets the store's connection share the database)
    try (Connection holder = DriverManager.getConnection(V1Store.plainUrl(dir, "orebook"), "sa", "")) {
      Store.Settings quick = Store.Settings.defaults().withWait(Duration.ofSeconds(2));
      assertThatThrownBy(() -> Store.open(V1Store.url(dir, "orebook"), quick))
          .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.BUSY))
          .hasMessageContaining("needs its tables upgraded").hasMessageContaining("another process");
      assertThat(holder.isValid(1)).isTrue();
    }
    assertThat(V1Store.schemaVersion(dir, "orebook")).isEqualTo(1);
    assertThat(V1Store.tables(dir, "orebook")).doesNotContain("STORE_LOCK", "DATASET_FILE");
    assertThat(names(dir)).noneMatch(n -> n.contains(".upgrading-"));
  }
}

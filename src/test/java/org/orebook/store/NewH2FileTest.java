package org.orebook.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new H2 store file appears whole (renamed into place once migrated) and killed creations leave nothing behind. */
class NewH2FileTest {
  @TempDir
  Path dir;

  @Test
  void theUrlNamesItsFile() {
    assertThat(NewH2File.fileOf("jdbc:h2:file:" + dir.resolve("orebook") + ";AUTO_SERVER=TRUE"))
        .contains(dir.resolve("orebook.mv.db"));
    assertThat(NewH2File.fileOf("jdbc:h2:mem:x")).isEmpty();
    assertThat(NewH2File.fileOf("jdbc:h2:tcp://localhost/~/x")).isEmpty();
    assertThat(NewH2File.fileOf("jdbc:postgresql://localhost/x")).isEmpty();
  }

  @Test
  void aNewStoreIsMigratedUnderATemporaryNameAndRenamedIntoPlace() throws Exception {
    // the leftover of a creation killed long ago (no such process): removed
    Path stale = dir.resolve("orebook.creating-" + Long.MAX_VALUE / 2 + ".mv.db");
    Files.writeString(stale, "half a schema");
    String url = "jdbc:h2:file:" + dir.resolve("orebook") + ";AUTO_SERVER=TRUE";
    try (Store s = Store.open(url, "sa", "")) {
      assertThat(s.companies()).isEmpty();
    }
    assertThat(dir.resolve("orebook.mv.db")).exists();
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.contains(".creating-"));
    }
    // and it opens again as it is (nothing recreated)
    long size = Files.size(dir.resolve("orebook.mv.db"));
    try (Store s = Store.open(url, "sa", "")) {
      assertThat(s.users()).isEmpty();
    }
    assertThat(Files.size(dir.resolve("orebook.mv.db"))).isGreaterThanOrEqualTo(size);
  }

  @Test
  void aLiveCreationIsNotTouched() throws Exception {
    // a file of a process that is running (this one): another creator in progress, left alone
    Path live = dir.resolve("orebook.creating-" + ProcessHandle.current().pid() + ".trace.db");
    Files.writeString(live, "in progress");
    NewH2File.removeLeftovers(dir, "orebook");
    assertThat(live).exists();
  }
}

package org.orebook.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The release Orebook writes, words and tables, checked by Orebook: every number its prose states
 * must hold against its own tables, and enough of them must be linked to be tested.
 */
class ProseOfOwnReleaseTest {
  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource({"examples/hecla-2003, 50", "src/test/resources/datasets/andes-copper, 40"})
  void producedProsePassesTheCheck(String dataset, int minimumTested) throws Exception {
    CheckTestSupport.Run release = CheckTestSupport.run("release", dataset, "--format", "text",
        "--db", "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath());
    assertThat(release.exit()).as(release.err()).isZero();
    Path f = dir.resolve("release.txt");
    Files.writeString(f, release.out());
    CheckResult r = Check.file(f);
    assertThat(r.proseFailures()).as("prose failures of the release of %s", dataset).isEmpty();
    assertThat(r.proseTested().size()).isGreaterThanOrEqualTo(minimumTested);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"examples/hecla-2003, true", "src/test/resources/datasets/andes-copper, false"})
  void recordIsClaimedOnlyWithHistory(String dataset, boolean record) throws Exception {
    CheckTestSupport.Run release = CheckTestSupport.run("release", dataset, "--format", "text",
        "--db", "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath());
    assertThat(release.exit()).as(release.err()).isZero();
    // Hecla's history.csv holds prior years of silver only; the made-up company has no history at all
    assertThat(release.out().contains("Record Silver Production")).isEqualTo(record);
    assertThat(release.out()).doesNotContain("Record Gold", "Record gold", "gold production on record");
    assertThat(release.out()).contains("HIGHLIGHTS", "OPERATIONS", "Cautionary Note to Investors",
        "forward-looking statements", "total cash cost of");
  }
}

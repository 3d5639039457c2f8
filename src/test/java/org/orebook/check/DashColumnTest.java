package org.orebook.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A year whose prior year has no figures (the Cordillera example's 2024 release: the dataset has no
 * 2023 figures) is released without a prior-year column: missing is not zero, so no column of
 * dashes is printed, and the release checks clean (its opening cash has no prior balance sheet to tie
 * to, so that tie is simply not tested).
 */
class DashColumnTest {
  @Test
  void aYearWithoutPriorFiguresHasNoPriorColumn(@TempDir Path dir) throws Exception {
    CheckTestSupport.Run r = CheckTestSupport.run("release", "examples/cordillera-2025", "--period", "FY2024",
        "--db", "jdbc:h2:mem:" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain("2023");
    Path file = dir.resolve("release.txt");
    Files.writeString(file, r.out(), StandardCharsets.US_ASCII);
    CheckResult c = Check.file(file);
    assertThat(c.failures()).isEmpty();
    assertThat(c.testedIds()).contains("stmt.subtotal");
  }
}

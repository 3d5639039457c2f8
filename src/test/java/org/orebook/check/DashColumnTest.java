package org.orebook.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A statement whose prior-year column is all dashes (the Cordillera example's 2024 release: the
 * dataset has no 2023 figures) is read as it is meant: a column of dashes foots any way and proves
 * nothing about which lines a subtotal adds, so "Net cash used by investing activities" adds the
 * investing lines only. What remains is the document's real inconsistency: 2024's opening cash
 * (100,000) against a 2023 balance sheet that prints "--".
 */
class DashColumnTest {
  @Test
  void aColumnOfDashesDoesNotDecideASubtotal(@TempDir Path dir) throws Exception {
    CheckTestSupport.Run r = CheckTestSupport.run("release", "examples/cordillera-2025", "--period", "FY2024",
        "--db", "jdbc:h2:mem:" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    assertThat(r.exit()).as(r.err()).isZero();
    Path file = dir.resolve("release.txt");
    Files.writeString(file, r.out(), StandardCharsets.US_ASCII);
    CheckResult c = Check.file(file);
    assertThat(c.failures()).extracting(f -> f.relation().id()).containsExactly("tie.opening_cash");
    assertThat(c.testedIds()).contains("stmt.subtotal");
  }
}

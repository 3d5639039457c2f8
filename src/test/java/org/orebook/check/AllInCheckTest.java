package org.orebook.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checker reads the all-in sustaining cost, GAAP-line and co-product tables of a release
 * Orebook prints (the Cordillera example) and tests their relations; a changed figure is named.
 */
class AllInCheckTest {
  static String text;
  static List<String> lines;

  @BeforeAll
  static void produce() {
    CheckTestSupport.Run r = CheckTestSupport.run("release", "examples/cordillera-2025", "--format", "text",
        "--db", "jdbc:h2:mem:" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    assertThat(r.exit()).as(r.err()).isZero();
    text = r.out();
    lines = List.of(text.split("\n", -1));
  }

  static CheckResult check(String release, Path dir) throws Exception {
    Path file = dir.resolve("release.txt");
    Files.writeString(file, release, StandardCharsets.US_ASCII);
    return Check.file(file);
  }

  static int lineOf(String start, int nth) {
    int seen = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(start) && ++seen == nth) {
        return i + 1;
      }
    }
    throw new AssertionError("no line " + nth + " starting " + start);
  }

  @Test
  void everyAllInAndCoProductRelationHoldsAndIsTested(@TempDir Path dir) throws Exception {
    CheckResult r = check(text, dir);
    assertThat(r.testedIds()).contains("wgc.adjusted_operating_costs", "wgc.all_in_sustaining_costs", "wgc.all_in_costs",
        "wgc.aisc_per_oz", "wgc.aisc_before_byproduct_per_oz", "wgc.aic_per_oz", "sum.combined_sold", "gaap.not_in_aic",
        "coproduct.gross_cash_costs", "coproduct.share", "coproduct.cost", "coproduct.cost_per_unit", "coproduct.aisc",
        "coproduct.aisc_per_unit");
    assertThat(r.failures()).filteredOn(f -> f.relation().id().matches("(wgc|gaap|coproduct)\\..*|sum.combined_sold"))
        .isEmpty();
    assertThat(r.testedIds().stream().filter(id -> id.startsWith("wgc.")).count()).isGreaterThanOrEqualTo(20);
  }

  @Test
  void aChangedAiscFigureIsNamed(@TempDir Path dir) throws Exception {
    // Atacama's 2025 all-in sustaining costs, 73,500 in thousands, printed as 73,600
    int line = lineOf("All-in sustaining costs  ", 1);
    assertThat(lines.get(line - 1)).contains("73,500");
    CheckResult r = check(CheckTestSupport.mutate(text, line, "73,500", 1, "73,600"), dir);
    assertThat(r.failures()).extracting(f -> f.relation().id() + " " + f.published().figure().line())
        .contains("wgc.all_in_sustaining_costs " + line);
  }

  @Test
  void aChangedCoProductShareIsNamed(@TempDir Path dir) throws Exception {
    int line = lineOf("   Share of revenue (%)", 1);
    assertThat(lines.get(line - 1)).contains("92.3");
    CheckResult r = check(CheckTestSupport.mutate(text, line, "92.3", 1, "93.3"), dir);
    assertThat(r.failures()).extracting(f -> f.relation().id() + " " + f.published().figure().line())
        .contains("coproduct.share " + line);
  }

  @Test
  void aGaapLineThatDoesNotSplitIsNamed(@TempDir Path dir) throws Exception {
    int line = lineOf("   In neither measure", 2);
    assertThat(lines.get(line - 1)).contains("7,000");
    CheckResult r = check(CheckTestSupport.mutate(text, line, "7,000", 1, "7,500"), dir);
    assertThat(r.failures()).extracting(f -> f.relation().id() + " " + f.published().figure().line())
        .contains("gaap.not_in_aic " + line);
  }
}

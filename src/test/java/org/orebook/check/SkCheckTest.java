package org.orebook.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orebook.facts.Entity;
import org.orebook.facts.FactKey;

/**
 * The checker reads the S-K 1300 tables of a release Orebook prints (the Cordillera example, in
 * imperial and in metric units): contained metal from tons and grade, the combined categories, the
 * totals and the reserve roll-forward are tested and hold; a changed figure is named.
 */
class SkCheckTest {
  static String release(String units) {
    CheckTestSupport.Run r = CheckTestSupport.run("release", "examples/cordillera-2025", "--units", units,
        "--db", "jdbc:h2:mem:" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    assertThat(r.exit()).as(r.err()).isZero();
    return r.out();
  }

  static CheckResult check(String text, Path dir) throws Exception {
    Path file = dir.resolve("release.txt");
    Files.writeString(file, text, StandardCharsets.US_ASCII);
    return Check.file(file);
  }

  static int lineStarting(String text, String start) {
    List<String> lines = List.of(text.split("\n", -1));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(start)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line starting " + start);
  }

  @Test
  void everyReserveRelationHoldsInBothUnitSystems(@TempDir Path dir) throws Exception {
    for (String units : List.of("imperial", "metric")) {
      CheckResult r = check(release(units), dir);
      assertThat(r.failures()).as(units).isEmpty();
      // the reserve sentences (contained metal, the roll-forward) hold
      assertThat(r.proseTested()).as(units).anyMatch(c -> c.figure().startsWith("reserves"));
      assertThat(r.proseFailures()).as(units).filteredOn(c -> c.figure().startsWith("reserves")).isEmpty();
      assertThat(r.testedIds()).as(units).contains("res.contained_metal", "res.combined_tons", "res.combined_contained",
          "res.combined_grade", "res.total_contained", "res.closing", "res.roll_forward", "res.total_revised",
          "res.total_reserves_closing", "res.attributable_tons");
    }
  }

  @Test
  void aChangedClosingFigureIsNamed(@TempDir Path dir) throws Exception {
    String text = release("imperial");
    int line = lineStarting(text, "Muskeg Lake (50%) - Gold (ounces)");
    CheckResult r = check(CheckTestSupport.mutate(text, line, "236,000", 1, "237,000"), dir);
    assertThat(r.failures()).extracting(f -> f.relation().id() + " " + f.published().figure().line())
        .contains("res.roll_forward " + line, "res.closing " + line);
  }

  @Test
  void theEstimationParametersAreReadAsTheEnginesInputs(@TempDir Path dir) throws Exception {
    CheckResult r = check(release("imperial"), dir);
    org.orebook.quantity.Period fy = new org.orebook.quantity.Period.Year(2025);
    java.util.function.Function<FactKey, java.math.BigDecimal> read = k -> r.release().readings().get(k).value();
    // Huancayo silver: 90% recovery at USD 22/oz; Atacama's gold cut-off 0.30 g/t = 0.30 x 7/240 = 0.00875 -> 0.009 oz/ton
    assertThat(read.apply(new FactKey(Entity.parse("property:huancayo"), "recovery", "reserves:AG", fy))).isEqualByComparingTo("90");
    assertThat(read.apply(new FactKey(Entity.parse("property:huancayo"), "price_assumption", "reserves:AG", fy)))
        .isEqualByComparingTo("22.00");
    assertThat(read.apply(new FactKey(Entity.parse("property:huancayo"), "cut_off", "reserves:", fy))).isEqualByComparingTo("110");
    assertThat(read.apply(new FactKey(Entity.parse("property:atacama"), "cut_off", "reserves:AU", fy))).isEqualByComparingTo("0.009");
    // a dash (Huancayo has one cut-off for all metals) is not read as a zero
    assertThat(r.release().readings()).doesNotContainKey(new FactKey(Entity.parse("property:huancayo"), "cut_off", "reserves:AG", fy));
  }

  @Test
  void aChanged100PercentTonnageIsNamed(@TempDir Path dir) throws Exception {
    String text = release("imperial");
    // the probable table's Muskeg Lake row: 1,100,000 st on a 100% basis, 550,000 attributable (50%)
    int table = lineStarting(text, "Probable Mineral Reserves");
    String[] lines = text.split("\n", -1);
    int line = table;
    while (!lines[line - 1].startsWith("Muskeg Lake (50%), Canada")) {
      line++;
    }
    CheckResult r = check(CheckTestSupport.mutate(text, line, "1,100,000", 1, "1,150,000"), dir);
    assertThat(r.failures()).extracting(f -> f.relation().id() + " " + f.published().figure().line())
        .contains("res.attributable_tons " + line);
  }

  @Test
  void aSummaryFigureThatDiffersFromItsTableIsNamed(@TempDir Path dir) throws Exception {
    String text = release("imperial");
    // the summary's measured and indicated silver, 7,980,000 oz: the first such figure after the summary's title
    String[] lines = text.split("\n", -1);
    int figures = lineStarting(text, "Summary of Mineral Reserves");
    while (!lines[figures - 1].contains("7,980,000")) {
      figures++;
    }
    CheckResult r = check(CheckTestSupport.mutate(text, figures, "7,980,000", 1, "7,990,000"), dir);
    // the summary repeats the total of the measured and indicated table: the two must be the same figure
    assertThat(r.failures()).extracting(f -> f.relation().id() + " " + f.published().figure().line())
        .contains("tie.same_figure " + figures);
  }
}

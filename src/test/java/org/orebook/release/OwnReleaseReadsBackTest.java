package org.orebook.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.orebook.check.Check;
import org.orebook.check.CheckResult;
import org.orebook.check.Failure;

/**
 * Orebook's own releases read back: each bundled example's text release, checked, keys at least 98%
 * of its figures (the hedge book, guidance, project economics and exchange offer tables included,
 * every one of their figures keyed and each of those tables in tested relations) with no failure but
 * the seed's own inconsistencies; a figure planted wrong in a finance table is caught and named by
 * its line.
 */
class OwnReleaseReadsBackTest {
  static final List<String> EXAMPLES = List.of("examples/hecla-2003", "examples/cordillera-2025",
      "examples/quillback-fy2025", "examples/kittiwake-2025");

  static String release(String example) throws Exception {
    return Releases.render(Releases.produce(Path.of(example), null), "text");
  }

  static List<Failure> unexpected(String example, CheckResult c) {
    boolean seed = example.endsWith("hecla-2003");
    return c.failures().stream()
        .filter(f -> !seed || !EveryPeriodChecksTest.SEED_INCONSISTENCIES.contains(f.relation().id())).toList();
  }

  @TestFactory
  Stream<DynamicTest> everyExampleReadsBackAlmostCompletely() {
    return EXAMPLES.stream().map(example -> DynamicTest.dynamicTest(example, () -> {
      CheckResult c = Check.text(example, release(example));
      int figures = c.release().figureCount();
      int mapped = c.release().mappedCount();
      assertThat(mapped * 100.0 / figures).as("%s: %d of %d figures keyed; not keyed: %s", example, mapped, figures,
          c.release().unmapped()).isGreaterThanOrEqualTo(98.0);
      assertThat(unexpected(example, c)).as("failures of %s", example).isEmpty();
      for (CheckResult.Coverage t : c.coverage()) {
        if (t.kind().equals("finance")) {
          assertThat(t.mapped()).as("%s: figures keyed in %s (not keyed: %s)", example, t.table().name(), t.unmappedLabels())
              .isEqualTo(t.figures());
          // guidance with no actual yet has no arithmetic to test; every other finance table has
          if (!t.table().name().startsWith("Guidance")) {
            assertThat(t.inRelations()).as("%s: figures of %s in tested relations", example, t.table().name()).isPositive();
          }
        }
      }
    }));
  }

  @Test
  void theFinanceTablesOfTheExamplesWithThemAreRead() throws Exception {
    // the examples that print finance tables: the hedge book, guidance, projects and the offer (Hecla), guidance
    // (Quillback), a hedge book in cents per pound and guidance against actuals (Kittiwake)
    assertThat(financeTables("examples/hecla-2003")).anyMatch(n -> n.startsWith("Hedge Book - Mark to Market"))
        .anyMatch(n -> n.startsWith("Guidance")).anyMatch(n -> n.startsWith("Share of guided production"))
        .contains("Project Economics - Mina Isidora", "Project Economics - Lucky Friday 5900 Level")
        .anyMatch(n -> n.startsWith("Preferred Stock Exchange Offer"));
    assertThat(financeTables("examples/quillback-fy2025")).anyMatch(n -> n.startsWith("Guidance"));
    assertThat(financeTables("examples/kittiwake-2025")).anyMatch(n -> n.startsWith("Hedge Book - Mark to Market"))
        .filteredOn(n -> n.startsWith("Guidance")).hasSize(2);
  }

  private static List<String> financeTables(String example) throws Exception {
    return Check.text(example, release(example)).coverage().stream().filter(t -> t.kind().equals("finance"))
        .map(t -> t.table().name()).toList();
  }

  /** The text with the first occurrence of {@code from} on the first line starting with {@code label} replaced. */
  static Planted plant(String text, String label, String from, String to) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith(label) && lines[i].contains(from)) {
        lines[i] = lines[i].replaceFirst(java.util.regex.Pattern.quote(from), to);
        return new Planted(String.join("\n", lines), i + 1);
      }
    }
    throw new AssertionError("no line starting with '" + label + "' holds " + from);
  }

  record Planted(String text, int line) {}

  static List<Failure> failuresAt(CheckResult c, String relationId, int line) {
    return c.failures().stream().filter(f -> f.relation().id().equals(relationId) && f.published().figure().line() == line)
        .toList();
  }

  @Test
  void aWrongMarkToMarketIsCaughtAtItsLine() throws Exception {
    // (288 - 416.25) x 48,928 = -6,275,016: printed (6,275) thousand; planted (6,375)
    Planted p = plant(release("examples/hecla-2003"), "Gold sold forward", "(6,275)", "(6,375)");
    CheckResult c = Check.text("planted", p.text());
    assertThat(failuresAt(c, "hedge.mark_to_market", p.line())).as("failures: %s", c.failures()).hasSize(1);
    assertThat(unexpected("examples/hecla-2003", c)).hasSize(1);
  }

  @Test
  void aWrongMarkToMarketInCentsPerPoundIsCaught() throws Exception {
    // copper: (455.0 - 510.00) cents x 24,000 t x 2,204.62 lb/t = -29,101 thousand; planted -29,201
    Planted p = plant(release("examples/kittiwake-2025"), " cents/lb)", "(29,101)", "(29,201)");
    CheckResult c = Check.text("planted", p.text());
    assertThat(failuresAt(c, "hedge.mark_to_market", p.line())).as("failures: %s", c.failures()).hasSize(1);
  }

  @Test
  void aWrongProjectRevenueIsCaughtAtItsLine() throws Exception {
    // Mina Isidora 2005: 155,325 oz x $325 = $50,480,625: printed 50,481 thousand; planted 50,581
    Planted p = plant(release("examples/hecla-2003"), "Revenue ", "50,481", "50,581");
    CheckResult c = Check.text("planted", p.text());
    assertThat(failuresAt(c, "project.revenue", p.line())).as("failures: %s", c.failures()).hasSize(1);
  }

  @Test
  void aWrongGuidanceDifferenceIsCaughtAtItsLine() throws Exception {
    // copper production: 194,900 - (190,000 + 200,000) / 2 = -100; planted (200)
    Planted p = plant(release("examples/kittiwake-2025"), "Copper production (t)", "(100)", "(200)");
    CheckResult c = Check.text("planted", p.text());
    assertThat(failuresAt(c, "guidance.difference", p.line())).as("failures: %s", c.failures()).hasSize(1);
  }

  @Test
  void aWrongDeemedDividendIsCaughtAtItsLine() throws Exception {
    // 29,787 - 23,200 = 6,587 thousand; planted 6,687
    Planted p = plant(release("examples/hecla-2003"), "Deemed dividend", "6,587", "6,687");
    CheckResult c = Check.text("planted", p.text());
    assertThat(failuresAt(c, "offer.deemed_dividend", p.line())).as("failures: %s", c.failures()).hasSize(1);
  }
}
